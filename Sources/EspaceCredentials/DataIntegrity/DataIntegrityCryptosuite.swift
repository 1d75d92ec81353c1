import EspaceIdentity
import EspaceJSON

/// The Data Integrity cryptosuites Espace signs and verifies with (VC DI EdDSA v1.0).
public enum DataIntegrityCryptosuite: String, Sendable, CaseIterable {
    /// Ed25519 over SHA-256 of the RDFC-1.0 canonical forms of proof options and document.
    case eddsaRdfc2022 = "eddsa-rdfc-2022"
    /// Ed25519 over SHA-256 of the JCS (RFC 8785) forms of proof options and document.
    case eddsaJcs2022 = "eddsa-jcs-2022"
}

/// Options of a new Data Integrity proof.
public struct DataIntegrityProofOptions: Sendable {
    /// The cryptosuite to sign with.
    public var cryptosuite: DataIntegrityCryptosuite
    /// The verification method id (an absolute DID URL).
    public var verificationMethod: String
    /// The proof purpose (`assertionMethod` for credentials, `authentication` for presentations).
    public var proofPurpose: VerificationRelationship
    /// `created`, an XML Schema dateTime (use `ProofDateTime.format`); nil leaves it out.
    public var created: String?
    /// `expires`; nil leaves it out.
    public var expires: String?
    /// The proof's `id` (needed when later proofs chain to it).
    public var id: String?
    /// `challenge`, for presentations: the verifier's nonce.
    public var challenge: String?
    /// `domain`, for presentations: the verifier the proof is meant for.
    public var domain: String?
    /// The ids of existing proofs this one chains to (`previousProof`).
    public var previousProof: [String]

    /// Options with the given members; absent ones are left out of the proof.
    public init(
        cryptosuite: DataIntegrityCryptosuite = .eddsaRdfc2022, verificationMethod: String,
        proofPurpose: VerificationRelationship = .assertionMethod, created: String? = nil, expires: String? = nil,
        id: String? = nil, challenge: String? = nil, domain: String? = nil, previousProof: [String] = []
    ) {
        self.cryptosuite = cryptosuite
        self.verificationMethod = verificationMethod
        self.proofPurpose = proofPurpose
        self.created = created
        self.expires = expires
        self.id = id
        self.challenge = challenge
        self.domain = domain
        self.previousProof = previousProof
    }

    /// The proof object without `proofValue`, members in the usual order.
    var proofObject: JSONObject {
        var proof: JSONObject = ["type": "DataIntegrityProof"]
        if let id { proof["id"] = .string(id) }
        proof["cryptosuite"] = .string(cryptosuite.rawValue)
        if let created { proof["created"] = .string(created) }
        if let expires { proof["expires"] = .string(expires) }
        proof["verificationMethod"] = .string(verificationMethod)
        proof["proofPurpose"] = .string(proofPurpose.rawValue)
        if let challenge { proof["challenge"] = .string(challenge) }
        if let domain { proof["domain"] = .string(domain) }
        if previousProof.count == 1 {
            proof["previousProof"] = .string(previousProof[0])
        } else if !previousProof.isEmpty {
            proof["previousProof"] = .array(previousProof.map { .string($0) })
        }
        return proof
    }
}
