import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Testing

/// The VC DI EdDSA test vectors: every intermediate value, byte for byte.
@Suite("Data Integrity EdDSA vectors")
struct DataIntegrityVectorTests {
    static let folder = "conformance/vc/vc-di-eddsa/TestVectors/"

    struct Vector: Sendable, CustomStringConvertible {
        var suite: DataIntegrityCryptosuite
        var directory: String
        var tag: String
        var description: String { suite.rawValue }
    }

    static let vectors = [
        Vector(suite: .eddsaRdfc2022, directory: "eddsa-rdfc-2022/", tag: "DataInt"),
        Vector(suite: .eddsaJcs2022, directory: "eddsa-jcs-2022/", tag: "JCS"),
    ]

    @Test(arguments: vectors)
    func intermediateValues(_ vector: Vector) throws {
        let dir = Self.folder + vector.directory
        let unsigned = try Fixture.json(Self.folder + "unsigned.json")
        var proofConfig = try Fixture.json(dir + "proofConfig\(vector.tag).json")
        #expect(proofConfig["@context"] == unsigned["@context"])
        proofConfig["@context"] = nil
        let di = DataIntegrity()
        let canonDoc = try di.canonicalDocument(unsigned, suite: vector.suite)
        #expect(canonDoc == (try Fixture.text(dir + "canonDoc\(vector.tag).txt")))
        let proofCanon = try di.canonicalProofConfiguration(proofConfig, context: unsigned["@context"], suite: vector.suite)
        #expect(proofCanon == (try Fixture.text(dir + "proofCanon\(vector.tag).txt")))
        let hash = DataIntegrity.hashData(canonicalProofConfiguration: proofCanon, canonicalDocument: canonDoc)
        #expect(Fixture.hex(Array(hash[..<32])) == (try Fixture.text(dir + "proofHash\(vector.tag).txt")))
        #expect(Fixture.hex(Array(hash[32...])) == (try Fixture.text(dir + "docHash\(vector.tag).txt")))
        #expect(Fixture.hex(hash) == (try Fixture.text(dir + "combinedHash\(vector.tag).txt")))
        let keyPair = try Fixture.json(Self.folder + "keyPair.json")
        let key = try MultikeySecretKey.privateKey(fromMultibase: try #require(keyPair["privateKeyMultibase"]?.stringValue))
        #expect(try DIDKey.did(for: key.publicKey) == "did:key:" + (keyPair["publicKeyMultibase"]?.stringValue ?? ""))
        let signature = try key.sign(hash)
        #expect(Fixture.hex(signature) == (try Fixture.text(dir + "sigHex\(vector.tag).txt")))
        #expect("z" + Base58.encode(signature) == (try Fixture.text(dir + "sigBTC58\(vector.tag).txt")))
    }

    @Test(arguments: vectors)
    func signReproducesSignedDocument(_ vector: Vector) throws {
        let dir = Self.folder + vector.directory
        let unsigned = try Fixture.json(Self.folder + "unsigned.json")
        let config = try Fixture.json(dir + "proofConfig\(vector.tag).json")
        let keyPair = try Fixture.json(Self.folder + "keyPair.json")
        let key = try MultikeySecretKey.privateKey(fromMultibase: try #require(keyPair["privateKeyMultibase"]?.stringValue))
        let options = DataIntegrityProofOptions(
            cryptosuite: vector.suite, verificationMethod: try #require(config["verificationMethod"]?.stringValue),
            created: config["created"]?.stringValue)
        let signed = try DataIntegrity().addProof(to: unsigned, options: options, key: key)
        let expected = try Fixture.json(dir + "signed\(vector.tag).json")
        #expect(signed == expected)
        #expect(signed["proof"]?["proofValue"] == expected["proof"]?["proofValue"])
    }

    @Test(arguments: vectors)
    func signedDocumentVerifies(_ vector: Vector) async throws {
        let signed = try Fixture.json(Self.folder + vector.directory + "signed\(vector.tag).json")
        let checks = try await DataIntegrity().verify(
            signed, resolver: ProofKeyResolver(), expectations: ProofExpectations(now: Fixture.now))
        #expect(checks.count == 1)
        #expect(checks.first?.suite == vector.suite.rawValue)
        #expect(checks.first?.proofPurpose == "assertionMethod")
        #expect(checks.first?.isVerified == true)
    }

    @Test func proofSetVerifiesEachProof() async throws {
        let signed = try Fixture.json(Self.folder + "proof-set-chain/signedProofSet2.json")
        let checks = try await DataIntegrity().verify(
            signed, resolver: ProofKeyResolver(), expectations: ProofExpectations(now: Fixture.now))
        #expect(checks.count == 2)
        #expect(checks.allSatisfy { $0.isVerified })
        #expect(Set(checks.map(\.verificationMethod)).count == 2)
    }

    @Test func proofChainVerifiesEachProof() async throws {
        let signed = try Fixture.json(Self.folder + "proof-set-chain/signedProofChain2.json")
        let checks = try await DataIntegrity().verify(
            signed, resolver: ProofKeyResolver(), expectations: ProofExpectations(now: Fixture.now))
        #expect(checks.count == 4)
        #expect(checks.allSatisfy { $0.isVerified })
    }

    /// Builds the proof set and the chain again from the unsigned document and the four key
    /// pairs, and gets the vectors' documents exactly.
    @Test func proofSetAndChainSigning() throws {
        let dir = Self.folder + "proof-set-chain/"
        let pairs = try Fixture.json(dir + "multiKeyPairs.json")
        func key(_ n: Int) throws -> PrivateKey {
            try MultikeySecretKey.privateKey(
                fromMultibase: try #require(pairs["keyPair\(n)"]?["privateKeyMultibase"]?.stringValue))
        }
        func options(_ file: String) throws -> DataIntegrityProofOptions {
            let c = try Fixture.json(dir + file)
            return DataIntegrityProofOptions(
                verificationMethod: try #require(c["verificationMethod"]?.stringValue),
                created: c["created"]?.stringValue, id: c["id"]?.stringValue,
                previousProof: (c["previousProof"]?.asArray ?? []).compactMap(\.stringValue))
        }
        let di = DataIntegrity()
        var document = try Fixture.json(dir + "unsigned.json")
        document = try di.addProof(to: document, options: try options("proofSetConfig1.json"), key: try key(1))
        #expect(document == (try Fixture.json(dir + "signedProofSet1.json")))
        document = try di.addProof(to: document, options: try options("proofSetConfig2.json"), key: try key(2))
        #expect(document == (try Fixture.json(dir + "signedProofSet2.json")))
        document = try di.addProof(to: document, options: try options("proofChainConfig1.json"), key: try key(3))
        #expect(document == (try Fixture.json(dir + "signedProofChain1.json")))
        document = try di.addProof(to: document, options: try options("proofChainConfig2.json"), key: try key(4))
        #expect(document == (try Fixture.json(dir + "signedProofChain2.json")))
    }

    /// The signed examples of the Bitstring Status List Recommendation (did:key without a
    /// fragment as verification method).
    @Test(arguments: ["example-04-a-revocable-verifiable-credential", "example-05-a-status-list-verifiable-credential"])
    func statusListSpecExamplesVerify(_ name: String) async throws {
        let signed = try Fixture.json("protocols/bitstring-status-list/spec/examples-extracted/\(name).eddsa-rdfc-2022.json")
        let checks = try await DataIntegrity().verify(
            signed, resolver: ProofKeyResolver(), expectations: ProofExpectations(now: Fixture.now.addingTimeInterval(3e8)))
        #expect(checks.map(\.isVerified) == [true])
    }
}
