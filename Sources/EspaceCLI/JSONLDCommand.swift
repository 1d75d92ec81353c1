import ArgumentParser
import EspaceJSON
import EspaceJSONLD
import EspaceRDF
import Foundation

/// `espace jsonld`: the JSON-LD 1.1 API from the command line.
struct JSONLDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jsonld",
        abstract: "JSON-LD 1.1: expand, compact, flatten, and convert to and from RDF.",
        discussion: """
            Contexts are never fetched from the network: the well-known contexts (VC, DID, \
            security suites, status lists, DSP, DCP, ODRL, Gaia-X) are built in, others are \
            served with --document URL=PATH, and remote loading needs --allow-remote PREFIX. \
            On a JSON-LD error the command prints 'error: <JSON-LD error code>: <detail>' \
            and exits with status 1.
            """,
        subcommands: [
            JSONLDExpandCommand.self, JSONLDCompactCommand.self, JSONLDFlattenCommand.self, JSONLDToRDFCommand.self,
            JSONLDFromRDFCommand.self,
        ])
}

/// `espace jsonld expand FILE`.
struct JSONLDExpandCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expand", abstract: "Print the expanded form of a JSON-LD document.")

    @OptionGroup var common: JSONLDCommonOptions

    func run() throws {
        let options = try common.makeOptions()
        let input = try common.readJSON(common.file)
        let expanded = try runJSONLD { () throws(JSONLDError) in try JSONLD.expand(input, options: options) }
        try printJSON(.array(expanded))
    }
}

/// `espace jsonld to-rdf FILE`.
struct JSONLDToRDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "to-rdf", abstract: "Print the RDF dataset of a JSON-LD document as N-Quads.")

    @OptionGroup var common: JSONLDCommonOptions

    @Option(name: .customLong("rdf-direction"), help: "i18n-datatype or compound-literal (for @direction).")
    var rdfDirection: String?

    @Flag(name: .customLong("generalized-rdf"), help: "Allow blank nodes as predicates.")
    var generalizedRDF = false

    func run() throws {
        var options = try common.makeOptions()
        options.rdfDirection = rdfDirection
        options.produceGeneralizedRdf = generalizedRDF
        let input = try common.readJSON(common.file)
        let dataset = try runJSONLD { () throws(JSONLDError) in try JSONLD.toRDF(input, options: options) }
        FileHandle.standardOutput.write(Data(NQuadsSerializer.serialize(dataset.quads).utf8))
    }
}

/// `espace jsonld compact FILE --context FILE`.
struct JSONLDCompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact", abstract: "Print a JSON-LD document compacted with a context.")

    @OptionGroup var common: JSONLDCommonOptions

    @Option(name: .long, help: "The context to compact with (a context document or a file whose @context is used).")
    var context: String

    @Flag(name: .customLong("no-compact-arrays"), help: "Keep one-element arrays.")
    var noCompactArrays = false

    func run() throws {
        var options = try common.makeOptions()
        options.compactArrays = !noCompactArrays
        let input = try common.readJSON(common.file)
        let context = try common.readJSON(self.context)
        let output = try runJSONLD { () throws(JSONLDError) in
            try JSONLD.compact(input, context: context, options: options)
        }
        try printJSON(output)
    }
}

/// `espace jsonld flatten FILE [--context FILE]`.
struct JSONLDFlattenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flatten", abstract: "Print the flattened form of a JSON-LD document (compacted with --context).")

    @OptionGroup var common: JSONLDCommonOptions

    @Option(name: .long, help: "A context to compact the flattened document with.")
    var context: String?

    func run() throws {
        let options = try common.makeOptions()
        let input = try common.readJSON(common.file)
        let context = try self.context.map { try common.readJSON($0) }
        let output = try runJSONLD { () throws(JSONLDError) in
            try JSONLD.flatten(input, context: context, options: options)
        }
        try printJSON(output)
    }
}

/// `espace jsonld from-rdf FILE`.
struct JSONLDFromRDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "from-rdf", abstract: "Print an RDF dataset (N-Quads) as expanded JSON-LD.")

    @Argument(help: "The N-Quads input, or '-' for standard input.")
    var file: String

    @Flag(name: .customLong("use-native-types"), help: "Turn xsd:boolean, xsd:integer and xsd:double literals into JSON values.")
    var useNativeTypes = false

    @Flag(name: .customLong("use-rdf-type"), help: "Keep rdf:type as a property instead of @type.")
    var useRdfType = false

    @Option(name: .customLong("rdf-direction"), help: "i18n-datatype or compound-literal.")
    var rdfDirection: String?

    @Option(name: .customLong("processing-mode"), help: "json-ld-1.0 or json-ld-1.1.")
    var processingMode: String = "json-ld-1.1"

    func run() throws {
        var options = JSONLDOptions()
        options.useNativeTypes = useNativeTypes
        options.useRdfType = useRdfType
        options.rdfDirection = rdfDirection
        guard let mode = ProcessingMode(rawValue: processingMode) else {
            throw CommandFailure.exit("--processing-mode must be json-ld-1.0 or json-ld-1.1, not \(processingMode)")
        }
        options.processingMode = mode
        let bytes: [UInt8]
        do {
            bytes = try InputSource.read(file)
        } catch {
            throw CommandFailure.exit("\(error)")
        }
        let dataset: Dataset
        do {
            dataset = try NQuadsParser().parse(bytes)
        } catch {
            throw CommandFailure.exit("\(file == "-" ? "<stdin>" : file): \(error)")
        }
        let output = try runJSONLD { () throws(JSONLDError) in try JSONLD.fromRDF(dataset, options: options) }
        try printJSON(.array(output))
    }
}
