import EspaceJSON

/// One check the compliance service made, by name, with the place in the presentation it
/// concerns (`verifiableCredential[1]`, `verifiableCredential[0].credentialSubject.gx:registrationNumber`).
public struct ComplianceCheck: Sendable, Equatable {
    /// The checks, in the order they are made.
    public enum Name: String, Sendable, CaseIterable {
        /// The body is a `vp+jwt` whose credentials decode.
        case format
        /// The presentation's signature, by its holder.
        case presentationSignature = "presentation-signature"
        /// Each credential's signature, by its issuer's DID key.
        case credentialSignature = "credential-signature"
        /// The signer's key is certified by a chain to a registry trust anchor (JWK = leaf key).
        case certificateChain = "certificate-chain"
        /// Validity periods contain the time of the check.
        case validity
        /// No status list revokes or suspends a credential.
        case revocation
        /// Each credential follows the VC data model.
        case dataModel = "data-model"
        /// Each credential conforms to the registry's shapes (SHACL).
        case shapes
        /// The presentation holds a `gx:LegalPerson` issued by the participant.
        case legalPerson = "legal-person"
        /// The presentation holds a registration-number credential…
        case registrationNumber = "registration-number"
        /// …issued by a notary the registry trusts.
        case trustedNotary = "trusted-notary"
        /// A `gx:Issuer` credential by the participant accepts the registry's terms and conditions.
        case termsAndConditions = "terms-and-conditions"
        /// The credentials agree with each other (the legal person's registration number is the
        /// notary's subject; a service offering is provided by the participant).
        case consistency
        /// A label level's criteria are confirmed by the participant's declaration.
        case criteria
    }

    public var name: Name
    public var passed: Bool
    /// The JSON path in the presentation the check concerns ("" for the whole presentation).
    public var path: String
    public var message: String

    public init(_ name: Name, passed: Bool, path: String = "", _ message: String) {
        self.name = name
        self.passed = passed
        self.path = path
        self.message = message
    }

    public var json: JSONValue {
        ["check": .string(name.rawValue), "passed": .bool(passed), "path": .string(path), "message": .string(message)]
    }
}

/// The refusal of a compliance request: every failed check (the answer's body).
public struct ComplianceRefusal: Error, Sendable {
    /// 400 for an unreadable request, 409 when checks failed, 501 for a level not offered.
    public var status: Int
    public var failures: [ComplianceCheck]

    public init(status: Int, failures: [ComplianceCheck]) {
        self.status = status
        self.failures = failures
    }

    /// `{"statusCode", "error", "conforms": false, "results": [{check, passed, path, message}]}`.
    public var json: JSONValue {
        [
            "statusCode": .number(JSONNumber(status)),
            "error": .string(status == 409 ? "Conflict" : status == 501 ? "Not Implemented" : "Bad Request"),
            "conforms": false, "results": .array(failures.map(\.json)),
        ]
    }
}
