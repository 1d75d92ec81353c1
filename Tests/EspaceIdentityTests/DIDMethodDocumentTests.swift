import EspaceIdentity
import EspaceJSON
import EspaceTestSupport
import Testing

@Suite("did:key, did:jwk and node DID documents")
struct DIDMethodDocumentTests {
    static func vectors(_ file: String) throws -> JSONObject {
        try JSONParser().parse(try SharedFixtures.bytes("conformance/did-key/test-vectors/" + file)).objectValue ?? [:]
    }

    /// The six JsonWebKey2020 documents of nist-curves.json are generated exactly.
    @Test func nistCurveDocumentsMatchTheVectors() throws {
        var matched = 0
        for (did, vector) in try Self.vectors("nist-curves.json") {
            let expected = try #require(vector["didDocument"])
            guard expected["verificationMethod"]?.arrayValue?.first?["type"] == "JsonWebKey2020" else { continue }
            let document = try DIDDocument.didKey(did, representation: .jsonWebKey2020)
            #expect(document.json == expected, "\(did)")
            matched += 1
        }
        #expect(matched == 6)
    }

    /// Every vector document parses and serializes back to itself.
    @Test(arguments: ["nist-curves.json", "ed25519-x25519.json", "rsa.json", "secp256k1.json", "bls12381.json"])
    func vectorDocumentsRoundTrip(file: String) throws {
        for (did, vector) in try Self.vectors(file) {
            let expected = try #require(vector["didDocument"])
            let document = try DIDDocument(json: expected)
            #expect(document.id == did)
            #expect(document.json == expected, "\(did)")
        }
    }

