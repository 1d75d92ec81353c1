import ArgumentParser
import EspaceCredentials
import EspaceDCP
import EspaceIdentity
import EspaceJSON
import EspaceNetwork
import EspaceServer
import Foundation

/// `espace demo`: a small data space on this machine, narrated.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a data space on this machine: clearing houses, onboarding, and DCP between nodes.",
        discussion: """
            Part 1, trust: a development CA is the data space's trust anchor; two clearing
            houses (each its own DID, key and SQLite store in a temporary folder) run their
            registry, notary and compliance services over HTTP on loopback. Two participants,
            whose keys the CA certifies, onboard through one clearing house each: legal person
            and terms acceptance, registration number from the notary, compliance credential
            (signatures, certificate chains, trusted notary, terms, consistency, the data space's
            SHACL shapes). Each verifies the other's compliance credential, accepting any clearing
            house the registry lists; one certifies a service offering. A third participant, certified by an unknown CA, is
            refused with the failed check named.
            Part 2, exchange: an issuer (did:key) certifies a consumer's membership with a signed
            credential (vc+jwt). The consumer calls the provider with a Self-Issued ID Token; the
            provider verifies it with the Decentralized Claims Protocol: it resolves the consumer's
            DID document, queries its credential service, and verifies the presentation and the
            credential. Then it shows the provider refusing a replayed token, an impostor and an
            untrusted issuer.
            Exits 0 when every step behaves as expected.
            """)

    func run() async throws {
        let out = Narrator()
        let started = Date()
        out.say("Espace demo: a data space on this machine.")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("espace-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let network = try VCSupport.guardedClient(allowHost: [], allowPrivate: true)
        try await DemoTrust(out: out, folder: folder, network: network).run()
        out.step("Part 2 — exchange: a provider verifies a consumer's membership with DCP")
        let issuerKey = try IdentitySupport.report { try PrivateKey.generate(.edDSA) }
        let rogueKey = try IdentitySupport.report { try PrivateKey.generate(.edDSA) }
        let issuer = try IdentitySupport.report { try DIDKey.did(for: issuerKey.publicKey) }
        let rogue = try IdentitySupport.report { try DIDKey.did(for: rogueKey.publicKey) }
        let (providerPort, consumerPort) = (try freeLoopbackPort(), try freeLoopbackPort())
        var providerSettings = NodeAssembly.Settings(publicURL: "http://127.0.0.1:\(providerPort)")
        providerSettings.trust = ["MembershipCredential": [issuer]]
        providerSettings.allowPrivate = true
        providerSettings.insecureHTTP = true
        var consumerSettings = NodeAssembly.Settings(publicURL: "http://127.0.0.1:\(consumerPort)")
        consumerSettings.allowPrivate = true
        consumerSettings.insecureHTTP = true
        let provider = try NodeAssembly(key: try IdentitySupport.report { try PrivateKey.generate(.es256) }, settings: providerSettings)
        let consumer = try NodeAssembly(key: try IdentitySupport.report { try PrivateKey.generate(.es256) }, settings: consumerSettings)
        out.step("1. Participants")
        out.say("   issuer    \(issuer) (Ed25519, did:key)")
        out.say("   provider  \(provider.did) (P-256), node on http://127.0.0.1:\(providerPort)")
        out.say("   consumer  \(consumer.did) (P-256), node on http://127.0.0.1:\(consumerPort)")
        out.say("   an impostor issuer \(rogue), whom nobody trusts")

        try await ServingNodes.whileServing([(provider.endpoints, providerPort), (consumer.endpoints, consumerPort)]) {
            try await Self.scenario(out, issuer: (issuer, issuerKey), rogue: (rogue, rogueKey), provider: provider, consumer: consumer)
        }
        guard out.failures == 0 else {
            throw CommandFailure.exit("\(out.failures) step(s) of the demo did not behave as expected")
        }
        out.say(String(format: "\nEvery step behaved as expected (%.1f s).", Date().timeIntervalSince(started)))
    }

    static func scenario(
        _ out: Narrator, issuer: (did: String, key: PrivateKey), rogue: (did: String, key: PrivateKey), provider: NodeAssembly,
        consumer: NodeAssembly
    ) async throws {
        let now = Date().timeIntervalSince1970
        func credential(_ type: String, by signer: (did: String, key: PrivateKey)) throws -> String {
            let json: JSONObject = [
                "@context": ["https://www.w3.org/ns/credentials/v2"], "id": .string("urn:uuid:\(UUID().uuidString.lowercased())"),
                "type": ["VerifiableCredential", .string(type)], "issuer": .string(signer.did),
                "validFrom": .string(XSDDateTime.format(now - 60)), "validUntil": .string(XSDDateTime.format(now + 365 * 86400)),
                "credentialSubject": ["id": .string(consumer.did), "memberOf": "https://dataspace.espace.example"],
            ]
            let kid = signer.did + "#" + signer.did.dropFirst("did:key:".count)
            return try IdentitySupport.report { try EnvelopedCredential.sign(credential: VerifiableCredential(json: json), key: signer.key, kid: kid) }
        }

        out.step("2. The issuer signs a MembershipCredential for the consumer (vc+jwt, EdDSA)")
        let membership = try credential("MembershipCredential", by: issuer)
        let report = await CredentialVerifier(
            policy: CredentialVerifier.Policy(now: Date(), resolver: DIDResolvers.offline, trustedIssuers: [issuer.did])
        ).verify(membership)
        let text = VCSupport.text(report, indent: "   ")
        out.say(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        out.expect(report.isValid, "the issued credential verifies")

        out.step("3. The consumer's credential service (its wallet) stores it, and a PartnerCredential from the impostor")
        for jwt in [membership, try credential("PartnerCredential", by: rogue)] {
            do {
                let stored = try await consumer.wallet.store(jwt, now: now)
                out.say("   stored \(stored.types.last ?? "credential") from \(stored.issuer)")
            } catch {
                out.expect(false, "storing a credential: \(error.message)")
            }
        }

        let membershipScope = "org.eclipse.dspace.dcp.vc.type:MembershipCredential:read"
        let url = "http://127.0.0.1:\(provider.port ?? 0)/identity/verify"
        out.step("4. The consumer calls the provider; the provider verifies it with DCP")
        out.say("   ID token: iss = sub = \(consumer.did), aud = \(provider.did), access token for \(membershipScope)")
        let token = try IdentitySupport.report {
            try consumer.sts.idToken(for: provider.did, grantingScopes: [DCPScope(.credentialType("MembershipCredential"))], now: now)
        }
        let (status, answer) = try await post(url, token: token, scope: membershipScope)
        if status == 200, answer["participant"] == .string(consumer.did) {
            let credentials = answer["credentials"]?.asArray ?? []
            out.say("   ✔ 200: \(consumer.did) is verified")
            for c in credentials {
                out.say("     \(c["types"]?.asArray.last?.stringValue ?? "?") from \(c["issuer"]?.stringValue ?? "?"): \(c["subjects"]?.asArray.first?.jsonText ?? "")")
            }
        } else {
            out.expect(false, "the member was refused: \(status) \(answer.jsonText)")
        }

        out.step("5. What the provider refuses")
        let (replayed, replayAnswer) = try await post(url, token: token, scope: membershipScope)
        out.refusal(replayed, replayAnswer, expected: "replayed", what: "the same ID token a second time")
        let impostorKey = try IdentitySupport.report { try PrivateKey.generate(.es256) }
        let impostor = SecureTokenService(participant: consumer.did, key: impostorKey, kid: consumer.did + "#key-1")
        let forged = try IdentitySupport.report {
            try impostor.idToken(for: provider.did, grantingScopes: [DCPScope(.credentialType("MembershipCredential"))], now: now)
        }
        let (forgedStatus, forgedAnswer) = try await post(url, token: forged, scope: membershipScope)
        out.refusal(forgedStatus, forgedAnswer, expected: "signatureInvalid", what: "a token signed with another key than the consumer's")
        let partnerScope = "org.eclipse.dspace.dcp.vc.type:PartnerCredential:read"
        let partnerToken = try IdentitySupport.report {
            try consumer.sts.idToken(for: provider.did, grantingScopes: [DCPScope(.credentialType("PartnerCredential"))], now: now)
        }
        let (untrusted, untrustedAnswer) = try await post(url, token: partnerToken, scope: partnerScope)
        out.refusal(untrusted, untrustedAnswer, expected: "untrustedIssuer", what: "a credential from the impostor issuer")
    }

    static func post(_ url: String, token: String, scope: String) async throws -> (Int, JSONValue) {
        let request = HTTPRequest(
            method: "POST", url: url, headers: [("Authorization", "Bearer " + token), ("Content-Type", "application/json")],
            body: Array(#"{"scope": ["\#(scope)"]}"#.utf8))
        do {
            let response = try await URLSessionHTTPClient().send(request, limits: HTTPLimits())
            return (response.status, (try? JSONParser().parse(response.body)) ?? .null)
        } catch {
            throw CommandFailure.exit("cannot reach the provider node: \(error.message)")
        }
    }
}

/// Prints the demo's steps and counts what did not go as expected.
final class Narrator: @unchecked Sendable {
    private(set) var failures = 0

    func say(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((text + terminator).utf8))
    }

    func step(_ title: String) { say("\n" + title) }

    func expect(_ condition: Bool, _ what: String) {
        if !condition {
            failures += 1
            say("   ✘ unexpected: \(what)")
        }
    }

    func refusal(_ status: Int, _ answer: JSONValue, expected reason: String, what: String) {
        if status != 200, answer["error"] == .string(reason) {
            say("   ✔ \(status) \(reason): \(what) — \(answer["message"]?.stringValue ?? "")")
        } else {
            expect(false, "\(what) gave \(status) \(answer.jsonText), expected the reason \(reason)")
        }
    }
}
