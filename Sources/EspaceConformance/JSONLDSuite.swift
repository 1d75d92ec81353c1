import EspaceJSON
import EspaceJSONLD
import EspaceRDF
import EspaceRDFCanon
import Foundation

/// Runs the W3C JSON-LD 1.1 API test suite (`shared/conformance/json-ld-api/tests`).
public struct JSONLDSuite {
    /// The suite's `tests/` folder.
    public let directory: String
    /// The manifests run, in order.
    public static let manifests = [
        "expand", "compact", "flatten", "toRdf", "fromRdf", "remote-doc", "html",
    ]

    public init(directory: String) {
        self.directory = directory
    }

    /// One entry of a manifest.
    struct Entry {
        var id: String
        var name: String
        var types: [String]
        var input: String
        var expect: String?
        var context: String?
        var frame: String?
        var errorCode: String?
        var option: JSONObject

        var isNegative: Bool { types.contains("jld:NegativeEvaluationTest") }
        var isSyntax: Bool { types.contains("jld:PositiveSyntaxTest") }
    }

    /// Runs the given manifests (all by default), optionally only tests whose id ends
    /// with one of `only` (e.g. `expand-manifest#t0001`).
    public func run(manifests: [String] = JSONLDSuite.manifests, only: [String] = []) -> ConformanceReport {
        var results: [ConformanceTestResult] = []
        for manifest in manifests {
            let entries: [Entry]
            do {
                entries = try loadManifest(manifest)
            } catch {
                results.append(
                    ConformanceTestResult(
                        id: JSONLDSuiteLoader.baseIRI + manifest + "-manifest", name: manifest, category: manifest,
                        outcome: .failed("cannot read manifest: \(error)")))
                continue
            }
            for entry in entries {
                let id = JSONLDSuiteLoader.baseIRI + manifest + "-manifest" + entry.id
                if !only.isEmpty && !only.contains(where: { id.hasSuffix($0) }) { continue }
                let outcome = runEntry(entry, manifest: manifest)
                results.append(ConformanceTestResult(id: id, name: entry.name, category: manifest, outcome: outcome))
            }
        }
        return ConformanceReport(suite: "jsonld", results: results)
    }

