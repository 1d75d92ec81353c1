import EspaceJSON

/// What a verifier established about a participant: its DID and the credentials it presented,
/// each verified (signature, issuer trust, validity, status) before it gets here. The policy
/// engine reads data space left operands from them (membership, Gaia-X label, country).
public struct ParticipantClaims: Sendable, Equatable {
    /// One verified credential, reduced to what policies read.
    public struct Credential: Sendable, Equatable {
        /// The credential's types (as written: `MembershipCredential`, `gx:LabelCredential`).
        public var types: [String]
        public var issuer: String
        /// Its credential subjects, as issued (compact JSON-LD).
        public var subjects: [JSONObject]

        public init(types: [String], issuer: String, subjects: [JSONObject]) {
            self.types = types
            self.issuer = issuer
            self.subjects = subjects
        }
    }

    /// The participant's DID.
    public var participant: String
    public var credentials: [Credential]

    public init(participant: String, credentials: [Credential] = []) {
        self.participant = participant
        self.credentials = credentials
    }

    /// The values at `path` in the subjects of credentials having one of `types` (arrays
    /// are flattened; a node `{"id": …}` stands for its id).
    public func values(types: [String], path: [String]) -> [JSONValue] {
        var found: [JSONValue] = []
        for credential in credentials where credential.types.contains(where: types.contains) {
            for subject in credential.subjects {
                var current: [JSONValue] = [.object(subject)]
                for key in path {
                    current = current.flatMap { value -> [JSONValue] in
                        guard let next = value.objectValue?[key] else { return [] }
                        return next.arrayValue ?? [next]
                    }
                }
                found += current
            }
        }
        return found
    }
}
