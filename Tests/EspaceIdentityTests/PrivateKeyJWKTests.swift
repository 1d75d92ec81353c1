import EspaceIdentity
import EspaceJSON
import Testing

@Suite("private JWKs")
struct PrivateKeyJWKTests {
    @Test(arguments: JWSAlgorithm.allCases)
    func exportAndImportSignTheSame(algorithm: JWSAlgorithm) throws {
        let key = try PrivateKey.generate(algorithm)
        let jwk = try key.privateJWK()
        #expect(jwk["d"] != nil)
        #expect(jwk["alg"] == .string(algorithm.rawValue))
        let again = try PrivateKey(jwk: .object(jwk))
        #expect(again.algorithm == algorithm)
        #expect(again.publicKey.jwk == key.publicKey.jwk)
        let jws = try JWS.sign(Array("payload".utf8), key: again)
        #expect(try JWS.verify(jws, key: key.publicKey).payload == Array("payload".utf8))
        if case .rsaPSS = key {
            for member in ["p", "q", "dp", "dq", "qi"] { #expect(jwk[member] != nil) }
        }
    }

    @Test func rejectsMismatchedAndUnsupportedKeys() throws {
        var jwk = try PrivateKey.generate(.es256).privateJWK()
        jwk["x"] = try PrivateKey.generate(.es256).publicKey.jwk.json["x"]
        let mismatch = try #require(throws: IdentityError.self) { try PrivateKey(jwk: .object(jwk)) }
        #expect(mismatch.reason == .keyMismatch)
        let unsupported = try #require(throws: IdentityError.self) {
            try PrivateKey(jwk: ["kty": "oct", "k": "AAAA"])
        }
        #expect(unsupported.reason == .unsupported)
        let missing = try #require(throws: IdentityError.self) {
            try PrivateKey(jwk: ["kty": "OKP", "crv": "Ed25519"])
        }
        #expect(missing.reason == .malformed)
        #expect(throws: IdentityError.self) { try PrivateKey(jwk: ["kty": "EC", "crv": "P-256", "d": "AAAA"]) }
    }
}
