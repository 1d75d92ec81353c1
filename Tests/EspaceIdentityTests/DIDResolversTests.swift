import EspaceIdentity
import EspaceJSON
import Testing

@Suite("DID resolvers and verification methods")
struct DIDResolversTests {
    static func failure(
        _ resolvers: DIDResolvers, _ id: String, _ relationship: VerificationRelationship = .assertionMethod
    ) async -> IdentityError? {
        do {
            _ = try await resolvers.resolveVerificationMethod(id, for: relationship)
            return nil
        } catch {
            return error
        }
    }

    @Test func resolvesDIDKeyAndDIDJWKMethodsOffline() async throws {
        let ed = try PrivateKey.generate(.edDSA)
        let didKey = try DIDKey.did(for: ed.publicKey)
        let fragment = String(didKey.dropFirst("did:key:".count))
        let method = try await DIDResolvers.offline.resolveVerificationMethod(
            didKey + "#" + fragment, for: .assertionMethod)
        #expect(method.id == didKey + "#" + fragment)
        #expect(method.controller == didKey)
        #expect(method.type == "Multikey")
        #expect(method.publicKey.jwk == ed.publicKey.jwk)
        #expect(method.publishedJWK == nil)

        let p256 = try PrivateKey.generate(.es256)
        let didJWK = DIDJWK.did(for: p256.publicKey)
        let jwkMethod = try await DIDResolvers.offline.resolveVerificationMethod(didJWK + "#0", for: .authentication)
        #expect(jwkMethod.publicKey.jwk == p256.publicKey.jwk)
        #expect(jwkMethod.publishedJWK == p256.publicKey.jwk.json.objectValue)
        // A bare DID names the one method listed for the relationship.
        #expect(
            try await DIDResolvers.offline.resolveVerificationMethod(didJWK, for: .assertionMethod).id == didJWK + "#0")
    }

    @Test func unknownMethodsAreUnsupported() async throws {
        let error = await Self.failure(.offline, "did:example:123#key-1")
        #expect(error?.reason == .unsupported)
        #expect(await Self.failure(.offline, "not-a-did")?.reason == .malformed)
    }

    @Test func didWebThroughTheCompositeWithRelativeKids() async throws {
        let did = "did:web:example.com"
        let key = try PrivateKey.generate(.es256).publicKey
        let text = #"""
            {"id": "did:web:example.com",
             "verificationMethod": [
               {"id": "#key-1", "type": "JsonWebKey2020", "controller": "did:web:example.com",
                "publicKeyJwk": \#(key.jwk.json.jsonText.dropLast()),"x5u":"https://example.com/chain.pem"}},
               {"id": "#key-2", "type": "JsonWebKey2020", "controller": "did:web:example.com",
                "publicKeyJwk": \#(key.jwk.json.jsonText)}],
             "assertionMethod": ["#key-1"],
             "authentication": ["did:web:example.com#key-2"]}
            """#
        let client = FakeHTTPClient([
            "https://example.com/.well-known/did.json": HTTPResponse(status: 200, body: Array(text.utf8))
        ])
        var resolvers = DIDResolvers.offline
        resolvers.resolvers["web"] = DIDWebResolver(client: client)
        let method = try await resolvers.resolveVerificationMethod(did + "#key-1", for: .assertionMethod)
        #expect(method.publishedJWK?["x5u"] == "https://example.com/chain.pem")
        #expect(method.publicKey.jwk == key.jwk)
        // key-1 is not listed for authentication, key-2 not for assertions.
        #expect(await Self.failure(resolvers, did + "#key-1", .authentication)?.reason == .notAuthorized)
        #expect(await Self.failure(resolvers, did + "#key-2", .assertionMethod)?.reason == .notAuthorized)
        #expect(await Self.failure(resolvers, did + "#key-9")?.reason == .resolutionFailed)
        #expect(await Self.failure(resolvers, did, .capabilityInvocation)?.reason == .notAuthorized)
    }

    @Test func keyIDsRelativeToTheIssuer() async throws {
        let key = try PrivateKey.generate(.es256)
        let did = DIDJWK.did(for: key.publicKey)
        for kid in ["#0", "0", did + "#0"] {
            let method = try await DIDResolvers.offline.resolveVerificationMethod(
                kid: kid, of: did, for: .assertionMethod)
            #expect(method.id == did + "#0")
        }
        let other = DIDJWK.did(for: try PrivateKey.generate(.es256).publicKey)
        do {
            _ = try await DIDResolvers.offline.resolveVerificationMethod(
                kid: other + "#0", of: did, for: .assertionMethod)
            Issue.record("a key of another DID was accepted")
        } catch {
            #expect(error.reason == .wrongIssuer)
        }
    }

    @Test func didKeyMethodsAreNotForKeyAgreement() async throws {
        let didKey = try DIDKey.did(for: try PrivateKey.generate(.edDSA).publicKey)
        let id = didKey + "#" + didKey.dropFirst("did:key:".count)
        #expect(await Self.failure(.offline, id, .keyAgreement)?.reason == .notAuthorized)
        #expect(await Self.failure(.offline, didKey + "#other")?.reason == .resolutionFailed)
    }

    /// A resolver that answers with a document for another DID is caught.
    @Test func documentMustDescribeTheDID() async throws {
        struct Liar: DIDResolver {
            func resolve(_ did: String) async throws(IdentityError) -> DIDDocument { DIDDocument(id: "did:ex:other") }
        }
        let error = await Self.failure(DIDResolvers(["ex": Liar()]), "did:ex:me#k")
        #expect(error?.reason == .resolutionFailed)
    }
}
