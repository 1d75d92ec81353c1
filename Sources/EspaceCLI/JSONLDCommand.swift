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
        subcommands: [JSONLDExpandCommand.self, JSONLDToRDFCommand.self])
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
