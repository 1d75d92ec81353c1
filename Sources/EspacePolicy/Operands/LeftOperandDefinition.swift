/// What a left operand means at run time: where its value comes from, and in which scopes
/// that value is known.
public struct LeftOperandDefinition: Sendable, Equatable {
    /// Where the value of a left operand comes from.
    public enum Source: Sendable, Equatable {
        /// Stated by the requester (the purpose of a negotiation, say): the request's context.
        case request
        /// A fact configured in the state of the world (`StateOfTheWorld.values`).
        case state
        /// The clock of the enforcement point (`odrl:dateTime`).
        case currentTime
        /// Uses so far of the rule's action under the agreement (`odrl:count`).
        case usageCount
        /// Time since the first use (`odrl:elapsedTime`).
        case elapsedTime
        /// Sum of the durations of the uses (`odrl:meteredTime`).
        case meteredTime
        /// Time since the last use, or since the agreement before any (`odrl:timeInterval`).
        case timeInterval
        /// Time since the agreement was concluded (`odrl:delayPeriod`).
        case delayPeriod
        /// The verified participant's DID.
        case participant
        /// A claim of a verified credential: the first credential having one of `credentialTypes`
        /// that has a value at one of `paths` (property names from `credentialSubject`).
        case claim(credentialTypes: [String], paths: [[String]])
    }

    /// The left operand's IRI.
    public var iri: String
    public var source: Source
    /// The datatype of claim and request values (`xsd:…` IRI, or `@id` for IRIs); nil keeps
    /// JSON's own types (strings, numbers as decimals, booleans).
    public var datatype: String?
    /// The scopes in which the value is known; elsewhere constraints on it are deferred.
    public var scopes: Set<PolicyScope>
    /// The unit the values are in (a currency for `payAmount`, say); constraints with another
    /// `unit` fail closed.
    public var unit: String?
    /// What the operand means, for `espace policy explain` and error messages.
    public var comment: String?

    public init(
        iri: String, source: Source, datatype: String? = nil, scopes: Set<PolicyScope> = Set(PolicyScope.allCases),
        unit: String? = nil, comment: String? = nil
    ) {
        self.unit = unit
        self.iri = iri
        self.source = source
        self.datatype = datatype
        self.scopes = scopes
        self.comment = comment
    }
}
