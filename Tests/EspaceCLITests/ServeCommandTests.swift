import EspaceJSON
import EspaceNetwork
import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Testing


/// A data space of three participants run from the command line: an issuer (did:key) signs a
/// membership credential with `espace vc issue`; a holder node and a verifier node run
/// `espace serve` on loopback; the holder calls the verifier with `espace dcp token`, and
/// the verifier checks it over DCP (did:web resolution, credential service query, the
/// presentation and credential signatures, trust, holder binding).
@Suite("espace serve and DCP between two nodes")
struct ServeCommandTests {
    static func freePort() throws -> Int { try freeLoopbackPort() }

    /// Starts `espace serve …` and waits until it listens; returns the process.
    static func serve(_ arguments: [String], log: String) throws -> Process {
        let process = Process()
        process.executableURL = try #require(CLIRunner.executable)
        process.arguments = ["serve"] + arguments
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        for _ in 0..<100 {
            if String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: log))) ?? Data(), as: UTF8.self).contains("listening on") {
                return process
            }
            usleep(100_000)
        }
        process.terminate()
        Issue.record("espace serve did not start: \(String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: log))) ?? Data(), as: UTF8.self))")
        return process
    }

    static func post(_ url: String, token: String?, body: String) async throws -> (Int, JSONValue) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        if let token { request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, try JSONParser().parse(Array(data)))
    }

    @Test func aVerifierNodeAcceptsAMemberAndRefusesOthers() async throws {
        let directory = try VCCommandTests.directory()
        let issuer = try VCCommandTests.Identity(type: "ed25519", directory: directory)
        for name in ["holder", "verifier", "stranger"] {
            let generated = try CLIRunner.run(["key", "generate", "--type", "p256", "--out", "\(directory)/\(name).jwk"])
            try #require(generated.status == 0, "\(generated.stderr)")
        }
        let (holderPort, verifierPort) = (try Self.freePort(), try Self.freePort())
        let holder = "did:web:127.0.0.1%3A\(holderPort)"
        let verifier = "did:web:127.0.0.1%3A\(verifierPort)"
        let unsigned = try VCCommandTests.write(
            """
            {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "https://issuer.example/credentials/1",
             "type": ["VerifiableCredential", "MembershipCredential"],
             "credentialSubject": {"id": "\(holder)", "memberOf": "https://dataspace.example"}}
            """, directory + "/membership.json")
        let issued = try CLIRunner.run([
            "vc", "issue", "--key", issuer.keyFile, "--issuer", issuer.did, "--credential", unsigned, "--out", directory + "/membership.jwt",
        ])
        try #require(issued.status == 0, "\(issued.stderr)")

        let local = ["--allow-private", "--insecure-http"]
        let holderNode = try Self.serve(
            ["--key", directory + "/holder.jwk", "--public-url", "http://127.0.0.1:\(holderPort)", "--credential", directory + "/membership.jwt"]
                + local, log: directory + "/holder.log")
        defer { holderNode.terminate() }
        let verifierNode = try Self.serve(
            ["--key", directory + "/verifier.jwk", "--public-url", "http://127.0.0.1:\(verifierPort)",
             "--trust-issuer", "MembershipCredential=" + issuer.did] + local, log: directory + "/verifier.log")
        defer { verifierNode.terminate() }

        let scope = "org.eclipse.dspace.dcp.vc.type:MembershipCredential:read"
        let body = #"{"scope": ["\#(scope)"]}"#
        let url = "http://127.0.0.1:\(verifierPort)/identity/verify"
        func token(_ key: String, _ did: String) throws -> String {
            let minted = try CLIRunner.run(["dcp", "token", "--key", key, "--did", did, "--audience", verifier, "--scope", scope])
            try #require(minted.status == 0, "\(minted.stderr)")
            return minted.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let memberToken = try token(directory + "/holder.jwk", holder)
        let (status, answer) = try await Self.post(url, token: memberToken, body: body)
        #expect(status == 200, "\(answer.jsonText)")
        #expect(answer["participant"] == .string(holder))
        #expect(answer["credentials"]?.asArray.first?["issuer"] == .string(issuer.did))
        // The same token again is a replay.
        let (replayed, replayAnswer) = try await Self.post(url, token: memberToken, body: body)
        #expect(replayed == 401)
        #expect(replayAnswer["error"] == "replayed")
        // Someone with the holder's DID but another key: the signature does not verify.
        let (forged, forgedAnswer) = try await Self.post(url, token: try token(directory + "/stranger.jwk", holder), body: body)
        #expect(forged == 401)
        #expect(forgedAnswer["error"] == "signatureInvalid")
        // No token at all.
        let (anonymous, _) = try await Self.post(url, token: nil, body: body)
        #expect(anonymous == 401)
    }
}
