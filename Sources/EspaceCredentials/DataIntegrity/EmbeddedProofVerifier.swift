import EspaceIdentity
import EspaceJSON

/// Checks the embedded proofs of a JSON-LD credential or presentation whatever their type:
/// `DataIntegrityProof` (EdDSA cryptosuites) and `JsonWebSignature2020` (Gaia-X and W3C
/// payloads). Each proof is checked on its own and reported as a `ProofCheck`.
public struct EmbeddedProofVerifier: EmbeddedProofChecking {
    /// Checks `DataIntegrityProof` proofs.
    public var dataIntegrity: DataIntegrity
    /// Checks `JsonWebSignature2020` proofs.
    public var jsonWebSignature2020: JsonWebSignature2020
    /// Most proofs accepted on one document.
    public var maxProofs: Int

    /// A verifier whose suites share `canonicalization`, accepting at most `maxProofs` proofs.
    public init(
        canonicalization: LinkedDataCanonicalization = LinkedDataCanonicalization(), maxProofs: Int = 16
    ) {
        dataIntegrity = DataIntegrity(canonicalization: canonicalization, maxProofs: maxProofs)
        jsonWebSignature2020 = JsonWebSignature2020(canonicalization: canonicalization, maxProofs: maxProofs)
        self.maxProofs = maxProofs
    }

    /// Checks one proof with the suite its `type` names; other types are `.unsupported`.
    public func checkProof(
        _ proof: JSONObject, of document: JSONObject, all: [JSONObject], resolver: some VerificationMethodResolver,
        expectations: ProofExpectations
    ) async throws(IdentityError) -> String? {
        let type = proof["type"]?.stringValue ?? ""
        switch type {
        case "DataIntegrityProof":
            return try await dataIntegrity.checkProof(proof, of: document, all: all, resolver: resolver, expectations: expectations)
        case JsonWebSignature2020.proofType:
            return try await jsonWebSignature2020.checkProof(proof, of: document, all: all, resolver: resolver, expectations: expectations)
        default:
            throw IdentityError("proof type \"\(type)\" is not supported", reason: .unsupported)
        }
    }
}
