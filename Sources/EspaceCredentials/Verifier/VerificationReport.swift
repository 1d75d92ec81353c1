import EspaceIdentity
import EspaceJSON

/// What a `CredentialVerifier` found: every check in order, what was decoded, and the
/// reports of the credentials inside a presentation.
public struct VerificationReport: Sendable {
    /// The forms of secured credentials and presentations a verifier reads.
    public enum Form: String, Sendable, CaseIterable {
        /// VC-JOSE-COSE `vc+jwt` (also the Gaia-X `vc+ld+jwt`, `vc+ld+json+jwt` spellings).
        case credentialJWT = "vc+jwt"
        /// VC-JOSE-COSE `vp+jwt` (also `vp+ld+jwt`, `vp+ld+json+jwt`).
        case presentationJWT = "vp+jwt"
        /// VC Data Model 1.1 VC-JWT with a `vc` claim.
        case credentialJWT11 = "vc-jwt-1.1"
        /// VC Data Model 1.1 VC-JWT with a `vp` claim.
        case presentationJWT11 = "vp-jwt-1.1"
        /// A JSON-LD credential with embedded proofs.
        case credentialJSONLD = "ld-credential"
        /// A JSON-LD presentation with embedded proofs.
        case presentationJSONLD = "ld-presentation"

        /// Whether the form carries a presentation.
        public var isPresentation: Bool {
            self == .presentationJWT || self == .presentationJWT11 || self == .presentationJSONLD
        }
    }

    /// The form detected; nil when the input matched none.
    public var form: Form?
    /// The checks made, in order.
    public var checks: [VerificationCheck] = []
    /// The credential decoded (not necessarily valid: see `isValid`).
    public var credential: VerifiableCredential?
    /// The presentation decoded.
    public var presentation: VerifiablePresentation?
    /// The credential's issuer, or the presentation's holder.
    public var issuer: String?
    /// The verification method whose key verified the signature.
    public var verificationMethod: String?
    /// The embedded proofs examined (JSON-LD forms).
    public var proofs: [ProofCheck] = []
    /// One report per credential of a presentation, in order.
    public var credentials: [VerificationReport] = []

    public init(form: Form? = nil) {
        self.form = form
    }

    /// Whether every check passed or was skipped, here and in every nested report, and the
    /// input was at least decoded.
    public var isValid: Bool {
        form != nil && failures.isEmpty
    }

    /// The failed checks of this report and then of each nested one.
    public var failures: [VerificationCheck] {
        checks.filter(\.isFailure) + credentials.flatMap(\.failures)
    }

    /// The check named `name` in this report (not the nested ones).
    public func check(_ name: VerificationCheck.Name) -> VerificationCheck? {
        checks.first { $0.name == name }
    }

    mutating func record(_ name: VerificationCheck.Name, _ outcome: VerificationCheck.Outcome, detail: String = "") {
        checks.append(VerificationCheck(name, outcome, detail: detail))
    }

    mutating func pass(_ name: VerificationCheck.Name, _ detail: String = "") {
        record(name, .passed, detail: detail)
    }

    mutating func fail(_ name: VerificationCheck.Name, _ error: IdentityError, detail: String = "") {
        record(name, .failed(error), detail: detail)
    }

    mutating func skip(_ name: VerificationCheck.Name, _ why: String) {
        record(name, .skipped(why))
    }
}
