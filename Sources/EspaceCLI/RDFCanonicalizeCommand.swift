import ArgumentParser
import EspaceJSON
import EspaceJSONLD
import EspaceRDF
import EspaceRDFCanon
import Foundation

/// `espace rdf canonicalize FILE|-`: prints the RDFC-1.0 canonical N-Quads of a dataset.
struct RDFCanonicalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "canonicalize",
        abstract: "Print the RDFC-1.0 canonical N-Quads of an RDF dataset."
    )

    enum InputFormat: String, ExpressibleByArgument, CaseIterable {
        case nquads, turtle, trig, jsonld
    }

    enum HashName: String, ExpressibleByArgument, CaseIterable {
        case sha256, sha384
    }

    @Argument(help: "The input file, or '-' for standard input.")
    var file: String

    @Option(name: .long, help: "Input syntax (default: from the file extension, else nquads).")
    var input: InputFormat?

    @Option(name: .long, help: "Hash algorithm.")
    var hash: HashName = .sha256

    @Option(name: .long, help: "Base IRI for relative IRIs in Turtle, TriG and JSON-LD.")
    var base: String?

    @Option(
        name: .customLong("document"),
        help: ArgumentHelp("JSON-LD input: serve a local file for a context URL, URL=PATH (repeatable).", valueName: "url=path"))
    var documents: [String] = []

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try InputSource.read(file)
        } catch {
            throw CommandFailure.exit("\(error)")
        }
        let format = input ?? Self.format(of: file)
        let name = file == "-" ? "<stdin>" : file
        let dataset: Dataset
        do {
            switch format {
            case .nquads: dataset = try NQuadsParser().parse(bytes)
            case .turtle: dataset = try TurtleParser(syntax: .turtle, baseIRI: base).parse(bytes)
            case .trig: dataset = try TurtleParser(syntax: .trig, baseIRI: base).parse(bytes)
            case .jsonld: dataset = try jsonLDDataset(bytes)
            }
        } catch {
            throw CommandFailure.exit("\(name): \(error)")
        }
        let algorithm: RDFCanonHashAlgorithm = hash == .sha384 ? .sha384 : .sha256
        do {
            let result = try RDFCanonicalizer(hashAlgorithm: algorithm).canonicalize(dataset)
            FileHandle.standardOutput.write(Data(result.nquads.utf8))
        } catch {
            throw CommandFailure.exit("\(name): \(error)")
        }
    }

    /// The RDF dataset of a JSON-LD document (bundled contexts and --document files only).
    func jsonLDDataset(_ bytes: [UInt8]) throws -> Dataset {
        let files = try DocumentMap.parse(documents)
        var options = JSONLDOptions()
        options.base = base
        options.documentLoader = LocalDocumentLoader(files: files)
        let document = try JSONParser().parse(bytes)
        return try JSONLD.toRDF(document, options: options)
    }

    static func format(of path: String) -> InputFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonld") || lower.hasSuffix(".json") { return .jsonld }
        if lower.hasSuffix(".ttl") { return .turtle }
        if lower.hasSuffix(".trig") { return .trig }
        return .nquads
    }
}