    func loadManifest(_ name: String) throws -> [Entry] {
        let path = directory + "/" + name + "-manifest.jsonld"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JSONLDError(.loadingDocumentFailed, "cannot read \(path)")
        }
        let manifest = try JSONParser().parse(data)
        var entries: [Entry] = []
        for item in manifest["sequence"]?.arrayValue ?? [] {
            guard case .object(let o) = item else { continue }
            let types = (o["@type"]?.asArray ?? []).compactMap(\.stringValue)
            entries.append(
                Entry(
                    id: o["@id"]?.stringValue ?? "", name: o["name"]?.stringValue ?? "", types: types,
                    input: o["input"]?.stringValue ?? "", expect: o["expect"]?.stringValue,
                    context: o["context"]?.stringValue, frame: o["frame"]?.stringValue,
                    errorCode: o["expectErrorCode"]?.stringValue, option: o["option"]?.objectValue ?? [:]))
        }
        return entries
    }

    /// Why an entry is not run by this processor, if it is not.
    func skipReason(_ entry: Entry) -> String? {
        if entry.option["specVersion"] == .string("json-ld-1.0") {
            return "JSON-LD 1.0-only test (this is a JSON-LD 1.1 processor)"
        }
        return nil
    }

    func runEntry(_ entry: Entry, manifest: String) -> ConformanceOutcome {
        if let reason = skipReason(entry) { return .skipped(reason) }
        var loader = JSONLDSuiteLoader(directory: directory)
        let inputURL = JSONLDSuiteLoader.baseIRI + entry.input
        var emulation = JSONLDSuiteLoader.HTTPEmulation()
        if case .string(let type)? = entry.option["contentType"] { emulation.contentType = type }
        if let link = entry.option["httpLink"] { emulation.links = link.asArray.compactMap(\.stringValue) }
        if case .string(let target)? = entry.option["redirectTo"] {
            emulation.redirectTo = JSONLDSuiteLoader.baseIRI + target
        }
        loader.emulated[inputURL] = emulation
        // toRdf() extracts all scripts unless told otherwise (API §9.2).
        loader.extractAllScripts = entry.types.contains("jld:ToRDFTest")
        if case .bool(let all)? = entry.option["extractAllScripts"] { loader.extractAllScripts = all }

        var options = JSONLDOptions()
        options.documentLoader = loader
        do {
            try apply(entry.option, to: &options, loader: loader)
            let outcome = try execute(entry, manifest: manifest, inputURL: inputURL, options: options, loader: loader)
            if entry.isNegative {
                return .failed("expected error \(entry.errorCode ?? "?"), but processing succeeded")
            }
            return outcome
        } catch let error as JSONLDError {
            if entry.isNegative {
                return error.code.rawValue == entry.errorCode
                    ? .passed : .failed("expected \(entry.errorCode ?? "?"), got \(error)")
            }
            return .failed("unexpected error: \(error)")
        } catch {
            if entry.isNegative { return .failed("expected \(entry.errorCode ?? "?"), got \(error)") }
            return .failed("unexpected error: \(error)")
        }
    }

    func apply(_ option: JSONObject, to options: inout JSONLDOptions, loader: JSONLDSuiteLoader) throws {
        if case .string(let base)? = option["base"] { options.base = base }
        if case .string(let mode)? = option["processingMode"], let m = ProcessingMode(rawValue: mode) {
            options.processingMode = m
        }
        if case .string(let path)? = option["expandContext"] {
            options.expandContext = try loader.loadDocument(JSONLDSuiteLoader.baseIRI + path).document
        }
        if case .bool(let b)? = option["compactArrays"] { options.compactArrays = b }
        if case .bool(let b)? = option["compactToRelative"] { options.compactToRelative = b }
        if case .bool(let b)? = option["produceGeneralizedRdf"] { options.produceGeneralizedRdf = b }
        if case .string(let d)? = option["rdfDirection"] { options.rdfDirection = d }
        if case .bool(let b)? = option["useNativeTypes"] { options.useNativeTypes = b }
        if case .bool(let b)? = option["useRdfType"] { options.useRdfType = b }
        if case .bool(let b)? = option["extractAllScripts"] { options.extractAllScripts = b }
        if case .bool(let b)? = option["ordered"] { options.ordered = b }
    }

    func readExpected(_ path: String?) throws -> JSONValue {
        guard let path, let data = FileManager.default.contents(atPath: directory + "/" + path) else {
            throw JSONLDError(.loadingDocumentFailed, "missing expected output \(path ?? "-")")
        }
        return try JSONParser().parse(data)
    }

    func execute(
        _ entry: Entry, manifest: String, inputURL: String, options: JSONLDOptions, loader: JSONLDSuiteLoader
    ) throws -> ConformanceOutcome {
        let types = Set(entry.types)
        if types.contains("jld:FromRDFTest") {
            return try executeFromRDF(entry, options: options)
        }
        let remote = try loader.loadDocument(inputURL)
        var options = options
        if let htmlBase = remote.htmlBase {
            options.base = IRIReference.resolve(htmlBase, against: options.base ?? remote.documentURL)
        }
        if let outcome = try executeCompactionFamily(entry, types: types, remote: remote, options: options, loader: loader) {
            return outcome
        }
        if types.contains("jld:ExpandTest") {
            let result = try JSONLD.expand(
                remote.document, documentURL: remote.documentURL, contextURL: remote.contextURL, options: options)
            if entry.isNegative { return .passed }
            let expected = try readExpected(entry.expect)
            return compare(.array(result), expected)
        }
        if types.contains("jld:ToRDFTest") {
            let dataset = try JSONLD.toRDF(
                remote.document, documentURL: remote.documentURL, contextURL: remote.contextURL, options: options)
            if entry.isNegative || entry.isSyntax { return .passed }
            guard let expect = entry.expect, let data = FileManager.default.contents(atPath: directory + "/" + expect) else {
                return .failed("missing expected output")
            }
            let expected = try NQuadsParser(allowsGeneralizedRDF: options.produceGeneralizedRdf).parse(data)
            return compareDatasets(dataset, expected)
        }
        return .skipped("operation not implemented yet")
    }

    /// Datasets are compared by isomorphism: equal RDFC-1.0 canonical forms.
    func compareDatasets(_ actual: Dataset, _ expected: Dataset) -> ConformanceOutcome {
        let canonicalizer = RDFCanonicalizer()
        do {
            let a = try canonicalizer.canonicalize(Self.reifyBlankPredicates(actual)).nquads
            let b = try canonicalizer.canonicalize(Self.reifyBlankPredicates(expected)).nquads
            if a == b { return .passed }
            return .failed("datasets differ\n  got:\n\(a.prefix(1200))  want:\n\(b.prefix(1200))")
        } catch {
            return .failed("cannot canonicalize for comparison: \(error)")
        }
    }

    /// RDFC-1.0 relabels blank nodes in subject, object and graph positions only. For
    /// generalized RDF, each statement with a blank predicate becomes a fresh blank node
    /// linking its parts, which keeps two datasets isomorphic exactly when they were.
    static func reifyBlankPredicates(_ dataset: Dataset) -> Dataset {
        guard dataset.quads.contains(where: { $0.predicate.isBlank }) else { return dataset }
        var out = Dataset()
        for (i, quad) in dataset.quads.enumerated() {
            guard quad.predicate.isBlank else { out.insert(quad); continue }
            let statement = Term.blank("espace-statement-\(i)")
            let part = { (name: String) in Term.iri("urn:espace:statement:" + name) }
            out.insert(Quad(subject: statement, predicate: part("subject"), object: quad.subject))
            out.insert(Quad(subject: statement, predicate: part("predicate"), object: quad.predicate))
            out.insert(Quad(subject: statement, predicate: part("object"), object: quad.object))
            if let graph = quad.graph { out.insert(Quad(subject: statement, predicate: part("graph"), object: graph)) }
        }
        return out
    }

    func compare(_ actual: JSONValue, _ expected: JSONValue) -> ConformanceOutcome {
        if JSONLDComparison.equivalent(actual, expected) { return .passed }
        let got = (try? JSONSerializer(options: .init(sortKeys: true)).serialize(actual)) ?? ""
        let want = (try? JSONSerializer(options: .init(sortKeys: true)).serialize(expected)) ?? ""
        return .failed("output differs\n  got:  \(got.prefix(600))\n  want: \(want.prefix(600))")
    }
}
