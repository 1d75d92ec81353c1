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

    @Test func unencodedAttachedPayload() throws {
        let key = try PrivateKey.generate(.edDSA)
        let payload = Array("n-quads without dots\n".utf8)
        let jws = try JWS.sign(payload, key: key, header: ["b64": false, "crit": ["b64"]])
        #expect(try JWS.verify(jws, key: key.publicKey).payload == payload)
    }

    /// Compact tokens are split on their UTF-8 bytes, so a combining mark after a dot does
    /// not hide the dot, and the parts keep the token's indices.
    @Test func compactParts() {
        #expect(JWS.compactParts("a.b.c") == ["a", "b", "c"])
        #expect(JWS.compactParts("a..c") == ["a", "", "c"])
        #expect(JWS.compactParts("..") == ["", "", ""])
        #expect(JWS.compactParts("") == [""])
        #expect(JWS.compactParts("abc").count == 1)
        #expect(JWS.compactParts("é.x.ÿ") == ["é", "x", "ÿ"])
        #expect(JWS.compactParts("a.\u{301}b.c") == ["a", "\u{301}b", "c"])
        let token = "head.body.sig"
        let parts = JWS.compactParts(token)
        #expect(token[..<parts[1].endIndex] == "head.body")
        #expect(token[parts[2].startIndex...] == "sig")
    }

    @Test func base64URLRoundTrips() throws {
        var generator = SystemRandomNumberGenerator()
        for count in 0..<70 {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Base64URL.encode(bytes)
            #expect(try Base64URL.decode(text) == bytes)
            let embedded = "." + text + "."
            let substring = embedded.dropFirst().dropLast()
            #expect(try Base64URL.decode(substring) == bytes)
        }
        #expect(try Base64URL.decode("AA") == [0])
        #expect(try Base64URL.decode("_-8") == [0xFF, 0xEF])
        func failure(_ text: String) -> String {
            do {
                _ = try Base64URL.decode(text)
                return "accepted"
            } catch {
                return error.message
            }
        }
        #expect(failure("AB").contains("non-zero trailing bits"))
        #expect(failure("AAB").contains("non-zero trailing bits"))
        #expect(failure("AAAA!AAA").contains("position 4"))
        #expect(failure("AAAAAA+A").contains("position 6"))
        #expect(failure("AAAAA/").contains("position 5"))
        #expect(failure("AAAAA").contains("impossible length"))
        #expect(throws: IdentityError.self) { try Base64URL.decode("é") }
        #expect(throws: IdentityError.self) { try Base64URL.decode("AAA=") }
        #expect(throws: IdentityError.self) { try Base64URL.decode("AAAAA") }
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
        #expect(reason(parts[0] + ".é." + parts[2], key.publicKey) != "accepted")
        #expect(reason(parts[0] + "." + parts[1] + ".é", key.publicKey).contains("base64url"))
        #expect(reason(parts[0] + ".\u{301}" + parts[1] + "." + parts[2], key.publicKey) != "accepted")
    }
}
