/// What an enforcement point knows when it asks for a decision in one scope.
public struct EnforcementContext: Sendable, Equatable {
    public var scope: PolicyScope
    /// The action asked for (`odrl:use` to see or obtain an offer, `odrl:read` for an access…).
    public var action: String
    /// The asset (dataset) concerned.
    public var target: String?
    /// The verified participant asking, if any (nil: anonymous, so every claim is missing).
    public var participant: ParticipantClaims?
    /// The enforcement point's clock, seconds since 1970-01-01T00:00:00Z.
    public var now: Double
    /// Values the requester states, by left-operand IRI (the purpose of a negotiation, say).
    public var stated: [String: [PolicyValue]]
    /// The uses made so far under the agreement (usage and monitor scopes).
    public var usage: UsageHistory?
    /// The data space's configured facts: taxonomies for `isA`, collections, static values.
    public var facts: StateOfTheWorld

    public init(
        scope: PolicyScope, action: String, target: String? = nil, participant: ParticipantClaims? = nil, now: Double,
        stated: [String: [PolicyValue]] = [:], usage: UsageHistory? = nil, facts: StateOfTheWorld = StateOfTheWorld()
    ) {
        self.scope = scope
        self.action = action
        self.target = target
        self.participant = participant
        self.now = now
        self.stated = stated
        self.usage = usage
        self.facts = facts
    }
}
