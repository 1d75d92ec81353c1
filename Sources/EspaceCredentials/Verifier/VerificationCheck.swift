import EspaceIdentity

/// One check a `CredentialVerifier` made, and how it ended.
public struct VerificationCheck: Sendable, Equatable {
    /// The checks a verifier makes, in the order it makes them.
    public enum Name: String, Sendable, CaseIterable {
        /// The input decodes as one of the accepted forms.
        case format
        /// The signature (JOSE) or every embedded proof verifies with a key of the issuer or
        /// holder, authorised for the purpose.
        case signature
        /// The credential or presentation follows the VC data model.
        case dataModel
        /// The validity period (and JWT time claims) contain the verifier's time.
        case validityPeriod
        /// The issuer's key is certified by a chain that reaches a trust anchor (Gaia-X).
        case certificateChain
        /// The issuer is one the policy trusts.
        case issuerTrust
        /// No status list marks the credential revoked or suspended.
        case status
        /// The presentation's audience and challenge are the expected ones, and not replayed.
        case audience
        /// Every credential in the presentation is about its presenter.
        case holderBinding
    }

    /// How a check ended.
    public enum Outcome: Sendable, Equatable {
        /// The check held.
        case passed
        /// The check failed, with the reason and a message saying why.
        case failed(IdentityError)
        /// The check was not made, with a sentence saying why.
        case skipped(String)
    }

    /// Which check this is.
    public var name: Name
    /// How it ended.
    public var outcome: Outcome
    /// What was checked (keys, dates, lists); empty when there is nothing to add.
    public var detail: String

    public init(_ name: Name, _ outcome: Outcome, detail: String = "") {
        self.name = name
        self.outcome = outcome
        self.detail = detail
    }

    /// Whether the check failed.
    public var isFailure: Bool { error != nil }

    /// The failure, if the check failed.
    public var error: IdentityError? {
        if case .failed(let error) = outcome { return error }
        return nil
    }
}
