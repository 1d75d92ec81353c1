import EspaceIdentity
import Foundation

/// What one embedded proof check found: which suite, key and purpose it used, and whether
/// it held. Credential verifiers list these in their results.
public struct ProofCheck: Sendable, Equatable {
    /// How the check ended.
    public enum Outcome: Sendable, Equatable {
        /// The signature verified and every option check passed.
        case verified
        /// The proof was rejected, with the reason and a message saying why.
        case rejected(IdentityError)
    }

    /// The proof `type` (`DataIntegrityProof`, `JsonWebSignature2020`).
    public var proofType: String
    /// The cryptosuite or variant used (`eddsa-rdfc-2022`, `eddsa-jcs-2022`,
    /// `JsonWebSignature2020/gaia-x`, `JsonWebSignature2020/w3c`); empty when unknown.
    public var suite: String
    /// The verification method the proof names (empty when it names none).
    public var verificationMethod: String
    /// The proof purpose the proof states (empty when it states none).
    public var proofPurpose: String
    /// The outcome.
    public var outcome: Outcome

    /// A check result with the given members.
    public init(proofType: String, suite: String, verificationMethod: String, proofPurpose: String, outcome: Outcome) {
        self.proofType = proofType
        self.suite = suite
        self.verificationMethod = verificationMethod
        self.proofPurpose = proofPurpose
        self.outcome = outcome
    }

    /// Whether the proof verified.
    public var isVerified: Bool { outcome == .verified }

    /// The rejection, if any.
    public var error: IdentityError? {
        if case .rejected(let error) = outcome { return error }
        return nil
    }
}

/// What a verifier expects of the proofs it checks.
public struct ProofExpectations: Sendable {
    /// The relationship the verification method must have, and the `proofPurpose` the proof
    /// must state (`assertionMethod` for credentials, `authentication` for presentations).
    public var purpose: VerificationRelationship
    /// The current time, injected.
    public var now: Date
    /// Tolerated clock difference when comparing `created` with `now`, in seconds.
    public var clockSkew: TimeInterval
    /// When set, the proof's `challenge` must equal it.
    public var challenge: String?
    /// When set, the proof's `domain` (a string or an array) must contain it.
    public var domain: String?

    /// Expectations for proofs checked at `now`.
    public init(
        purpose: VerificationRelationship = .assertionMethod, now: Date, clockSkew: TimeInterval = 300,
        challenge: String? = nil, domain: String? = nil
    ) {
        self.purpose = purpose
        self.now = now
        self.clockSkew = clockSkew
        self.challenge = challenge
        self.domain = domain
    }
}
