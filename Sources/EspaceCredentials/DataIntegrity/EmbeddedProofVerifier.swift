import EspaceIdentity
import EspaceJSON

/// Checks the embedded proofs of a JSON-LD credential or presentation whatever their type:
/// `DataIntegrityProof` (EdDSA cryptosuites) and `JsonWebSignature2020` (Gaia-X and W3C
/// payloads). Each proof is checked on its own and reported as a `ProofCheck`.
public struct EmbeddedProofVerifier: Sendable {
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

    /// One `ProofCheck` per proof of `document`, in order; a document without a usable
    /// `proof` gives one rejected check.
    public func check(
        _ document: JSONObject, resolver: some VerificationMethodResolver, expectations: ProofExpectations
    ) async -> [ProofCheck] {
        let proofs: [JSONObject]
        do {
            proofs = try ProofOptionChecks.proofs(of: document, limit: maxProofs)
        } catch {
            return [ProofCheck(proofType: "", suite: "", verificationMethod: "", proofPurpose: "", outcome: .rejected(error))]
        }
        var checks: [ProofCheck] = []
        for proof in proofs {
            let type = proof["type"]?.stringValue ?? ""
            var check = ProofCheck(
                proofType: type, suite: proof["cryptosuite"]?.stringValue ?? "",
                verificationMethod: proof["verificationMethod"]?.stringValue ?? "",
                proofPurpose: proof["proofPurpose"]?.stringValue ?? "", outcome: .verified)
            do throws(IdentityError) {
                switch type {
                case "DataIntegrityProof":
                    try await dataIntegrity.verifyProof(
                        proof, of: document, all: proofs, resolver: resolver, expectations: expectations)
                case JsonWebSignature2020.proofType:
                    let variant = try await jsonWebSignature2020.verifyProof(
                        proof, of: document, resolver: resolver, expectations: expectations)
                    check.suite = JsonWebSignature2020.proofType + "/" + variant.rawValue
                default:
                    throw IdentityError("proof type \"\(type)\" is not supported", reason: .unsupported)
                }
            } catch {
                check.outcome = .rejected(error)
            }
            checks.append(check)
        }
        return checks
    }

    /// Verifies every proof; throws the first rejection, else returns the checks.
    public func verify(
        _ document: JSONObject, resolver: some VerificationMethodResolver, expectations: ProofExpectations
    ) async throws(IdentityError) -> [ProofCheck] {
        let checks = await check(document, resolver: resolver, expectations: expectations)
        if let error = checks.lazy.compactMap(\.error).first { throw error }
        return checks
    }
}