    /// The five Ed25519 documents (four Ed25519VerificationKey2018, one JsonWebKey2020, each
    /// with the derived X25519 key-agreement key) are generated exactly; the Multikey and
    /// 2020 forms hold the same signing key.
    @Test func ed25519DocumentsMatchTheVectors() throws {
        var checked = 0
        for (did, vector) in try Self.vectors("ed25519-x25519.json") {
            let expected = try #require(vector["didDocument"])
            let type = expected["verificationMethod"]?.arrayValue?.first?["type"]?.stringValue
            let representation: DIDKeyRepresentation = type == "JsonWebKey2020" ? .jsonWebKey2020 : .verificationKey2018
            #expect(try DIDDocument.didKey(did, representation: representation).json == expected, "\(did)")
            let methodID = did + "#" + did.dropFirst("did:key:".count)
            let publishedKey = try #require(try DIDDocument(json: expected).verificationMethod(withID: methodID))
                .publicKey()
            for other in [DIDKeyRepresentation.multikey, .ed25519VerificationKey2020] {
                let method = try #require(
                    try DIDDocument.didKey(did, representation: other).verificationMethod(withID: methodID))
                #expect(try method.publicKey().jwk == publishedKey.jwk)
            }
            checked += 1
        }
        #expect(checked == 5)
    }

    /// The X25519 key derived from each Ed25519 vector key is the listed key-agreement key.
    @Test func x25519DerivationMatchesTheVectors() throws {
        for (did, vector) in try Self.vectors("ed25519-x25519.json") {
            guard case .ed25519(let key) = try DIDKey.publicKey(from: did) else {
                Issue.record("\(did) is not Ed25519")
                continue
            }
            let derived = try X25519Derivation.x25519PublicKey(ed25519: key.rawRepresentation)
            let pair = try #require(vector["keyAgreementKeyPair"])
            if let base58 = pair["publicKeyBase58"]?.stringValue {
                #expect(Base58.encode(derived) == base58, "\(did)")
            } else {
                #expect(Base64URL.encode(derived) == pair["publicKeyJwk"]?["x"]?.stringValue, "\(did)")
            }
        }
        #expect(throws: IdentityError.self) { try X25519Derivation.x25519PublicKey(ed25519: [1, 2, 3]) }
    }

    /// The four X25519 did:key documents of x25519.json are generated exactly; they are for
    /// key agreement only.
    @Test func x25519DocumentsMatchTheVectors() async throws {
        let documents = try #require(try Self.vectors("x25519.json")["didDocument"]?.objectValue)
        #expect(documents.count == 4)
        for (did, expected) in documents {
            let type = expected["verificationMethod"]?.arrayValue?.first?["type"]?.stringValue
            let representation: DIDKeyRepresentation = type == "JsonWebKey2020" ? .jsonWebKey2020 : .verificationKey2018
            #expect(try DIDDocument.didKey(did, representation: representation).json == expected, "\(did)")
            let multikey = try DIDDocument.didKey(did)
            #expect(multikey.entries(for: .keyAgreement).count == 1)
            #expect(multikey.entries(for: .authentication).isEmpty)
            do {
                _ = try await DIDResolvers.offline.resolveVerificationMethod(did, for: .authentication)
                Issue.record("an X25519 key was accepted for authentication")
            } catch {
                #expect(error.reason == .notAuthorized)
            }
        }
    }

    @Test func multikeyDocumentFollowsTheCurrentSpecification() throws {
        let did = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"
        let document = try DIDDocument.didKey(did + "#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")
        let expected: JSONValue = [
            "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
            "id": .string(did),
            "verificationMethod": [
                [
                    "id": .string(did + "#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"), "type": "Multikey",
                    "controller": .string(did),
                    "publicKeyMultibase": "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
                ]
            ],
            "authentication": [.string(did + "#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")],
            "assertionMethod": [.string(did + "#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")],
            "capabilityInvocation": [.string(did + "#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")],
            "capabilityDelegation": [.string(did + "#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")],
        ]
        #expect(document.json == expected)
        let p256 = try #require(try Self.vectors("nist-curves.json").keys.first { $0.hasPrefix("did:key:zDn") })
        let error = try #require(throws: IdentityError.self) {
            try DIDDocument.didKey(p256, representation: .ed25519VerificationKey2020)
        }
        #expect(error.reason == .unsupported)
        #expect(throws: IdentityError.self) { try DIDDocument.didKey("did:jwk:abc") }
    }

    /// The P-256 example of the did:jwk specification and its document.
    @Test func didJWKDocumentOfTheSpecificationExample() throws {
        let did =
            "did:jwk:eyJjcnYiOiJQLTI1NiIsImt0eSI6IkVDIiwieCI6ImFjYklRaXVNczNpOF91c3pFakoydHBUdFJNNEVVM3l6OTFQSDZDZEgyVjAiLCJ5IjoiX0tjeUxqOXZXTXB0bm1LdG00NkdxRHo4d2Y3NEk1TEtncmwyR3pIM25TRSJ9"
        let document = try DIDDocument.didJWK(did)
        let reference: JSONValue = [.string(did + "#0")]
        let expected: JSONValue = [
            "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"],
            "id": .string(did),
            "verificationMethod": [
                [
                    "id": .string(did + "#0"), "type": "JsonWebKey2020", "controller": .string(did),
                    "publicKeyJwk": [
                        "crv": "P-256", "kty": "EC", "x": "acbIQiuMs3i8_uszEjJ2tpTtRM4EU3yz91PH6CdH2V0",
                        "y": "_KcyLj9vWMptnmKtm46GqDz8wf74I5LKgrl2GzH3nSE",
                    ],
                ]
            ],
            "assertionMethod": reference, "authentication": reference, "capabilityInvocation": reference,
            "capabilityDelegation": reference, "keyAgreement": reference,
        ]
        #expect(document.json == expected)
    }

    @Test func didJWKRelationshipsFollowUse() throws {
        func did(_ jwk: JSONValue) -> String { "did:jwk:" + Base64URL.encode(Array(jwk.jsonText.utf8)) }
        let key = try PrivateKey.generate(.es256).publicKey
        var signing = key.jwk.json.objectValue ?? [:]
        signing["use"] = "sig"
        let sig = try DIDDocument.didJWK(did(.object(signing)))
        #expect(sig.entries(for: .keyAgreement).isEmpty)
        #expect(sig.entries(for: .assertionMethod).count == 1)
        #expect(sig.verificationMethod[0].publicKeyJwk?["use"] == "sig")
        // The X25519 example of the did:jwk specification: encryption only.
        let enc = try DIDDocument.didJWK(
            did([
                "kty": "OKP", "crv": "X25519", "use": "enc", "x": "3p7bfXt9wbTTW2HC7OQ1Nz-DQ8hbeGdNrfx-FG-IK08",
            ]))
        #expect(enc.entries(for: .keyAgreement).map(\.id) == [enc.id + "#0"])
        for relationship in [
            VerificationRelationship.authentication, .assertionMethod, .capabilityInvocation, .capabilityDelegation,
        ] {
            #expect(enc.entries(for: relationship).isEmpty)
        }
    }

    @Test func nodeDocumentPublishesItsKeysAndServices() throws {
        let ed = try PrivateKey.generate(.edDSA).publicKey
        let p256 = try PrivateKey.generate(.es256).publicKey
        let did = "did:web:node.example.com"
        let document = try DIDDocument.forNode(
            did: did,
            keys: [
                .init(fragment: "key-1", publicKey: ed, algorithm: .edDSA),
                .init(
                    fragment: "key-2", publicKey: p256, algorithm: .es256,
                    x5u: "https://node.example.com/.well-known/x509.pem"),
            ],
            services: [
                DIDService(id: did + "#dsp", type: "DataServiceEndpoint", endpoint: "https://node.example.com/dsp")
            ])
        #expect(document.verificationMethod.map(\.type) == ["JsonWebKey2020", "JsonWebKey2020"])
        let second = try #require(document.verificationMethod(withID: did + "#key-2"))
        #expect(second.publicKeyJwk?["x5u"] == "https://node.example.com/.well-known/x509.pem")
        #expect(second.publicKeyJwk?["alg"] == "ES256")
        #expect(second.publicKeyJwk?["kid"] == .string(did + "#key-2"))
        #expect(try second.publicKey().jwk == p256.jwk)
        for relationship in [VerificationRelationship.authentication, .assertionMethod, .capabilityInvocation] {
            #expect(document.entries(for: relationship).map(\.id) == [did + "#key-1", did + "#key-2"])
        }
        #expect(document.entries(for: .keyAgreement).isEmpty)
        #expect(try DIDDocument(json: document.json) == document)
        // Rejections.
        #expect(throws: IdentityError.self) { try DIDDocument.forNode(did: did, keys: []) }
        #expect(throws: IdentityError.self) {
            try DIDDocument.forNode(did: "https://x", keys: [.init(fragment: "k", publicKey: ed)])
        }
        #expect(throws: IdentityError.self) {
            try DIDDocument.forNode(
                did: did, keys: [.init(fragment: "k", publicKey: ed), .init(fragment: "k", publicKey: p256)])
        }
        #expect(throws: IdentityError.self) {
            try DIDDocument.forNode(did: did, keys: [.init(fragment: "a b", publicKey: ed)])
        }
        let mismatch = try #require(throws: IdentityError.self) {
            try DIDDocument.forNode(did: did, keys: [.init(fragment: "k", publicKey: ed, algorithm: .es256)])
        }
        #expect(mismatch.reason == .keyMismatch)
    }
}
