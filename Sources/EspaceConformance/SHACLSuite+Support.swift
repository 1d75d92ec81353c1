import EspaceRDF
import EspaceSHACL
import Foundation

/// Reads the suite's Turtle files once each, with their `file:` IRI as base.
struct SuiteFileLoader {
    private var cache: [String: Dataset] = [:]

    static func iri(_ path: String) -> String { "file://" + path }

    static func path(_ iri: String) -> String? {
        guard iri.hasPrefix("file://") else { return nil }
        return String(iri.dropFirst("file://".count)).removingPercentEncoding
    }

    mutating func load(_ path: String) throws(SHACLSuiteError) -> Dataset {
        if let dataset = cache[path] { return dataset }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SHACLSuiteError(message: "cannot read \(path)")
        }
        do {
            let dataset = try TurtleParser(baseIRI: Self.iri(path)).parse([UInt8](data))
            cache[path] = dataset
            return dataset
        } catch {
            throw SHACLSuiteError(message: "\(path): \(error)")
        }
    }
}

/// A test file's graph indexed by subject, with RDF list reading.
struct SuiteGraph {
    private var edges: [Term: [String: [Term]]] = [:]

    init(_ graph: Dataset) {
        for quad in graph.quads {
            guard case .iri(let p) = quad.predicate else { continue }
            edges[quad.subject, default: [:]][p, default: []].append(quad.object)
        }
    }

    func objects(_ subject: Term, _ predicate: String) -> [Term] { edges[subject]?[predicate] ?? [] }

    func list(_ head: Term) -> [Term]? {
        var items: [Term] = []
        var node = head
        while node != .iri(Vocabulary.rdfNil) {
            guard items.count < 10_000, let first = objects(node, Vocabulary.rdfFirst).first,
                let rest = objects(node, Vocabulary.rdfRest).first
            else { return nil }
            items.append(first)
            node = rest
        }
        return items
    }
}

/// The expected report of a test: `sh:conforms` and the compared fields of each result.
struct ExpectedSHACLReport {
    struct Key: Hashable, CustomStringConvertible {
        var focus: Term?
        var path: SHACLPath?
        var severity: Term?
        var component: String?
        var shape: Term?
        var value: Term?

        var description: String {
            let parts: [String] = [
                focus.map { "focus \(NQuadsSerializer.string($0))" } ?? "",
                path.map { "path \($0)" } ?? "",
                severity.map { "severity \(NQuadsSerializer.string($0))" } ?? "",
                component.map { "component \($0.replacingOccurrences(of: SHACL.ns, with: "sh:"))" } ?? "",
                shape.map { "shape \(NQuadsSerializer.string($0))" } ?? "",
                value.map { "value \(NQuadsSerializer.string($0))" } ?? "",
            ]
            return "(" + parts.filter { !$0.isEmpty }.joined(separator: ", ") + ")"
        }
    }

    var conforms: Bool
    var results: [Key] = []

    init(_ node: Term, index: SuiteGraph, graph: Dataset) throws(SHACLSuiteError) {
        let sh = SHACL.ns
        guard let conformsLiteral = index.objects(node, sh + "conforms").first?.literalValue else {
            throw SHACLSuiteError(message: "the expected report has no sh:conforms")
        }
        conforms = conformsLiteral.lexicalForm == "true" || conformsLiteral.lexicalForm == "1"
        for result in index.objects(node, sh + "result") {
            var key = Key()
            key.focus = index.objects(result, sh + "focusNode").first
            if let pathNode = index.objects(result, sh + "resultPath").first {
                do {
                    key.path = try SHACLPath(node: pathNode, in: graph)
                } catch {
                    throw SHACLSuiteError(message: "expected sh:resultPath: \(error)")
                }
            }
            key.severity = index.objects(result, sh + "resultSeverity").first
            key.component = index.objects(result, sh + "sourceConstraintComponent").first?.iriValue
            key.shape = index.objects(result, sh + "sourceShape").first
            key.value = index.objects(result, sh + "value").first
            results.append(key)
        }
    }

    /// What differs from `report`; empty when it matches.
    func compare(_ report: SHACLValidationReport) -> [String] {
        var diffs: [String] = []
        if report.conforms != conforms { diffs.append("conforms \(report.conforms), expected \(conforms)") }
        var expected: [Key: Int] = [:]
        for key in results { expected[key, default: 0] += 1 }
        var actual: [Key: Int] = [:]
        for r in report.results {
            let key = Key(
                focus: r.focusNode, path: r.resultPath, severity: r.severity,
                component: r.sourceConstraintComponent, shape: r.sourceShape, value: r.value)
            actual[key, default: 0] += 1
        }
        for (key, count) in expected where actual[key, default: 0] < count {
            diffs.append("missing \(count - actual[key, default: 0])× \(key)")
        }
        for (key, count) in actual where expected[key, default: 0] < count {
            diffs.append("unexpected \(count - expected[key, default: 0])× \(key)")
        }
        return diffs.sorted()
    }
}
