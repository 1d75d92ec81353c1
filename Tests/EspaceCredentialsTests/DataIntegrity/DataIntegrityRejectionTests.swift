import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Foundation
import Testing

/// Every way a Data Integrity proof is refused, each with its reason.
@Suite("Data Integrity rejections")
struct DataIntegrityRejectionTests {
    static let folder = "conformance/vc/vc-di-eddsa/TestVectors/"

    static func signed() throws -> JSONObject {
        try Fixture.json(folder + "eddsa-rdfc-2022/signedDataInt.json")
    }

    /// Re-signs the unsigned vector with the vector key and `change` applied to the options.
    static func resigned(_ change: (inout DataIntegrityProofOptions) -> Void) throws -> JSONObject {
        let pair = try Fixture.json(folder + "keyPair.json")
        let key = try MultikeySecretKey.privateKey(fromMultibase: pair["privateKeyMultibase"]?.stringValue ?? "")
        let did = try DIDKey.did(for: key.publicKey)
        var options = DataIntegrityProofOptions(
            verificationMethod: did + "#" + did.dropFirst("did:key:".count), created: "2023-02-24T23:36:38Z")
        change(&options)
        return try DataIntegrity().addProof(to: try Fixture.json(folder + "unsigned.json"), options: options, key: key)
    }

    static func reason(
        _ document: JSONObject, resolver: ProofKeyResolver = ProofKeyResolver(),
        expectations: ProofExpectations = ProofExpectations(now: Fixture.now)
    ) async -> IdentityError.Reason? {
        do {
            _ = try await DataIntegrity().verify(document, resolver: resolver, expectations: expectations)
            return nil
        } catch {
            return error.reason
        }
    }

    static func editProof(_ document: JSONObject, _ edit: (inout JSONObject) -> Void) -> JSONObject {
        var copy = document
        var proof = copy["proof"]?.objectValue ?? [:]
        edit(&proof)
        copy["proof"] = .object(proof)
        return copy
    }

    @Test func tamperedClaimBreaksSignature() async throws {
        var doc = try Self.signed()
        doc["name"] = "Forged Credential"
        #expect(await Self.reason(doc) == .signatureInvalid)
    }

    @Test func tamperedProofOptionBreaksSignature() async throws {
        let doc = Self.editProof(try Self.signed()) { $0["created"] = "2023-02-24T23:36:39Z" }
        #expect(await Self.reason(doc) == .signatureInvalid)
    }

    @Test func swappedJCSSuiteBreaksSignature() async throws {
        let doc = Self.editProof(try Self.signed()) { $0["cryptosuite"] = "eddsa-jcs-2022" }
        #expect(await Self.reason(doc) == .signatureInvalid)
    }

    @Test func unknownCryptosuiteIsUnsupported() async throws {
        let doc = Self.editProof(try Self.signed()) { $0["cryptosuite"] = "ecdsa-rdfc-2019" }
        #expect(await Self.reason(doc) == .unsupported)
    }

    @Test func otherProofTypeIsUnsupported() async throws {
        let doc = Self.editProof(try Self.signed()) { $0["type"] = "Ed25519Signature2020" }
        #expect(await Self.reason(doc) == .unsupported)
    }

    @Test func proofValueMustBeBase58btc() async throws {
        let notZ = Self.editProof(try Self.signed()) { $0["proofValue"] = "uAAAA" }
        #expect(await Self.reason(notZ) == .malformed)
        let short = Self.editProof(try Self.signed()) { $0["proofValue"] = "z3yMApqCuCjXDWPrbjfR5mjCPTHqFG8Pux1TxQrEM35jQ" }
        #expect(await Self.reason(short) == .malformed)
        let missing = Self.editProof(try Self.signed()) { $0["proofValue"] = nil }
        #expect(await Self.reason(missing) == .malformed)
    }

    @Test func missingProofIsMalformed() async throws {
        var doc = try Self.signed()
        doc["proof"] = nil
        #expect(await Self.reason(doc) == .malformed)
        doc["proof"] = .array([])
        #expect(await Self.reason(doc) == .malformed)
    }

    @Test func tooManyProofsExceedLimit() async throws {
        var doc = try Self.signed()
        let proof = try #require(doc["proof"])
        doc["proof"] = .array(Array(repeating: proof, count: 17))
        #expect(await Self.reason(doc) == .limitExceeded)
    }

    @Test func purposeMustMatchExpectation() async throws {
        let doc = try Self.signed()
        #expect(await Self.reason(doc, expectations: ProofExpectations(purpose: .authentication, now: Fixture.now)) == .notAuthorized)
    }

    @Test func methodMustBeAuthorizedForPurpose() async throws {
        let resolver = ProofKeyResolver(authorized: [.authentication])
        #expect(await Self.reason(try Self.signed(), resolver: resolver) == .notAuthorized)
    }

