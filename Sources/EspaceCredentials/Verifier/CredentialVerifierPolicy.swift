import EspaceIdentity
import Foundation

extension CredentialVerifier {
    /// Gaia-X issuer trust through X.509: the issuer's verification method must publish a
    /// JWK carrying `x5c` or `x5u`, whose chain reaches one of `anchors` and whose leaf key is
    /// that JWK.
    public struct X509IssuerTrust: Sendable {
        /// The certificates a chain must reach.
        public var anchors: TrustAnchors
        /// A certificate policy OID the leaf must carry (`evPolicyOID` for EV, as Gaia-X
        /// production registries require); nil requires none.
        public var requiredPolicyOID: String?
        /// Fetches `x5u` chains; nil refuses JWKs that carry only `x5u`.
        public var http: (any HTTPClient)?
        /// Accept `x5u` URLs over plain http (development only).
        public var allowInsecureHTTP: Bool

        /// The EV SSL certificate policy OID (2.23.140.1.1).
        public static let evPolicyOID = CertificatePolicies.extendedValidation.description

        public init(
            anchors: TrustAnchors, requiredPolicyOID: String? = nil, http: (any HTTPClient)? = nil,
            allowInsecureHTTP: Bool = false
        ) {
            self.anchors = anchors
            self.requiredPolicyOID = requiredPolicyOID
            self.http = http
            self.allowInsecureHTTP = allowInsecureHTTP
        }
    }

    /// What a verifier trusts and expects. Nothing is trusted by default: an issuer must be
    /// listed, certified through `x509`, or `trustAnyIssuer` must be set.
    public struct Policy: Sendable {
        /// The verifier's time (injected; no clock is read).
        public var now: Date
        /// Finds the keys of issuers and holders.
        public var resolver: any VerificationMethodResolver
        /// Issuers (DIDs or URLs) trusted for credentials of any type.
        public var trustedIssuers: Set<String> = []
        /// Issuers trusted for credentials of one type only (the key is a `type` value).
        public var trustedIssuersByType: [String: Set<String>] = [:]
        /// Trust every issuer whose signature verifies (tests, development); off by default.
        public var trustAnyIssuer = false
        /// X.509 issuer trust (Gaia-X); nil skips the certificate chain check.
        public var x509: X509IssuerTrust?
        /// Checks `credentialStatus` entries; nil skips the status check.
        public var statusChecker: StatusListChecker?
        /// The audience a presentation must name: its `aud` claim (JOSE) or proof `domain`
        /// (embedded proofs).
        public var audience: String?
        /// The challenge a presentation must echo: its `nonce` claim (JOSE) or proof
        /// `challenge` (embedded proofs).
        public var nonce: String?
        /// Remembers presentation nonces (or `jti`), so each presentation is accepted once.
        public var replayGuard: ReplayGuard?
        /// How long a nonce is remembered when the presentation states no expiry, in seconds.
        public var replayWindow: TimeInterval = 600
        /// Require every credential subject of a presented credential to be its presenter.
        public var requireHolderBinding = false
        /// Require each embedded proof's verification method to belong to the credential's
        /// issuer (or presentation's holder). On by default; a credential whose issuer is not
        /// a DID (as in the VC DI EdDSA test vectors) needs it off. (JOSE forms always require
        /// the `kid` to be a key of the issuer or holder.)
        public var bindKeyToIssuer = true
        /// Data model strictness (JSON-LD checks, evidence types…); `now` and `mode` are
        /// set by the verifier.
        public var validatorOptions = CredentialValidator.Options()
        /// Tolerated clock difference, in seconds.
        public var leeway: TimeInterval = 60
        /// Checks embedded proofs (its canonicalization's document loader is used for
        /// JSON-LD proofs).
        public var proofVerifier = EmbeddedProofVerifier()
        /// Largest input accepted, in bytes.
        public var maxInputBytes = 4 << 20
        /// Deepest nesting of presentations and credentials followed.
        public var maxNesting = 2

        /// A policy at `now` resolving keys with `resolver`, trusting `trustedIssuers`.
        public init(now: Date, resolver: any VerificationMethodResolver, trustedIssuers: Set<String> = []) {
            self.now = now
            self.resolver = resolver
            self.trustedIssuers = trustedIssuers
        }
    }
}
