import EspaceJSON
import Foundation
import Testing

/// `espace vc issue`, `vc verify` and `vc present`, run as a user would.
@Suite("espace vc")
struct VCCommandTests {
    /// A key and its did:key, made with `espace key generate` and `espace did create`.
    struct Identity {
        let keyFile: String
        let did: String

        init(type: String = "p256", directory: String) throws {
            keyFile = directory + "/\(UUID().uuidString).jwk"
            let generated = try CLIRunner.run(["key", "generate", "--type", type, "--out", keyFile])
            #expect(generated.status == 0, "\(generated.stderr)")
            let created = try CLIRunner.run(["did", "create", "--method", "key", "--key", keyFile, "--json"])
            #expect(created.status == 0, "\(created.stderr)")
            did = try #require(try JSONParser().parse(created.stdout)["id"]?.stringValue)
        }
    }

    static func directory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("espace-vc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static func write(_ text: String, _ path: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let unsigned = """
        {
          "@context": ["https://www.w3.org/ns/credentials/v2"],
          "id": "urn:uuid:7f4a3c2e-1b2d-4e5f-8a9b-0c1d2e3f4a5b",
          "type": ["VerifiableCredential"],
          "credentialSubject": {"id": "SUBJECT", "name": "Example Subject"}
        }
        """

    /// Issues a credential about `subject` and returns the signed file.
    static func issue(_ issuer: Identity, subject: String, format: String = "jwt", in dir: String) throws -> String {
        let input = try write(unsigned.replacingOccurrences(of: "SUBJECT", with: subject), dir + "/unsigned-\(UUID().uuidString).json")
        let out = dir + "/signed-\(UUID().uuidString)"
        let issued = try CLIRunner.run([
            "vc", "issue", "--key", issuer.keyFile, "--issuer", issuer.did, "--credential", input, "--format", format,
            "--out", out,
        ])
        #expect(issued.status == 0, "\(issued.stderr)")
        return out
    }

    @Test func issueVerifyTamperRoundTrip() throws {
        let dir = try Self.directory()
        let issuer = try Identity(directory: dir)
        let signed = try Self.issue(issuer, subject: "did:example:subject", in: dir)
        let token = try String(contentsOfFile: signed, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.split(separator: ".").count == 3)

        let valid = try CLIRunner.run(["vc", "verify", signed, "--trust-issuer", issuer.did, "--offline"])
        #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
        #expect(valid.stdout.contains("✔ signature"))
        #expect(valid.stdout.contains("✔ issuerTrust"))
        #expect(valid.stdout.hasSuffix("VALID\n"))

        // Change one character of the payload: the signature no longer holds.
        var parts = token.split(separator: ".").map(String.init)
        var payload = try #require(try JSONParser().parse(Data(base64URL: parts[1]) ?? Data()).objectValue)
        payload["credentialSubject"] = ["id": "did:example:mallory"]
        parts[1] = try JSONSerializer().serialize(.object(payload)).data(using: .utf8).map { Self.base64URL($0) } ?? ""
        let tampered = try Self.write(parts.joined(separator: "."), dir + "/tampered.jwt")
        let forged = try CLIRunner.run(["vc", "verify", tampered, "--trust-issuer", issuer.did, "--offline"])
        #expect(forged.status == 1)
        #expect(forged.stdout.contains("✘ signature [signatureInvalid]"))
        #expect(forged.stdout.contains("INVALID"))

        let json = try CLIRunner.run(["vc", "verify", tampered, "--trust-issuer", issuer.did, "--offline", "--json"])
        #expect(json.status == 1)
        let report = try JSONParser().parse(json.stdout)
        #expect(report["valid"] == .bool(false))
        let signature = (report["checks"]?.asArray ?? []).first { $0["name"] == "signature" }
        #expect(signature?["reason"] == "signatureInvalid")
    }

    @Test func untrustedIssuerFails() throws {
        let dir = try Self.directory()
        let issuer = try Identity(directory: dir)
        let signed = try Self.issue(issuer, subject: "did:example:subject", in: dir)
        let result = try CLIRunner.run(["vc", "verify", signed, "--offline"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("✘ issuerTrust [untrustedIssuer]"))
        let anyIssuer = try CLIRunner.run(["vc", "verify", signed, "--offline", "--trust-any-issuer"])
        #expect(anyIssuer.status == 0, "\(anyIssuer.stdout)")
    }

    @Test func presentVerifyRoundTrip() throws {
        let dir = try Self.directory()
        let issuer = try Identity(directory: dir)
        let holder = try Identity(type: "ed25519", directory: dir)
        let first = try Self.issue(issuer, subject: holder.did, in: dir)
        let second = try Self.issue(issuer, subject: holder.did, in: dir)
        let vp = dir + "/vp.jwt"
        let presented = try CLIRunner.run([
            "vc", "present", "--key", holder.keyFile, "--holder", holder.did, "--credential", first, "--credential", second,
            "--audience", "did:web:verifier.example", "--nonce", "n-42", "--out", vp,
        ])
        #expect(presented.status == 0, "\(presented.stderr)")

        let valid = try CLIRunner.run([
            "vc", "verify", vp, "--trust-issuer", issuer.did, "--offline", "--audience", "did:web:verifier.example",
            "--nonce", "n-42", "--holder-binding", "--json",
        ])
        #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
        let report = try JSONParser().parse(valid.stdout)
        #expect(report["form"] == "vp+jwt")
        #expect(report["issuer"]?.stringValue == holder.did)
        #expect(report["credentials"]?.asArray.count == 2)

        let wrongAudience = try CLIRunner.run([
            "vc", "verify", vp, "--trust-issuer", issuer.did, "--offline", "--audience", "did:web:other.example",
        ])
        #expect(wrongAudience.status == 1)
        #expect(wrongAudience.stdout.contains("✘ audience [wrongAudience]"))
    }

    @Test(arguments: ["eddsa-rdfc-2022", "eddsa-jcs-2022", "jwt11", "jws2020", "jws2020-gaiax"])
    func otherFormatsVerify(_ format: String) throws {
        let dir = try Self.directory()
        let issuer = try Identity(type: format.hasPrefix("eddsa") ? "ed25519" : "p256", directory: dir)
        var credential = Self.unsigned.replacingOccurrences(of: "SUBJECT", with: "did:example:subject")
        if format == "jwt11" {
            credential = credential.replacingOccurrences(
                of: "https://www.w3.org/ns/credentials/v2", with: "https://www.w3.org/2018/credentials/v1")
        }
        if format.hasPrefix("jws2020") {
            credential = credential.replacingOccurrences(
                of: "[\"https://www.w3.org/ns/credentials/v2\"]",
                with: "[\"https://www.w3.org/ns/credentials/v2\", \"https://w3id.org/security/suites/jws-2020/v1\"]")
        }
        let input = try Self.write(credential, dir + "/unsigned.json")
        let out = dir + "/signed"
        let issued = try CLIRunner.run([
            "vc", "issue", "--key", issuer.keyFile, "--issuer", issuer.did, "--credential", input, "--format", format,
            "--out", out,
        ])
        #expect(issued.status == 0, "\(issued.stderr)")
        let verified = try CLIRunner.run(["vc", "verify", out, "--trust-issuer", issuer.did, "--offline"])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
    }

    @Test func eddsaWithAP256KeyIsRefused() throws {
        let dir = try Self.directory()
        let issuer = try Identity(type: "p256", directory: dir)
        let input = try Self.write(Self.unsigned.replacingOccurrences(of: "SUBJECT", with: "did:example:s"), dir + "/u.json")
        let result = try CLIRunner.run([
            "vc", "issue", "--key", issuer.keyFile, "--issuer", issuer.did, "--credential", input, "--format",
            "eddsa-rdfc-2022",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Ed25519 keys only"))
    }

    @Test func dataModelVersionMustFitTheFormat() throws {
        let dir = try Self.directory()
        let issuer = try Identity(directory: dir)
        let v2 = try Self.write(Self.unsigned.replacingOccurrences(of: "SUBJECT", with: "did:example:s"), dir + "/v2.json")
        let jwt11 = try CLIRunner.run([
            "vc", "issue", "--key", issuer.keyFile, "--issuer", issuer.did, "--credential", v2, "--format", "jwt11",
        ])
        #expect(jwt11.status == 1)
        #expect(jwt11.stderr.contains("VC Data Model 1.1"))
    }

    @Test func issuerMismatchIsRefused() throws {
        let dir = try Self.directory()
        let issuer = try Identity(directory: dir)
        let other = try Identity(directory: dir)
        let result = try CLIRunner.run([
            "vc", "issue", "--key", other.keyFile, "--issuer", issuer.did, "--credential",
            try Self.write(Self.unsigned, dir + "/u.json"),
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("does not hold the key of"))
    }

    @Test func didDocumentFromAFile() throws {
        let dir = try Self.directory()
        let keyFile = dir + "/web.jwk"
        #expect(try CLIRunner.run(["key", "generate", "--type", "p256", "--out", keyFile]).status == 0)
        let documentFile = dir + "/did.json"
        let created = try CLIRunner.run([
            "did", "create", "--method", "web", "--key", keyFile, "--domain", "issuer.example", "--out", documentFile,
        ])
        #expect(created.status == 0, "\(created.stderr)")
        let issuer = Identity(keyFile: keyFile, did: "did:web:issuer.example")
        let signed = try Self.issue(issuer, subject: "did:example:subject", in: dir)
        let verified = try CLIRunner.run([
            "vc", "verify", signed, "--trust-issuer", issuer.did, "--offline", "--did-document", documentFile,
        ])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        let unresolved = try CLIRunner.run(["vc", "verify", signed, "--trust-issuer", issuer.did, "--offline"])
        #expect(unresolved.status == 1)
        #expect(unresolved.stdout.contains("✘ signature [unsupported]"))
    }

    @Test func malformedInputFailsTheFormatCheck() throws {
        let result = try CLIRunner.run(["vc", "verify", "-", "--offline"], input: Array("not a credential".utf8))
        #expect(result.status == 1)
        #expect(result.stdout.contains("✘ format [malformed]"))
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

extension VCCommandTests.Identity {
    init(keyFile: String, did: String) {
        self.keyFile = keyFile
        self.did = did
    }
}

extension Data {
    /// Decodes base64url without padding.
    init?(base64URL text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        self.init(base64Encoded: base64)
    }
}
