import EspaceIdentity
import EspaceJSON
import Testing

@Suite("did:jwk and JWK keys")
struct DIDJWKTests {
    /// The P-256 example of the did:jwk specification.
    @Test func specificationExampleDecodes() throws {
        let did =
            "did:jwk:eyJjcnYiOiJQLTI1NiIsImt0eSI6IkVDIiwieCI6ImFjYklRaXVNczNpOF91c3pFakoydHBUdFJNNEVVM3l6OTFQSDZDZEgyVjAiLCJ5IjoiX0tjeUxqOXZXTXB0bm1LdG00NkdxRHo4d2Y3NEk1TEtncmwyR3pIM25TRSJ9"
        let (jwk, key) = try DIDJWK.publicKey(from: did)
        #expect(jwk.crv == "P-256")
        #expect(jwk.x == "acbIQiuMs3i8_uszEjJ2tpTtRM4EU3yz91PH6CdH2V0")
        guard case .p256 = key else {
            Issue.record("not a P-256 key")
            return
        }
        #expect(key.jwk == jwk)
    }

    @Test(arguments: JWSAlgorithm.allCases)
    func roundTripAndVerifyThroughTheDID(algorithm: JWSAlgorithm) throws {
        let privateKey = try PrivateKey.generate(algorithm)
        let did = DIDJWK.did(for: privateKey.publicKey)
        let (_, resolved) = try DIDJWK.publicKey(from: did + "#0")
        let jws = try JWS.sign(Array("hello".utf8), key: privateKey)
        #expect(try JWS.verify(jws, key: resolved).payload == Array("hello".utf8))
        #expect(try PublicKey(jwk: privateKey.publicKey.jwk).jwk == privateKey.publicKey.jwk)
    }

    @Test func badIdentifiersAreRejectedWithAReason() {
        let privateJWK = Base64URL.encode(Array(#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}"#.utf8))
        let cases = [
            ("did:key:z6Mk", "not a did:jwk"),
            ("did:jwk:!!", "base64url"),
            ("did:jwk:" + Base64URL.encode(Array("[1]".utf8)), "JSON object"),
            ("did:jwk:" + privateJWK, "private key"),
            ("did:jwk:" + Base64URL.encode(Array(#"{"kty":"RSA","n":"AQAB","e":"AQAB"}"#.utf8)), "RSA"),
            ("did:jwk:" + Base64URL.encode(Array(#"{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}"#.utf8)), "valid public key"),
        ]
        for (did, reason) in cases {
            let error = #expect(throws: IdentityError.self) { try DIDJWK.publicKey(from: did) }
            #expect(error?.message.contains(reason) == true, "\(did): \(error?.message ?? "-")")
        }
    }
}
