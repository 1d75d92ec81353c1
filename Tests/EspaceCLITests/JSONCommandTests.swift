import Foundation
import Testing

/// `espace json canonicalize` and `espace json digest`, run as a user would run them.
@Suite("espace json")
struct JSONCommandTests {
    static let jcsVectors = ["arrays", "french", "structures", "unicode", "values", "weird"]
    static let eddsa = "conformance/vc/vc-di-eddsa/TestVectors/"

    private func shared(_ path: String) -> String { CLIRunner.sharedRoot.appendingPathComponent(path).path }

    private func sharedBytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: CLIRunner.sharedRoot.appendingPathComponent(path)))
    }

    @Test(arguments: jcsVectors)
    func canonicalizeFile(name: String) throws {
        let result = try CLIRunner.run(["json", "canonicalize", shared("protocols/jcs/testdata/input/\(name).json")])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdoutBytes == (try sharedBytes("protocols/jcs/testdata/output/\(name).json")) + [0x0A])
    }

    @Test func canonicalizeStandardInput() throws {
        let result = try CLIRunner.run(
            ["json", "canonicalize", "-"], input: Array(#" { "b" : [1.50, 1E2], "a" : "\u00e9" } "#.utf8))
        #expect(result.status == 0)
        #expect(result.stdout == "{\"a\":\"é\",\"b\":[1.5,100]}\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func canonicalizeMalformedInput() throws {
        let result = try CLIRunner.run(["json", "canonicalize", "-"], input: Array("{\n  \"a\": [1, 2,]\n}".utf8))
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: <stdin>: line 2, column 14: unexpected ']', expected a value\n")
    }

    @Test func canonicalizeMalformedFile() throws {
        let path = try CLIRunner.temporaryFile(Array(#"{"a":1,"a":2}"#.utf8))
        let result = try CLIRunner.run(["json", "canonicalize", path])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: \(path): line 1, column 8: duplicate object key \"a\"\n")
    }

    @Test func canonicalizeRejectsNumbersBeyondTheDoubleRange() throws {
        let result = try CLIRunner.run(["json", "canonicalize", "-"], input: Array("[1e400]".utf8))
        #expect(result.status != 0)
        #expect(result.stderr == "error: <stdin>: number 1e400 has no finite IEEE 754 double value\n")
    }

    @Test func canonicalizeInvalidUTF8AndEmptyInput() throws {
        let bad = try CLIRunner.run(["json", "canonicalize", "-"], input: [0x22, 0xFF, 0x22])
        #expect(bad.status != 0 && bad.stderr.hasPrefix("error: <stdin>: line 1, column 2: invalid UTF-8"))
        let empty = try CLIRunner.run(["json", "canonicalize", "-"])
        #expect(
            empty.status != 0
                && empty.stderr == "error: <stdin>: line 1, column 1: unexpected end of input, expected a value\n")
    }

    @Test func canonicalizeMissingFile() throws {
        let result = try CLIRunner.run(["json", "canonicalize", "/nonexistent/espace.json"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: /nonexistent/espace.json: no such file\n")
        let directory = try CLIRunner.run(["json", "canonicalize", NSTemporaryDirectory()])
        #expect(
            directory.status != 0 && directory.stderr.hasPrefix("error: ")
                && directory.stderr.hasSuffix("cannot read the file\n"))
    }

    @Test func missingArgumentIsAUsageError() throws {
        let result = try CLIRunner.run(["json", "canonicalize"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Missing expected argument"))
    }

    @Test func help() throws {
        let result = try CLIRunner.run(["json", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("canonicalize") && result.stdout.contains("digest"))
    }

    /// The alumni credential of vc-di-eddsa: eddsa-jcs-2022 hashes its JCS form.
    @Test func digestOfTheAlumniCredential() throws {
        let expected = String(decoding: try sharedBytes(Self.eddsa + "eddsa-jcs-2022/docHashJCS.txt"), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try CLIRunner.run(["json", "digest", shared(Self.eddsa + "unsigned.json")])
        #expect(result.status == 0 && result.stderr.isEmpty)
        #expect(result.stdout == expected + "\n")
        let sri = try CLIRunner.run(
            ["json", "digest", "--sri", "-"], input: try sharedBytes(Self.eddsa + "unsigned.json"))
        #expect(sri.stdout == "sha256-" + expected + "\n")
    }

    /// The proof configuration hash of eddsa-jcs-2022.
    @Test func digestOfTheProofConfiguration() throws {
        let expected = String(decoding: try sharedBytes(Self.eddsa + "eddsa-jcs-2022/proofHashJCS.txt"), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try CLIRunner.run(["json", "digest", shared(Self.eddsa + "eddsa-jcs-2022/proofConfigJCS.json")])
        #expect(result.stdout == expected + "\n")
    }

    /// A real Gaia-X compliance label lists the `gx:digestSRI` of each credential of the
    /// participant presentation: sha256 hex of the JCS form of each VC-JWT payload.
    @Test func digestSRIMatchesAGaiaXComplianceLabel() throws {
        let presentation = try JSONSerialization.jsonObject(
            with: Data(sharedBytes("gaiax/loire/participant-vp-2026.decoded.json")))
        let labelText = String(
            decoding: try sharedBytes("gaiax/loire/compliance-label-credential-2026.decoded.json"), as: UTF8.self)
        let envelopes = try #require(
            ((presentation as? [String: Any])?["payload"] as? [String: Any])?["verifiableCredential"]
                as? [[String: Any]])
        #expect(envelopes.count == 3)
        for envelope in envelopes {
            let id = try #require(envelope["id"] as? String)
            let jwt = try #require(id.split(separator: ",", maxSplits: 1).last)
            let parts = jwt.split(separator: ".")
            try #require(parts.count == 3)
            var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
            let payload = try #require(Data(base64Encoded: base64))
            let result = try CLIRunner.run(["json", "digest", "--sri", "-"], input: [UInt8](payload))
            #expect(result.status == 0, "\(result.stderr)")
            let digest = result.stdout.trimmingCharacters(in: .newlines)
            #expect(digest.count == 71 && labelText.contains("\"\(digest)\""), "\(digest) not in the compliance label")
        }
    }

    @Test func digestOfMalformedInput() throws {
        let result = try CLIRunner.run(["json", "digest", "-"], input: Array("[1,".utf8))
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: <stdin>: line 1, column 4: unexpected end of input, expected a value\n")
    }
}