    @Test func unresolvableMethodFails() async throws {
        let doc = Self.editProof(try Self.signed()) { $0["verificationMethod"] = "did:web:example.com#key-1" }
        #expect(await Self.reason(doc) == .resolutionFailed)
    }

    @Test func nonEd25519KeyIsKeyMismatch() async throws {
        let doc = try Self.signed()
        let vm = try #require(doc["proof"]?["verificationMethod"]?.stringValue)
        let resolver = ProofKeyResolver(keys: [vm: try PrivateKey.generate(.es256).publicKey])
        #expect(await Self.reason(doc, resolver: resolver) == .keyMismatch)
    }

    @Test func signingRequiresEd25519() throws {
        let unsigned = try Fixture.json(Self.folder + "unsigned.json")
        let key = try PrivateKey.generate(.es256)
        do {
            _ = try DataIntegrity().addProof(
                to: unsigned, options: DataIntegrityProofOptions(verificationMethod: "did:example:1#k"), key: key)
            Issue.record("an ES256 key signed an EdDSA proof")
        } catch {
            #expect(error.reason == .keyMismatch)
        }
    }

    @Test func createdInTheFutureIsNotYetValid() async throws {
        let early = ProofExpectations(now: Date(timeIntervalSince1970: 1_600_000_000))
        #expect(await Self.reason(try Self.signed(), expectations: early) == .notYetValid)
    }

    @Test func malformedCreatedIsRejected() async throws {
        let doc = Self.editProof(try Self.signed()) { $0["created"] = "24 Feb 2023" }
        #expect(await Self.reason(doc) == .malformed)
        #expect(throws: IdentityError.self) { _ = try Self.resigned { $0.created = "2023-02-30T00:00:00Z" } }
    }

    @Test func expiredProofIsRejected() async throws {
        let doc = try Self.resigned { $0.expires = "2023-03-01T00:00:00Z" }
        #expect(await Self.reason(doc) == .expired)
        let later = try Self.resigned { $0.expires = "2030-01-01T00:00:00Z" }
        #expect(await Self.reason(later) == nil)
    }

    @Test func challengeAndDomainAreChecked() async throws {
        let doc = try Self.resigned {
            $0.proofPurpose = .authentication
            $0.challenge = "n-0S6_WzA2Mj"
            $0.domain = "verifier.example"
        }
        func expect(challenge: String?, domain: String?) -> ProofExpectations {
            ProofExpectations(purpose: .authentication, now: Fixture.now, challenge: challenge, domain: domain)
        }
        #expect(await Self.reason(doc, expectations: expect(challenge: "n-0S6_WzA2Mj", domain: "verifier.example")) == nil)
        #expect(await Self.reason(doc, expectations: expect(challenge: "other", domain: nil)) == .wrongAudience)
        #expect(await Self.reason(doc, expectations: expect(challenge: nil, domain: "evil.example")) == .wrongAudience)
        let bare = try Self.resigned { $0.proofPurpose = .authentication }
        #expect(await Self.reason(bare, expectations: expect(challenge: "n-0S6_WzA2Mj", domain: nil)) == .wrongAudience)
        #expect(await Self.reason(bare, expectations: expect(challenge: nil, domain: "verifier.example")) == .wrongAudience)
    }

    @Test func proofContextMustPrefixDocumentContext() async throws {
        let good = Self.editProof(try Self.signed()) { $0["@context"] = ["https://www.w3.org/ns/credentials/v2"] }
        // A prefix passes the context check; under that context alone the document has
        // terms no context defines, which JSON-LD safe mode refuses before any hashing.
        #expect(await Self.reason(good) == .malformed)
        let bad = Self.editProof(try Self.signed()) { $0["@context"] = ["https://www.w3.org/2018/credentials/v1"] }
        #expect(await Self.reason(bad) == .malformed)
    }

    @Test func danglingPreviousProofIsMalformed() async throws {
        let doc = Self.editProof(try Self.signed()) { $0["previousProof"] = "urn:uuid:nowhere" }
        #expect(await Self.reason(doc) == .malformed)
    }

    @Test func checkReportsEachProofOfASet() async throws {
        var doc = try Fixture.json(Self.folder + "proof-set-chain/signedProofSet2.json")
        var proofs = try #require(doc["proof"]?.arrayValue)
        var second = try #require(proofs[1].objectValue)
        second["created"] = "2023-02-24T23:36:39Z"
        proofs[1] = .object(second)
        doc["proof"] = .array(proofs)
        let checks = await DataIntegrity().check(
            doc, resolver: ProofKeyResolver(), expectations: ProofExpectations(now: Fixture.now))
        #expect(checks.map(\.isVerified) == [true, false])
        #expect(checks[1].error?.reason == .signatureInvalid)
    }
}
