import ArgumentParser
import EspaceJSON
import EspaceJSONLD
import EspaceRDF
import EspaceSHACL
import Foundation

/// `espace shacl`: SHACL tools.
struct SHACLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shacl",
        abstract: "SHACL Core validation.",
        subcommands: [SHACLValidateCommand.self]
    )
}

/// `espace shacl validate --shapes FILE --data FILE [--format text|json|turtle|nquads]`.
struct SHACLValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate a data graph against a SHACL shapes graph (SHACL Core).",
        discussion: """
            Inputs are Turtle (.ttl), N-Triples/N-Quads (.nt, .nq), TriG (.trig) or JSON-LD (.jsonld, \
            .json), chosen by extension or by --data-format/--shapes-format. Prints the validation \
            report. Exits 0 if the data conforms, 1 if it does not, 2 on bad input (unreadable \
            file, syntax error, ill-formed shape).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, turtle, nquads
    }

    @Option(name: .long, help: "The shapes graph file, or - for standard input.")
    var shapes: String

    @Option(name: .long, help: "The data graph file, or - for standard input.")
    var data: String

    @Option(name: .long, help: "The report format.")
    var format: Format = .text

    @Option(name: .customLong("shapes-format"), help: "Syntax of the shapes file (default: by extension).")
    var shapesFormat: RDFInputFormat?

    @Option(name: .customLong("data-format"), help: "Syntax of the data file (default: by extension).")
    var dataFormat: RDFInputFormat?

    @Option(name: .long, help: "Base IRI for relative IRIs in the inputs.")
    var base: String?

    @Option(
        name: .customLong("document"),
        help: ArgumentHelp("JSON-LD input: serve a local file for a context URL, URL=PATH (repeatable).", valueName: "url=path"))
    var documents: [String] = []

    func run() throws {
        guard shapes != "-" || data != "-" else { throw Self.badInput("--shapes and --data cannot both be standard input") }
        let loader = RDFInput(base: base, documents: documents)
        let dataGraph = try loader.read(data, dataFormat, role: "data")
        var shapesGraph = try loader.read(shapes, shapesFormat, role: "shapes")
        if shapes != data {
            // Two parses label blank nodes independently: keep the shapes' apart from the data's.
            shapesGraph = Self.relabelBlankNodes(shapesGraph, prefix: "shapes-")
        }
        let report: SHACLValidationReport
        do {
            report = try SHACLValidator(shapes: try SHACLShapes(shapesGraph)).validate(dataGraph)
        } catch let error as SHACLShapesError {
            throw Self.badInput("shapes \(shapes): \(error)")
        } catch {
            throw Self.badInput("\(error)")
        }
        switch format {
        case .text: print(report.text())
        case .json: print(report.json())
        case .turtle: FileHandle.standardOutput.write(Data(report.turtle().utf8))
        case .nquads: FileHandle.standardOutput.write(Data(report.nquads().utf8))
        }
        if !report.conforms { throw ExitCode(1) }
    }

    static func relabelBlankNodes(_ graph: Dataset, prefix: String) -> Dataset {
        func relabel(_ term: Term) -> Term {
            if case .blank(let label) = term { return .blank(prefix + label) }
            return term
        }
        return Dataset(
            graph.quads.map {
                Quad(
                    subject: relabel($0.subject), predicate: $0.predicate, object: relabel($0.object),
                    graph: $0.graph.map(relabel))
            })
    }

    /// Reports bad input: `error: <message>` on stderr, exit status 2.
    static func badInput(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode(2)
    }
}

/// The RDF syntaxes `espace shacl validate` reads.
enum RDFInputFormat: String, ExpressibleByArgument, CaseIterable {
    case turtle, ntriples, nquads, trig, jsonld

    static func of(_ path: String) -> RDFInputFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonld") || lower.hasSuffix(".json") { return .jsonld }
        if lower.hasSuffix(".nt") { return .ntriples }
        if lower.hasSuffix(".nq") { return .nquads }
        if lower.hasSuffix(".trig") { return .trig }
        return .turtle
    }
}

/// Reads an RDF input file in one of the supported syntaxes; errors exit with status 2.
struct RDFInput {
    var base: String?
    var documents: [String]

    func read(_ path: String, _ format: RDFInputFormat?, role: String) throws -> Dataset {
        let bytes: [UInt8]
        do {
            bytes = try InputSource.read(path)
        } catch {
            throw SHACLValidateCommand.badInput("\(role): \(error)")
        }
        let name = path == "-" ? "<stdin>" : path
        let syntax = format ?? RDFInputFormat.of(path)
        do {
            switch syntax {
            case .turtle: return try TurtleParser(syntax: .turtle, baseIRI: base).parse(bytes)
            case .trig: return try TurtleParser(syntax: .trig, baseIRI: base).parse(bytes)
            case .ntriples: return try NQuadsParser(triplesOnly: true).parse(bytes)
            case .nquads: return try NQuadsParser().parse(bytes)
            case .jsonld:
                var options = JSONLDOptions()
                options.base = base
                options.documentLoader = LocalDocumentLoader(files: try DocumentMap.parse(documents))
                return try JSONLD.toRDF(try JSONParser().parse(bytes), options: options)
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw SHACLValidateCommand.badInput("\(role) \(name) (\(syntax.rawValue)): \(error)")
        }
    }
}
