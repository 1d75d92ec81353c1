import EspaceIdentity
import EspaceJSON
import EspaceJSONLD

/// Checks credentials and presentations against the rules of VC Data Model 1.1 and 2.0:
/// base context first, required types, URL-valued ids, issuer and holder shapes, XML Schema
/// dates, the validity period against an injected clock, non-empty subjects, typed status,
/// schema, evidence, refresh service and terms of use entries, language values for `name`
/// and `description`, enveloped credentials, and (optionally) JSON-LD well-formedness with
/// the bundled contexts.
///
/// Every rejection is an `IdentityError` whose message names the member at fault;
/// structural faults are `.malformed`, the validity period gives `.expired` or
/// `.notYetValid`.
public struct CredentialValidator: Sendable {
    /// Whether documents are complete credentials or requests an issuer will complete.
    public enum Mode: Sendable, Equatable {
        /// A credential as issued: `issuer` (and, in 1.1, `issuanceDate`) are required.
        case verification
        /// A credential handed to an issuer, which supplies the issuer's id: `issuer` may be
        /// absent or an object without `id`, and a 1.1 `issuanceDate` may be absent.
        case issuanceRequest
    }

    /// What the validator requires beyond the data model's rules.
    public struct Options: Sendable {
        /// Complete credentials, or issuance requests (see `Mode`).
        public var mode: Mode = .verification
        /// The verifier's time in seconds since 1970; when set, the validity period
        /// (`validFrom`/`validUntil`, `issuanceDate`/`expirationDate`) is checked against it.
        public var now: Double?
        /// Tolerated clock difference, in seconds.
        public var leeway: Double = 0
        /// Expand the document with JSON-LD (bundled contexts only) and require every
        /// context to load, no protected term to be redefined, and every type to expand to
        /// an absolute URL.
        public var checkJSONLD: Bool = false
        /// With `checkJSONLD`, also reject terms the contexts do not define: properties a
        /// 1.1 processor would drop, or that a 2.0 context maps only through its `@vocab`
        /// (issuer-dependent terms).
        public var rejectUndefinedTerms: Bool = false
        /// The loader used by the JSON-LD check; nil means the bundled contexts only.
        public var documentLoader: (any DocumentLoader)?
        /// Require an embedded `proof` on credentials and presentations.
        public var requireProof: Bool = false
        /// Require a `credentialSchema` on every credential (zero-knowledge profiles).
        public var requireCredentialSchema: Bool = false
        /// Require presentations to name a holder who is the issuer of every credential in
        /// them (self-asserted presentations); a mismatch is `.wrongIssuer`.
        public var requireSelfAsserted: Bool = false
        /// Require a `type` on every `evidence` entry (VC 2.0 and 1.1 do). Gaia-X Loire
        /// notaries issue evidence without one; see `gaiaXLoire(now:)`.
        public var requireEvidenceType: Bool = true
        /// Most values accepted in one property (subjects, evidence, credentials…).
        public var maxEntries: Int = 1_000

        public init(mode: Mode = .verification, now: Double? = nil, checkJSONLD: Bool = false) {
            self.mode = mode
            self.now = now
            self.checkJSONLD = checkJSONLD
        }

        /// The data model rules as the Gaia-X Loire clearing houses apply them: as strict as
        /// the default, except that `evidence` entries may lack a `type` (live notary
        /// credentials carry `{gx:evidenceOf, gx:evidenceURL, gx:executionDate}` only).
        public static func gaiaXLoire(now: Double?) -> Options {
            var options = Options(now: now)
            options.requireEvidenceType = false
            return options
        }
    }

    /// What `validate(document:)` found the document to be.
    public enum DocumentKind: Sendable, Equatable {
        /// A `VerifiableCredential`.
        case credential
        /// A `VerifiablePresentation`.
        case presentation
        /// An `EnvelopedVerifiableCredential` (a secured credential inside a data: URL).
        case envelopedCredential
    }

    /// What this validator requires.
    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Validates a credential, an enveloped credential or a presentation, telling which by
    /// its `type` (or, without a known type, by its members).
    @discardableResult
    public func validate(document json: JSONObject) throws(IdentityError) -> DocumentKind {
        let types = json["type"].map { $0.asArray.compactMap(\.stringValue) } ?? []
        if types.contains("VerifiablePresentation")
            || (!types.contains("VerifiableCredential") && (json["verifiableCredential"] != nil || json["holder"] != nil))
        {
            try validate(presentation: VerifiablePresentation(json: json))
            return .presentation
        }
        if types.contains("EnvelopedVerifiableCredential") {
            try validateEnveloped(json, at: "enveloped credential")
            return .envelopedCredential
        }
        try validate(credential: VerifiableCredential(json: json))
        return .credential
    }

    /// Validates a credential (an enveloped one too).
    public func validate(credential: VerifiableCredential) throws(IdentityError) {
        try validateCredential(credential.json, at: "credential", mode: options.mode)
    }

    /// Validates a presentation and every credential embedded in it.
    public func validate(presentation: VerifiablePresentation) throws(IdentityError) {
        try validatePresentation(presentation.json, at: "presentation")
    }
}
