import EspaceIdentity
import EspaceJSON
import Foundation
import Testing

@Suite("DID documents")
struct DIDDocumentTests {
    static let example = #"""
        {
          "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"],
          "id": "did:web:example.com",
          "controller": "did:web:example.com",
          "alsoKnownAs": ["https://example.com/"],
          "verificationMethod": [
            {"id": "#key-1", "type": "JsonWebKey2020", "controller": "did:web:example.com",
             "publicKeyJwk": {"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
                              "alg": "EdDSA", "x5u": "https://example.com/chain.pem", "kid": "key-1"}},
            {"id": "did:web:example.com#key-2", "type": "Multikey", "controller": "did:web:example.com",
             "publicKeyMultibase": "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"}
          ],
          "authentication": ["#key-1"],
          "assertionMethod": ["did:web:example.com#key-1", "#key-2"],
          "capabilityInvocation": [
            {"id": "#key-3", "type": "Ed25519VerificationKey2018", "controller": "did:web:example.com",
             "publicKeyBase58": "4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS"}
          ],
          "service": [
            {"id": "#dsp", "type": "DataServiceEndpoint", "serviceEndpoint": "https://example.com/dsp"},
            {"id": "did:web:example.com#multi", "type": ["A", "B"],
             "serviceEndpoint": [{"origins": ["https://a.example"]}, "https://b.example"]}
          ],
          "custom": {"kept": true}
        }
        """#

    static func parse(_ text: String) throws(IdentityError) -> DIDDocument {
        try DIDDocument(bytes: Array(text.utf8))
    }

    static func reason(_ text: String, limits: DIDDocumentLimits = DIDDocumentLimits()) -> (
        IdentityError.Reason, String
    )? {
        do {
            _ = try DIDDocument(bytes: Array(text.utf8), limits: limits)
            return nil
        } catch {
            return (error.reason, error.message)
        }
    }

    @Test func parsesMembersAndResolvesRelativeIDs() throws {
        let document = try Self.parse(Self.example)
        #expect(document.id == "did:web:example.com")
        #expect(document.controller == ["did:web:example.com"])
        #expect(document.alsoKnownAs == ["https://example.com/"])
        #expect(document.verificationMethod.map(\.id) == ["did:web:example.com#key-1", "did:web:example.com#key-2"])
        #expect(document.entries(for: .authentication) == [.reference("did:web:example.com#key-1")])
        #expect(
            document.entries(for: .assertionMethod).map(\.id) == [
                "did:web:example.com#key-1", "did:web:example.com#key-2",
            ])
        #expect(document.entries(for: .keyAgreement).isEmpty)
        #expect(document.service.map(\.id) == ["did:web:example.com#dsp", "did:web:example.com#multi"])
        #expect(document.service[1].types == ["A", "B"])
        #expect(document.extra["custom"] == ["kept": true])
        let jwk = try #require(document.verificationMethod[0].publicKeyJwk)
        #expect(jwk["x5u"] == "https://example.com/chain.pem")
        #expect(jwk["alg"] == "EdDSA")
        #expect(jwk["kid"] == "key-1")
    }

    @Test func findsReferencedAndEmbeddedMethods() throws {
        let document = try Self.parse(Self.example)
        #expect(document.verificationMethod(withID: "did:web:example.com#key-3")?.type == "Ed25519VerificationKey2018")
        #expect(document.authorizes("did:web:example.com#key-3", for: .capabilityInvocation))
        #expect(!document.authorizes("did:web:example.com#key-2", for: .authentication))
        #expect(document.verificationMethod(withID: "did:web:example.com#nope") == nil)
    }

    @Test func extractsKeysFromEveryForm() throws {
        let document = try Self.parse(Self.example)
        let jwkKey = try #require(document.verificationMethod(withID: "did:web:example.com#key-1")).publicKey()
        #expect(jwkKey.jwk.x == "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")
        let multibase = try #require(document.verificationMethod(withID: "did:web:example.com#key-2")).publicKey()
        let base58 = try #require(document.verificationMethod(withID: "did:web:example.com#key-3")).publicKey()
        // Both name the key of did:key:z6MkiTBz1ymu… (the all-zero seed).
        #expect(multibase.jwk == base58.jwk)
        #expect(try DIDKey.did(for: multibase) == "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")
    }

    @Test func serializesAndReparsesToTheSameDocument() throws {
        let document = try Self.parse(Self.example)
        let json = document.json
        let again = try DIDDocument(json: json)
        #expect(again == document)
        #expect(json["verificationMethod"]?.arrayValue?[0]["id"] == "did:web:example.com#key-1")
        #expect(json["controller"] == "did:web:example.com")
        #expect(json["service"]?.arrayValue?[0]["type"] == "DataServiceEndpoint")
        #expect(json["service"]?.arrayValue?[1]["type"] == ["A", "B"])
        #expect(json["custom"] == ["kept": true])
    }

    @Test func keyExtractionRejectsBadOrUnsupportedMaterial() throws {
        func method(_ members: JSONObject) throws(IdentityError) -> VerificationMethod {
            var o: JSONObject = ["id": "#k", "type": "JsonWebKey2020", "controller": "did:ex:a"]
            for (k, v) in members { o[k] = v }
            return try VerificationMethod(json: .object(o), base: "did:ex:a")
        }
        let unknownCurve = try method(["publicKeyJwk": ["kty": "OKP", "crv": "X25519", "x": "AAAA"]])
        #expect(throws: IdentityError.self) { try unknownCurve.publicKey() }
        let noKey = try method([:])
        let error = try #require(throws: IdentityError.self) { try noKey.publicKey() }
        #expect(error.reason == .malformed)
        let x25519Multibase = try method(["publicKeyMultibase": "z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW"])
        let unsupported = try #require(throws: IdentityError.self) { try x25519Multibase.publicKey() }
        #expect(unsupported.reason == .unsupported)
        let base58OtherType = try method([
            "type": "X25519KeyAgreementKey2019", "publicKeyBase58": "4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS",
        ])
        #expect((try? base58OtherType.publicKey()) == nil)
        // Keys Espace reads are checked when the document is read.
        let shortEd25519 = try #require(throws: IdentityError.self) {
            try method(["type": "Ed25519VerificationKey2018", "publicKeyBase58": "4zvw"])
        }
        #expect(shortEd25519.message.contains("bad key material"))
        #expect(shortEd25519.reason == .malformed)
        let badPoint = try #require(throws: IdentityError.self) {
            try method(["publicKeyJwk": ["kty": "EC", "crv": "P-256", "x": "AAAA", "y": "AAAA"]])
        }
        #expect(badPoint.message.contains("bad key material"))
    }

    @Test(arguments: [
        (##"[]"##, "must be a JSON object"),
        (##"{"verificationMethod": []}"##, "no \"id\""),
        (##"{"id": "https://example.com"}"##, "is not a DID"),
        (##"{"id": "did:ex:a#frag"}"##, "is not a DID"),
        (##"{"id": "did:ex:a", "controller": "nope"}"##, "is not a DID"),
        (##"{"id": "did:ex:a", "verificationMethod": {}}"##, "must be an array"),
        (
            ##"{"id": "did:ex:a", "verificationMethod": [{"id": "#k", "type": "Multikey", "controller": "did:ex:a", "publicKeyMultibase": "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"}, {"id": "did:ex:a#k", "type": "Multikey", "controller": "did:ex:a", "publicKeyMultibase": "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"}]}"##,
            "appears twice"
        ),
        (##"{"id": "did:ex:a", "verificationMethod": [{"id": "#k", "controller": "did:ex:a"}]}"##, "no \"type\""),
        (
            ##"{"id": "did:ex:a", "verificationMethod": [{"id": "#k", "type": "X", "controller": "x"}]}"##,
            "no \"controller\" DID"
        ),
        (
            ##"{"id": "did:ex:a", "verificationMethod": [{"id": "#k", "type": "X", "controller": "did:ex:a", "publicKeyJwk": {"kty": "OKP", "crv": "Ed25519", "x": "AA", "d": "AA"}}]}"##,
            "private key material"
        ),
        (
            ##"{"id": "did:ex:a", "verificationMethod": [{"id": "#k", "type": "X", "controller": "did:ex:a", "publicKeyJwk": {"crv": "P-256"}}]}"##,
            "no \"kty\""
        ),
        (
            ##"{"id": "did:ex:a", "verificationMethod": [{"id": "#k", "type": "X", "controller": "did:ex:a", "publicKeyMultibase": "uAAAA"}]}"##,
            "not base58btc"
        ),
        (
            ##"{"id": "did:ex:a", "verificationMethod": [{"id": "#k", "type": "X", "controller": "did:ex:a", "publicKeyBase58": "0OIl"}]}"##,
            "not base58"
        ),
        (
            ##"{"id": "did:ex:a", "verificationMethod": [{"id": "#k", "type": "X", "controller": "did:ex:a", "publicKeyBase58": "4zvw", "publicKeyMultibase": "z4zvw"}]}"##,
            "more than one form"
        ),
        (##"{"id": "did:ex:a", "authentication": "#k"}"##, "must be an array"),
        (##"{"id": "did:ex:a", "authentication": [1]}"##, "strings or objects"),
        (##"{"id": "did:ex:a", "authentication": ["not a did url"]}"##, "not a DID URL"),
        (##"{"id": "did:ex:a", "service": [{"id": "#s", "serviceEndpoint": "https://x"}]}"##, "no \"type\""),
        (##"{"id": "did:ex:a", "service": [{"id": "#s", "type": "T"}]}"##, "no \"serviceEndpoint\""),
        (
            ##"{"id": "did:ex:a", "service": [{"id": "#s", "type": "T", "serviceEndpoint": 3}]}"##,
            "must be a string, a map"
        ),
        (
            ##"{"id": "did:ex:a", "service": [{"id": "#s", "type": "T", "serviceEndpoint": [["x"]]}]}"##,
            "must be a string, a map"
        ),
        (
            ##"{"id": "did:ex:a", "service": [{"id": "#s", "type": "T", "serviceEndpoint": "https://x"}, {"id": "did:ex:a#s", "type": "T", "serviceEndpoint": "https://y"}]}"##,
            "appears twice"
        ),
    ])
    func rejectsMalformedDocuments(text: String, message: String) throws {
        let (reason, actual) = try #require(Self.reason(text))
        #expect(reason == .malformed)
        #expect(actual.contains(message), "\(actual)")
    }

    @Test func enforcesCountAndSizeLimits() throws {
        let method =
            ##"{"id": "#k%d", "type": "Multikey", "controller": "did:ex:a", "publicKeyMultibase": "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"}"##
        let methods = (0..<3).map { method.replacingOccurrences(of: "%d", with: "\($0)") }.joined(separator: ",")
        let limits = DIDDocumentLimits(
            maxVerificationMethods: 2, maxServices: 1, maxRelationshipEntries: 1, maxBytes: 4096)
        #expect(
            Self.reason(##"{"id": "did:ex:a", "verificationMethod": [\##(methods)]}"##, limits: limits)?.0
                == .limitExceeded)
        #expect(
            Self.reason(##"{"id": "did:ex:a", "authentication": ["#a", "#b"]}"##, limits: limits)?.0 == .limitExceeded)
        let services =
            ##"[{"id": "#a", "type": "T", "serviceEndpoint": "https://a"}, {"id": "#b", "type": "T", "serviceEndpoint": "https://b"}]"##
        #expect(Self.reason(##"{"id": "did:ex:a", "service": \##(services)}"##, limits: limits)?.0 == .limitExceeded)
        let big = ##"{"id": "did:ex:a", "x": ""## + String(repeating: "a", count: 5000) + ##""}"##
        #expect(Self.reason(big, limits: limits)?.0 == .limitExceeded)
        #expect(Self.reason("{not json", limits: limits)?.0 == .malformed)
    }
}
