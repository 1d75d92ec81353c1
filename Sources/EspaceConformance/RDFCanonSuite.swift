import EspaceJSON
import EspaceRDF
import EspaceRDFCanon
import Foundation

/// Runs the W3C RDFC-1.0 test suite (`rdf-canon/tests`): reads `manifest.jsonld` and runs
/// every entry. Eval tests compare the canonical N-Quads byte for byte, map tests compare
/// the issued identifiers map, negative tests must raise an error.
public struct RDFCanonSuite: Sendable {
    /// The folder holding `manifest.jsonld` and `rdfc10/`.
    public var directory: String
    /// The canonicalizer under test (its hash algorithm is set per test).
    public var canonicalizer: RDFCanonicalizer

    /// The manifest's IRI; test IRIs are this plus the entry's `#id`.
    public static let manifestIRI = "https://w3c.github.io/rdf-canon/tests/manifest"

    public init(directory: String, canonicalizer: RDFCanonicalizer = RDFCanonicalizer()) {
        self.directory = directory
        self.canonicalizer = canonicalizer
    }

    /// Runs every manifest entry and reports categories `eval`, `map` and `negative`.
    public func run() throws(RDFCanonSuiteError) -> ConformanceReport {
        let manifestPath = directory + "/manifest.jsonld"
        let manifest: JSONValue
        do {
            manifest = try JSONParser().parse(try read(manifestPath))
        } catch let error as RDFCanonSuiteError {
            throw error
        } catch {
            throw RDFCanonSuiteError(message: "\(manifestPath): \(error)")
        }
        guard let entries = manifest["entries"]?.arrayValue else {
            throw RDFCanonSuiteError(message: "\(manifestPath): no 'entries' array")
        }
        return ConformanceReport(suite: "rdf-canon", results: entries.map(runEntry))
    }

    private func runEntry(_ entry: JSONValue) -> ConformanceTestResult {
        let id = entry["id"]?.stringValue ?? "#unknown"
        let name = entry["name"]?.stringValue ?? id
        let type = entry["type"]?.stringValue ?? ""
        let category: String
        switch type {
        case "rdfc:RDFC10EvalTest": category = "eval"
        case "rdfc:RDFC10MapTest": category = "map"
        case "rdfc:RDFC10NegativeEvalTest": category = "negative"
        default: category = "other"
        }
        let testIRI = Self.manifestIRI + id
        func result(_ outcome: ConformanceOutcome) -> ConformanceTestResult {
            ConformanceTestResult(id: testIRI, name: name, category: category, outcome: outcome)
        }
        guard category != "other" else { return result(.skipped("unknown test type \(type)")) }
        guard let action = entry["action"]?.stringValue else { return result(.failed("entry has no action")) }
        var canonicalizer = self.canonicalizer
        if let name = entry["hashAlgorithm"]?.stringValue {
            guard let algorithm = RDFCanonHashAlgorithm(name: name) else {
                return result(.skipped("unsupported hash algorithm \(name)"))
            }
            canonicalizer.hashAlgorithm = algorithm
        } else {
            canonicalizer.hashAlgorithm = .sha256
        }

        let canonical: RDFCanonResult
        do {
            let input = try read(directory + "/" + action)
            let dataset = try NQuadsParser().parse(input)
            canonical = try canonicalizer.canonicalize(dataset)
        } catch {
            if category == "negative" { return result(.passed) }
            return result(.failed("\(action): \(error)"))
        }
        if category == "negative" { return result(.failed("expected an error, but canonicalization succeeded")) }

        guard let expectedPath = entry["result"]?.stringValue else { return result(.failed("entry has no result")) }
        let expected: [UInt8]
        do {
            expected = try read(directory + "/" + expectedPath)
        } catch {
            return result(.failed("\(error)"))
        }
        if category == "eval" {
            if Array(canonical.nquads.utf8) == expected { return result(.passed) }
            return result(.failed("canonical N-Quads differ from \(expectedPath)"))
        }
        do {
            guard let object = try JSONParser().parse(expected).objectValue else {
                return result(.failed("\(expectedPath) is not a JSON object"))
            }
            var map: [String: String] = [:]
            for (key, value) in object {
                guard let label = value.stringValue else {
                    return result(.failed("\(expectedPath): \(key) is not a string"))
                }
                map[key] = label
            }
            if map == canonical.issuedIdentifiers { return result(.passed) }
            return result(.failed("issued identifiers \(canonical.issuedIdentifiers) differ from \(map)"))
        } catch {
            return result(.failed("\(expectedPath): \(error)"))
        }
    }

    private func read(_ path: String) throws(RDFCanonSuiteError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RDFCanonSuiteError(message: "cannot read \(path)")
        }
        return [UInt8](data)
    }
}
