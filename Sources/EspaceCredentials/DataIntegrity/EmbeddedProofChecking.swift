import EspaceIdentity
import EspaceJSON

/// Something that checks the embedded `proof`s of a JSON-LD document one by one.
///
/// Conformers say how to check one proof (`checkProof`); the protocol walks the proof set,
/// records one `ProofCheck` per proof and offers `verify`, which throws the first rejection.
public protocol EmbeddedProofChecking: Sendable {
    /// Most proofs accepted on one document.
    var maxProofs: Int { get }

    /// Checks `proof`, one of `all` on `document`; returns the suite name to report when it
    /// differs from the proof's `cryptosuite` (nil keeps it), or throws the rejection.
    func checkProof(
        _ proof: JSONObject, of document: JSONObject, all: [JSONObject], resolver: some VerificationMethodResolver,
        expectations: ProofExpectations
    ) async throws(IdentityError) -> String?
}

extension EmbeddedProofChecking {
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
            var check = ProofCheck(
                proofType: proof["type"]?.stringValue ?? "", suite: proof["cryptosuite"]?.stringValue ?? "",
                verificationMethod: proof["verificationMethod"]?.stringValue ?? "",
                proofPurpose: proof["proofPurpose"]?.stringValue ?? "", outcome: .verified)
            do throws(IdentityError) {
                if let suite = try await checkProof(proof, of: document, all: proofs, resolver: resolver, expectations: expectations) {
                    check.suite = suite
                }
            } catch {
                check.outcome = .rejected(error)
            }
            checks.append(check)
        }
        return checks
    }

    /// Verifies every proof of `document`; throws the first rejection, else returns the checks.
    public func verify(
        _ document: JSONObject, resolver: some VerificationMethodResolver, expectations: ProofExpectations
    ) async throws(IdentityError) -> [ProofCheck] {
        let checks = await check(document, resolver: resolver, expectations: expectations)
        if let error = checks.lazy.compactMap(\.error).first { throw error }
        return checks
    }
}
