import EspaceJSON
import Foundation
import Testing

/// `espace key generate`, `espace did create` and `espace did resolve`, run as a user would.
@Suite("espace key and did")
struct IdentityCommandTests {
    static func scratch(_ name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("espace-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    static func json(_ text: String) throws -> JSONValue { try JSONParser().parse(text) }

    @Test(arguments: ["ed25519", "p256", "p384", "rsa"])
    func generateWritesAPrivateJWKWithMode0600(type: String) throws {
        let path = try Self.scratch("key.jwk")
        let result = try CLIRunner.run(["key", "generate", "--type", type, "--out", path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let output = try Self.json(result.stdout)
        let privateJWK = try Self.json(
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self))
        #expect(privateJWK["d"] != nil)
        #expect(output["privateJwk"] == nil)
        #expect(output["privateJwkFile"]?.stringValue == path)
        #expect(output["publicJwk"]?["d"] == nil)
        #expect(output["publicJwk"]?["kty"] == privateJWK["kty"])
        #expect(output["thumbprint"]?.stringValue?.count == 43)
        #expect(output["didJwk"]?.stringValue?.hasPrefix("did:jwk:") == true)
        #expect((output["didKey"] != nil) == (type != "rsa"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func generateCreateResolveRoundTrip() throws {
        let path = try Self.scratch("key.jwk")
        let generated = try CLIRunner.run(["key", "generate", "--type", "p256", "--out", path])
        #expect(generated.status == 0)
        #expect(generated.stdout.contains("Thumbprint (RFC 7638): "))
        #expect(generated.stdout.contains("written to \(path)"))

        let created = try CLIRunner.run(["did", "create", "--method", "key", "--key", path, "--json"])
        #expect(created.status == 0, "\(created.stderr)")
        let document = try Self.json(created.stdout)
        let did = try #require(document["id"]?.stringValue)
        #expect(did.hasPrefix("did:key:zDn"))

        let resolved = try CLIRunner.run(["did", "resolve", did, "--json"])
        #expect(resolved.status == 0, "\(resolved.stderr)")
        #expect(try Self.json(resolved.stdout) == document)

        let text = try CLIRunner.run(["did", "resolve", did])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("DID: \(did)\n"))
        #expect(text.stdout.contains("type: Multikey, key: EC P-256"))
        #expect(text.stdout.contains("for: authentication, assertionMethod"))

        let jwk = try CLIRunner.run(["did", "create", "--method", "jwk", "--key", path, "--json"])
        let jwkDID = try #require(try Self.json(jwk.stdout)["id"]?.stringValue)
        let resolvedJWK = try CLIRunner.run(["did", "resolve", jwkDID + "#0", "--json"])
        #expect(try Self.json(resolvedJWK.stdout) == (try Self.json(jwk.stdout)))
    }

    @Test func createsADIDWebDocumentToHost() throws {
        let key = try Self.scratch("key.jwk")
        #expect(try CLIRunner.run(["key", "generate", "--type", "ed25519", "--out", key]).status == 0)
        let out = try Self.scratch("did.json")
        let result = try CLIRunner.run([
            "did", "create", "--method", "web", "--key", key, "--domain", "node.example.com:8443/parties/acme",
            "--service", "dsp=DataService=https://node.example.com/dsp", "--out", out,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("DID: did:web:node.example.com%3A8443:parties:acme\n"))
        #expect(result.stdout.contains("Serve the document at: https://node.example.com:8443/parties/acme/did.json"))
        let document = try Self.json(String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self))
        #expect(document["id"] == "did:web:node.example.com%3A8443:parties:acme")
        #expect(document["service"]?.arrayValue?.first?["serviceEndpoint"] == "https://node.example.com/dsp")
        #expect(document["verificationMethod"]?.arrayValue?.first?["publicKeyJwk"]?["d"] == nil)
        #expect(document["verificationMethod"]?.arrayValue?.first?["publicKeyJwk"]?["alg"] == "EdDSA")
    }

    @Test func reportsErrors() throws {
        let unsupported = try CLIRunner.run(["did", "resolve", "did:example:123"])
        #expect(unsupported.status == 1)
        #expect(unsupported.stderr.hasPrefix("error: DID method \"example\" is not supported"))
        let guarded = try CLIRunner.run(["did", "resolve", "did:web:127.0.0.1"])
        #expect(guarded.status == 1)
        #expect(guarded.stderr.hasPrefix("error: "))
        let loopback = try CLIRunner.run(["did", "resolve", "did:web:localhost%3A9"])
        #expect(loopback.status == 1)
        #expect(loopback.stderr.contains("loopback"))
        let noDomain = try CLIRunner.run(["did", "create", "--method", "web", "--key", "/nonexistent.jwk"])
        #expect(noDomain.status == 1)
        #expect(noDomain.stderr == "error: /nonexistent.jwk: cannot read the file\n")
        let rsaKey = try Self.scratch("rsa.jwk")
        #expect(try CLIRunner.run(["key", "generate", "--type", "rsa", "--out", rsaKey]).status == 0)
        let rsaDIDKey = try CLIRunner.run(["did", "create", "--method", "key", "--key", rsaKey])
        #expect(rsaDIDKey.status == 1)
        #expect(rsaDIDKey.stderr.hasPrefix("error: "))
        let badService = try CLIRunner.run([
            "did", "create", "--method", "web", "--key", rsaKey, "--domain", "example.com", "--service", "dsp=only-two",
        ])
        #expect(badService.stderr == "error: --service \"dsp=only-two\" is not id=type=url\n")
        let serviceOnKey = try CLIRunner.run([
            "did", "create", "--method", "jwk", "--key", rsaKey, "--domain", "x.example",
        ])
        #expect(serviceOnKey.stderr == "error: --domain and --service apply to did:web only\n")
        let printed = try CLIRunner.run(["key", "generate", "--type", "ed25519"])
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("Private JWK (keep it secret):"))
        #expect(printed.stdout.contains("\"d\""))
        #expect(try CLIRunner.run(["key", "generate", "--help"]).stdout.contains("--type"))
        #expect(try CLIRunner.run(["did", "create", "--help"]).stdout.contains("--service"))
        let help = try CLIRunner.run(["did", "resolve", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--allow-host"))
    }
}
