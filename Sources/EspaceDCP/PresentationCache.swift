/// Verified presentations, kept so a verifier does not query a participant's credential
/// service on every request. Keyed by participant and requested scopes; an entry lasts
/// until the earliest of its time-to-live and its credentials' validity. Bounded: when
/// full, expired entries go first, then the entry expiring soonest.
public actor PresentationCache {
    struct Key: Hashable {
        var participant: String
        var scopes: [String]
    }

    public let capacity: Int
    public let ttl: Double
    private var entries: [Key: VerifiedParticipant] = [:]

    public init(capacity: Int = 10_000, ttl: Double = 300) {
        self.capacity = max(1, capacity)
        self.ttl = ttl
    }

    static func key(_ participant: String, _ scopes: [DCPScope]) -> Key {
        Key(participant: participant, scopes: scopes.map(\.description).sorted())
    }

    /// The cached result for `participant` and `scopes`, if still valid at `now`.
    public func lookup(participant: String, scopes: [DCPScope], now: Double) -> VerifiedParticipant? {
        let key = Self.key(participant, scopes)
        guard let entry = entries[key] else { return nil }
        guard entry.expires > now else {
            entries[key] = nil
            return nil
        }
        return entry
    }

    /// Caches `result` (whose `expires` is lowered to `now + ttl` if later).
    public func store(_ result: VerifiedParticipant, scopes: [DCPScope], now: Double) {
        var result = result
        result.expires = min(result.expires, now + ttl)
        guard result.expires > now else { return }
        if entries.count >= capacity {
            entries = entries.filter { $0.value.expires > now }
            if entries.count >= capacity, let soonest = entries.min(by: { $0.value.expires < $1.value.expires }) {
                entries[soonest.key] = nil
            }
        }
        entries[Self.key(result.participant, scopes)] = result
    }

    /// Forgets everything cached for `participant` (for instance after a revocation).
    public func invalidate(participant: String) {
        entries = entries.filter { $0.key.participant != participant }
    }

    public var count: Int { entries.count }
}
