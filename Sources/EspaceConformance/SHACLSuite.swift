import EspaceRDF
import EspaceSHACL
import Foundation

/// Runs the W3C SHACL Core test suite (`data-shapes-test-suite/tests/core`): follows the
/// `mf:include` tree from `manifest.ttl`, and for every `sht:Validate` entry validates its
/// data graph against its shapes graph and compares the report with the expected one:
/// `sh:conforms`, and the results as a multiset of (focus node, path by structure,
/// severity, constraint component, source shape, value). Messages are not compared.
public struct SHACLSuite: Sendable {
    /// The `core` folder (holding `manifest.ttl`), or a folder holding `tests/core`.
    public var directory: String

    static let mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
    static let sht = "http://www.w3.org/ns/shacl-test#"
    static let sh = SHACL.ns
    /// Test IRIs are `urn:x-shacl-test:/core/<folder>/<name>`, as in the W3C implementation reports.
    static let testIRIBase = "urn:x-shacl-test:/core/"

    public init(directory: String) {
        self.directory = directory
    }

    /// Runs every entry; the category is the folder (`node`, `property`, `path`, …).
    public func run() throws(SHACLSuiteError) -> ConformanceReport {
        var core = directory
        for candidate in [directory + "/tests/core", directory + "/core"]
        where FileManager.default.fileExists(atPath: candidate + "/manifest.ttl") {
            core = candidate
        }
        core = URL(fileURLWithPath: core).standardizedFileURL.path
        var loader = SuiteFileLoader()
        var files: [String] = []
        var pending = [core + "/manifest.ttl"]
        var visited: Set<String> = []
        while let path = pending.first {
            pending.removeFirst()
            guard visited.insert(path).inserted else { continue }
            let graph = try loader.load(path)
            let includes = graph.quads.filter {
                $0.subject == .iri(SuiteFileLoader.iri(path)) && $0.predicate == .iri(Self.mf + "include")
            }
            if includes.isEmpty { files.append(path) }
            for quad in includes {
                guard let target = quad.object.iriValue.flatMap(SuiteFileLoader.path) else {
                    throw SHACLSuiteError(message: "\(path): mf:include is not a file IRI")
                }
                pending.append(target)
            }
        }
        var results: [ConformanceTestResult] = []
        for file in files.sorted() {
            results += try runFile(file, core: core, loader: &loader)
        }
        return ConformanceReport(suite: "shacl", results: results)
    }

    private func runFile(_ path: String, core: String, loader: inout SuiteFileLoader) throws(SHACLSuiteError)
        -> [ConformanceTestResult]
    {
        let graph = try loader.load(path)
        let fileIRI = Term.iri(SuiteFileLoader.iri(path))
        let relative = path.hasPrefix(core + "/") ? String(path.dropFirst(core.count + 1)) : path
        let category = relative.split(separator: "/").first.map(String.init) ?? "core"
        let index = SuiteGraph(graph)
        guard let head = index.objects(fileIRI, Self.mf + "entries").first, let entries = index.list(head) else {
            return []
        }
        return entries.map { entry in
            let name = index.objects(entry, "http://www.w3.org/2000/01/rdf-schema#label").first?.literalValue?
                .lexicalForm ?? ""
            let local = entry.iriValue.map { String($0.split(separator: "/").last ?? "") } ?? "entry"
            let folder = relative.split(separator: "/").dropLast().joined(separator: "/")
            let id = Self.testIRIBase + (folder.isEmpty ? "" : folder + "/") + local
            let outcome = runEntry(entry, index: index, graph: graph, loader: &loader)
            return ConformanceTestResult(id: id, name: name, category: category, outcome: outcome)
        }
    }

    private func runEntry(_ entry: Term, index: SuiteGraph, graph: Dataset, loader: inout SuiteFileLoader)
        -> ConformanceOutcome
    {
        guard index.objects(entry, Vocabulary.rdfType).contains(.iri(Self.sht + "Validate")) else {
            return .skipped("not an sht:Validate test")
        }
        guard let action = index.objects(entry, Self.mf + "action").first,
            let dataIRI = index.objects(action, Self.sht + "dataGraph").first?.iriValue,
            let shapesIRI = index.objects(action, Self.sht + "shapesGraph").first?.iriValue,
            let dataPath = SuiteFileLoader.path(dataIRI), let shapesPath = SuiteFileLoader.path(shapesIRI),
            let expectedNode = index.objects(entry, Self.mf + "result").first
        else { return .failed("the entry lacks mf:action data/shapes graphs or mf:result") }
        let report: SHACLValidationReport
        do {
            let shapes = try SHACLShapes(try loader.load(shapesPath))
            report = try SHACLValidator(shapes: shapes).validate(try loader.load(dataPath))
        } catch {
            if expectedNode == .iri(Self.sht + "Failure") { return .passed }
            return .failed("\(error)")
        }
        if expectedNode == .iri(Self.sht + "Failure") { return .failed("expected a failure, but validation succeeded") }
        do {
            let expected = try ExpectedSHACLReport(expectedNode, index: index, graph: graph)
            let diffs = expected.compare(report)
            return diffs.isEmpty ? .passed : .failed(diffs.joined(separator: "; "))
        } catch {
            return .failed("\(error)")
        }
    }
}

/// Why the SHACL suite could not be run (what, where).
public struct SHACLSuiteError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
