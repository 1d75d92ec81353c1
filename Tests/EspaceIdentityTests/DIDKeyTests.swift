import Crypto
import EspaceIdentity
import EspaceJSON
import EspaceTestSupport
import Foundation
import Testing

/// did:key against the w3c-ccg did-method-key vectors (`shared/conformance/did-key`).
@Suite("did:key vectors")
struct DIDKeyTests {
    static func vectors(_ file: String) throws -> JSONObject {
        let value = try JSONParser().parse(try SharedFixtures.bytes("conformance/did-key/test-vectors/" + file))
        return value.objectValue ?? [:]
    }

    @Test func ed25519KeysDecodeToTheListedKeyAndDeriveFromTheSeed() throws {
        let vectors = try Self.vectors("ed25519-x25519.json")
        #expect(vectors.count == 5)
        for (did, vector) in vectors {
            let key = try DIDKey.publicKey(from: did)
            guard case .ed25519(let publicKey) = key else {
                Issue.record("\(did) did not decode to an Ed25519 key")
                continue
            }
            let pair = vector["verificationKeyPair"]
            if let listed = pair?["publicKeyBase58"]?.stringValue {
                #expect(Base58.encode(Array(publicKey.rawRepresentation)) == listed, "\(did)")
            } else {
                let listed = try JWK(json: pair?["publicKeyJwk"] ?? .null)
                #expect(key.jwk == listed, "\(did)")
            }
            // The seed is the Ed25519 private key; its public key must give the same DID.
            let seed = try #require(vector["seed"]?.stringValue)
            let seedBytes = stride(from: 0, to: seed.count, by: 2).compactMap {
                UInt8(seed.dropFirst($0).prefix(2), radix: 16)
            }
            let privateKey = try Curve25519.Signing.PrivateKey(rawRepresentation: seedBytes)
            #expect(try DIDKey.did(for: .ed25519(privateKey.publicKey)) == did)
            #expect(try DIDKey.did(for: key) == did)
        }
    }

    @Test func nistCurveKeysDecodeToTheListedJWK() throws {
        let vectors = try Self.vectors("nist-curves.json")
        #expect(vectors.count == 7)
        var checked = 0
        for (did, vector) in vectors {
            let methods = vector["didDocument"]?["verificationMethod"]?.arrayValue ?? []
            let key = try DIDKey.publicKey(from: did)
            if let listed = methods.first?["publicKeyJwk"] {
                #expect(key.jwk == (try JWK(json: listed)), "\(did)")
            } else {
                // Listed as base58 of the compressed point, or of the uncompressed one.
                let listed = try #require(methods.first?["publicKeyBase58"]?.stringValue)
                guard case .p256(let p256) = key else {
                    Issue.record("\(did) did not decode to a P-256 key")
                    continue
                }
                let forms = [Array(p256.compressedRepresentation), Array(p256.x963Representation)]
                #expect(forms.map(Base58.encode).contains(listed), "\(did)")
            }
            #expect(try DIDKey.did(for: key) == did)
            checked += 1
        }
        #expect(checked == 7)
    }

    @Test func badIdentifiersAreRejectedWithAReason() {
        let cases = [
            ("did:web:example.org", "not a did:key"),
            ("did:key:6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", "base58btc"),
            ("did:key:z6Mk0OIl", "invalid base58 character"),
            ("did:key:z", "unterminated multicodec varint"),
            ("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme", "unsupported multicodec key type 0xe7"),
            // An Ed25519 code followed by 31 bytes instead of 32.
            ("did:key:z" + Base58.encode([0xED, 0x01] + [UInt8](repeating: 7, count: 31)), "does not hold a valid public key"),
        ]
        for (did, reason) in cases {
            let error = #expect(throws: IdentityError.self) { try DIDKey.publicKey(from: did) }
            #expect(error?.message.contains(reason) == true, "\(did): \(error?.message ?? "-")")
        }
    }
}

@Suite("JWK and encodings")
struct JWKTests {
    /// RFC 7638 §3.1.
    @Test func rfc7638ThumbprintExample() throws {
        let jwk = JWK(
            kty: "RSA",
            n: "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
            e: "AQAB")
        #expect(try jwk.thumbprint() == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")
    }

    @Test func thumbprintNeedsTheRequiredMembers() {
        #expect(throws: IdentityError.self) { try JWK(kty: "EC", crv: "P-256", x: "AA").thumbprint() }
        #expect(throws: IdentityError.self) { try JWK(kty: "oct").thumbprint() }
    }

    @Test func base64URLRoundTripsAndRejectsBadText() throws {
        var generator = SplitMix64(seed: "base64url")
        for length in 0..<40 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(try Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
        #expect(Base64URL.encode(Array("hello".utf8)) == "aGVsbG8")
        #expect(throws: IdentityError.self) { try Base64URL.decode("aGVsbG8=") }
        #expect(throws: IdentityError.self) { try Base64URL.decode("a") }
        #expect(throws: IdentityError.self) { try Base64URL.decode("aGVsbG9") }
    }

    @Test func base58RoundTripsWithLeadingZeros() throws {
        var generator = SplitMix64(seed: "base58")
        for length in 0..<40 {
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if length > 3 { bytes[0] = 0; bytes[1] = 0 }
            #expect(try Base58.decode(Base58.encode(bytes)) == bytes)
        }
        #expect(Base58.encode(Array("Hello World!".utf8)) == "2NEpo7TZRRrLZSi2U")
        #expect(throws: IdentityError.self) { try Base58.decode(String(repeating: "z", count: Base58.maxLength + 1)) }
    }
}
