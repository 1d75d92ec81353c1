import Foundation
import Testing

/// `espace jsonld …`, `espace rdf canonicalize` and `espace conformance …`, run as a user would.
@Suite("espace jsonld, rdf, conformance")
struct JSONLDCommandTests {
    static let vectors = "conformance/vc/vc-di-eddsa/TestVectors/"

    private func shared(_ path: String) -> String { CLIRunner.sharedRoot.appendingPathComponent(path).path }

    @Test func canonicalizeCredentialMatchesTheDataIntegrityVector() throws {
        let result = try CLIRunner.run(["rdf", "canonicalize", shared(Self.vectors + "unsigned.json")])
        #expect(result.status == 0)
        let expected = try String(contentsOfFile: shared(Self.vectors + "eddsa-rdfc-2022/canonDocDataInt.txt"), encoding: .utf8)
        #expect(result.stdout == expected)
    }

    @Test func toRDFThenFromRDFRoundTrips() throws {
        let nquads = try CLIRunner.run(["jsonld", "to-rdf", shared(Self.vectors + "unsigned.json")])
        #expect(nquads.status == 0)
        #expect(nquads.stdout.split(separator: "\n").count == 8)
        let back = try CLIRunner.run(["jsonld", "from-rdf", "-"], input: nquads.stdoutBytes)
        #expect(back.status == 0)
        #expect(back.stdout.contains("\"@id\": \"urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33\""))
    }

    @Test func compactWithTheDocumentsOwnContext() throws {
        let file = shared(Self.vectors + "unsigned.json")
        let result = try CLIRunner.run(["jsonld", "compact", file, "--context", file])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"alumniOf\": \"The School of Examples\""))
        let flattened = try CLIRunner.run(["jsonld", "flatten", file])
        #expect(flattened.status == 0)
        #expect(flattened.stdout.contains("\"@id\": \"did:example:abcdefgh\""))
    }

    @Test func jsonLDErrorsPrintTheSpecCode() throws {
        let result = try CLIRunner.run(
            ["jsonld", "expand", "-"], input: Array(#"{"@context": {"@vocab": 5}, "a": 1}"#.utf8))
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: invalid vocab mapping: "))
    }

    @Test func remoteContextsAreNotFetched() throws {
        let result = try CLIRunner.run(
            ["jsonld", "to-rdf", "-"], input: Array(#"{"@context": "https://example.org/ctx", "a": 1}"#.utf8))
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: loading remote context failed: "))
    }

    @Test func documentMapServesALocalContext() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("espace-ctx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let context = directory.appendingPathComponent("ctx.jsonld")
        try Data(#"{"@context": {"a": "http://example.org/a"}}"#.utf8).write(to: context)
        let result = try CLIRunner.run(
            ["jsonld", "to-rdf", "-", "--document", "https://example.org/ctx=\(context.path)", "--base", "http://example.org/doc"],
            input: Array(#"{"@context": "https://example.org/ctx", "@id": "", "a": 1}"#.utf8))
        #expect(result.status == 0)
        #expect(result.stdout == "<http://example.org/doc> <http://example.org/a> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n")
    }

    @Test func malformedJSONIsReportedWithItsPosition() throws {
        let result = try CLIRunner.run(["jsonld", "expand", "-"], input: Array("{\n  \"a\": [1,\n}".utf8))
        #expect(result.status == 1)
        #expect(result.stderr.contains("line 3, column 1"))
    }

    @Test func conformanceRDFCanonPrintsCountsAndEARL() throws {
        let earl = FileManager.default.temporaryDirectory.appendingPathComponent("espace-\(UUID().uuidString).ttl")
        defer { try? FileManager.default.removeItem(at: earl) }
        let result = try CLIRunner.run(
            ["conformance", "rdf-canon", shared("conformance/rdf-canon/tests"), "--earl", earl.path])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("86 passed, 0 failed, 0 skipped\n"))
        let report = try String(contentsOf: earl, encoding: .utf8)
        #expect(report.components(separatedBy: "earl:outcome earl:passed").count == 87)
    }

    @Test func everyCommandHasHelp() throws {
        for command in [
            ["--help"], ["jsonld", "--help"], ["jsonld", "expand", "--help"], ["jsonld", "compact", "--help"],
            ["jsonld", "flatten", "--help"], ["jsonld", "to-rdf", "--help"], ["jsonld", "from-rdf", "--help"],
            ["rdf", "canonicalize", "--help"], ["json", "canonicalize", "--help"], ["json", "digest", "--help"],
            ["conformance", "jsonld", "--help"], ["conformance", "rdf-canon", "--help"],
        ] {
            let result = try CLIRunner.run(command)
            #expect(result.status == 0, "\(command)")
            #expect(result.stdout.contains("USAGE:"), "\(command)")
        }
    }
}
