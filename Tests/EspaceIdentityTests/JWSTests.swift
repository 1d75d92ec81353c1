import Crypto
import EspaceIdentity
import EspaceJSON
import Testing

@Suite("JWS")
struct JWSTests {
    /// RFC 8037 appendix A.4: Ed25519 signing is deterministic, so the JWS is reproduced exactly.
    @Test func rfc8037Ed25519Example() throws {
        let d = try Base64URL.decode("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A")
        let key = PrivateKey.ed25519(try Curve25519.Signing.PrivateKey(rawRepresentation: d))
        #expect(key.publicKey.jwk.x == "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")
        let jws = try JWS.sign(Array("Example of Ed25519 signing".utf8), key: key)
        #expect(
            jws
                == "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg"
        )
        let verified = try JWS.verify(jws, key: key.publicKey)
        #expect(verified.payload == Array("Example of Ed25519 signing".utf8))
    }

    @Test(arguments: JWSAlgorithm.allCases)
    func signAndVerify(algorithm: JWSAlgorithm) throws {
        let key = try PrivateKey.generate(algorithm)
        let payload = Array(#"{"iss":"did:example:a"}"#.utf8)
        let jws = try JWS.sign(payload, key: key, header: ["typ": "JWT"])
        let verified = try JWS.verify(jws, key: key.publicKey)
        #expect(verified.payload == payload)
        #expect(verified.header["alg"] == .string(algorithm.rawValue))
        #expect(verified.header["typ"] == "JWT")
    }

    @Test func detachedUnencodedPayload() throws {
        let key = try PrivateKey.generate(.es256)
        let payload = Array("canonical n-quads\n".utf8)
        let jws = try JWS.sign(payload, key: key, header: ["b64": false, "crit": ["b64"]], detached: true)
        #expect(jws.contains(".."))
        #expect(try JWS.verify(jws, key: key.publicKey, detachedPayload: payload).payload == payload)
        #expect(throws: IdentityError.self) {
            try JWS.verify(jws, key: key.publicKey, detachedPayload: Array("tampered\n".utf8))
        }
    }

    @Test func rejections() throws {
        let key = try PrivateKey.generate(.edDSA)
        let other = try PrivateKey.generate(.edDSA)
        let p256 = try PrivateKey.generate(.es256)
        let jws = try JWS.sign(Array("x".utf8), key: key)
        let parts = jws.split(separator: ".").map(String.init)

        func reason(_ compact: String, _ verifier: PublicKey, allowed: Set<JWSAlgorithm> = Set(JWSAlgorithm.allCases)) -> String {
            do {
                _ = try JWS.verify(compact, key: verifier, allowed: allowed)
                return "accepted"
            } catch {
                return error.message
            }
        }
        func header(_ json: String) -> String { Base64URL.encode(Array(json.utf8)) }

        #expect(reason(jws, other.publicKey).contains("does not verify"))
        #expect(reason(jws, p256.publicKey).contains("does not match the verification key"))
        #expect(reason(jws, key.publicKey, allowed: [.es256]).contains("not allowed"))
        #expect(reason(header(#"{"alg":"none"}"#) + "." + parts[1] + ".", key.publicKey).contains("not supported"))
        #expect(reason(header(#"{"alg":"HS256"}"#) + "." + parts[1] + "." + parts[2], key.publicKey).contains("not supported"))
        #expect(
            reason(header(#"{"alg":"EdDSA","crit":["exp"],"exp":1}"#) + "." + parts[1] + "." + parts[2], key.publicKey)
                .contains("not understood"))
        #expect(
            reason(header(#"{"alg":"EdDSA","b64":false}"#) + "." + parts[1] + "." + parts[2], key.publicKey)
                .contains("must be listed in \"crit\""))
        #expect(reason("a.b", key.publicKey).contains("3 parts"))
        #expect(reason("!!.e30.AA", key.publicKey).contains("base64url"))
    }
}
