import Foundation
import Testing

/// `espace ca init|issue|verify`, run as a user would run them.
@Suite("espace ca")
struct CACommandTests {
    /// The Ed25519 public key of RFC 8037 §A.2, as a JWK file.
    static let jwk = #"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#

    private func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("espace-ca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func initIssueVerify() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let ca = base.appendingPathComponent("ca").path
        let created = try CLIRunner.run([
            "ca", "init", "--dir", ca, "--subject", "CN=Test Root,O=Espace", "--key-type", "p384",
        ])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("created root CA CN=Test Root"))
        let keyFile = ca + "/ca-key.pem"
        let mode = try FileManager.default.attributesOfItem(atPath: keyFile)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try String(contentsOfFile: keyFile, encoding: .utf8).hasPrefix("-----BEGIN PRIVATE KEY-----"))

        let again = try CLIRunner.run(["ca", "init", "--dir", ca])
        #expect(again.status == 1)
        #expect(again.stderr.hasPrefix("error: ") && again.stderr.contains("--force"))

        let key = try CLIRunner.temporaryFile(Array(Self.jwk.utf8), name: "key.jwk")
        let chain = base.appendingPathComponent("chain.pem").path
        let issued = try CLIRunner.run([
            "ca", "issue", "--dir", ca, "--key", key, "--name", "participant.example", "--policy", "2.23.140.1.1",
            "--out", chain,
        ])
        #expect(issued.status == 0, "\(issued.stderr)")
        #expect(issued.stdout.contains("issued CN=participant.example"))
        #expect(issued.stdout.contains("policies: 2.23.140.1.1"))

        let verified = try CLIRunner.run([
            "ca", "verify", "--chain", chain, "--anchor", ca + "/ca.pem", "--policy", "2.23.140.1.1", "--jwk", key,
            "--json",
        ])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout.contains(#""valid": true"#))
        #expect(verified.stdout.contains(#""chainLength": 2"#))

        let text = try CLIRunner.run(["ca", "verify", "--chain", chain, "--anchor", ca + "/ca.pem"])
        #expect(text.status == 0 && text.stdout.hasPrefix("valid: chain of 2 reaches trust anchor CN=Test Root"))

        let noEV = try CLIRunner.run([
            "ca", "verify", "--chain", chain, "--anchor", ca + "/ca.pem", "--policy", "1.2.3",
        ])
        #expect(noEV.status == 1)
        #expect(noEV.stderr.hasPrefix("error: ") && noEV.stderr.contains("[unsupported]"))

        let late = try CLIRunner.run([
            "ca", "verify", "--chain", chain, "--anchor", ca + "/ca.pem", "--at", "2099-01-01T00:00:00Z",
        ])
        #expect(late.status == 1 && late.stderr.contains("[expired]"))
    }

    @Test func intermediateAndForeignRoot() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let root = base.appendingPathComponent("root").path
        let issuing = base.appendingPathComponent("issuing").path
        let other = base.appendingPathComponent("other").path
        #expect(try CLIRunner.run(["ca", "init", "--dir", root]).status == 0)
        #expect(try CLIRunner.run(["ca", "init", "--dir", other, "--subject", "CN=Other Root"]).status == 0)
        let intermediate = try CLIRunner.run(
            ["ca", "init", "--dir", issuing, "--parent", root, "--subject", "CN=Issuing CA", "--json"])
        #expect(intermediate.status == 0, "\(intermediate.stderr)")
        #expect(intermediate.stdout.contains(#""subject": "CN=Issuing CA""#))

        let key = try CLIRunner.temporaryFile(Array(Self.jwk.utf8), name: "key.jwk")
        let pem = try CLIRunner.run(["ca", "issue", "--dir", issuing, "--key", key, "--name", "host.example"])
        #expect(pem.status == 0, "\(pem.stderr)")
        #expect(pem.stdout.components(separatedBy: "-----BEGIN CERTIFICATE-----").count == 4)
        let chain = try CLIRunner.temporaryFile(pem.stdoutBytes, name: "chain.pem")

        #expect(try CLIRunner.run(["ca", "verify", "--chain", chain, "--anchor", root + "/ca.pem"]).status == 0)
        let foreign = try CLIRunner.run(["ca", "verify", "--chain", chain, "--anchor", other + "/ca.pem"])
        #expect(foreign.status == 1)
        #expect(foreign.stderr.hasPrefix("error: ") && foreign.stderr.contains("[chainNotAnchored]"))

        let otherKey = try CLIRunner.temporaryFile(
            Array(try String(contentsOfFile: other + "/ca-key.pem", encoding: .utf8).utf8), name: "k.pem")
        let mismatch = try CLIRunner.run([
            "ca", "verify", "--chain", chain, "--anchor", root + "/ca.pem", "--jwk", otherKey,
        ])
        #expect(mismatch.status == 1 && mismatch.stderr.contains("[jwkNotLeafKey]"))
    }

    @Test func badInputsFailWithAMessage() throws {
        let missing = try CLIRunner.run(["ca", "verify", "--chain", "/nonexistent.pem", "--anchor", "/nonexistent.pem"])
        #expect(missing.status == 1 && missing.stderr == "error: /nonexistent.pem: no such file\n")
        let notPEM = try CLIRunner.temporaryFile(Array("hello".utf8), name: "chain.pem")
        let malformed = try CLIRunner.run(["ca", "verify", "--chain", notPEM, "--anchor", notPEM])
        #expect(malformed.status == 1 && malformed.stderr.contains("[malformed]"))
        let badType = try CLIRunner.run(["ca", "init", "--dir", try scratch().path, "--key-type", "rsa"])
        #expect(badType.status == 1 && badType.stderr == "error: --key-type must be p256 or p384, got rsa\n")
        let help = try CLIRunner.run(["ca", "issue", "--help"])
        #expect(help.status == 0 && help.stdout.contains("--policy"))
    }
}
