/// Where a policy is enforced, from the first look at an offer to the end of a transfer.
///
/// Each scope has its own facts: a catalogue request knows the participant's verified claims;
/// a negotiation also the purpose stated; a transfer the agreement; usage and monitoring also
/// the usage history and the clock. A constraint whose left operand is not known in a scope
/// is *deferred* to the scopes that know it (and shown as such in the report), never dropped.
public enum PolicyScope: String, Sendable, CaseIterable, Codable {
    /// Who may see an offer in a catalogue.
    case catalogue
    /// Who may obtain an agreement.
    case negotiation
    /// Who may start a transfer under an agreement.
    case transfer
    /// Every data access, against the usage history (counts, time windows).
    case usage
    /// Running transfers, re-checked and terminated on violation.
    case monitor
}
