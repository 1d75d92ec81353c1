/// The ODRL 2.2 action hierarchy, extracted from the vocabulary (`ODRL22.ttl`, W3C POE,
/// commit e3a45ad): each action's `includedIn` parent, and each deprecated action's
/// `skos:exactMatch` replacement (treated as included in it).
enum ActionHierarchy {
    /// Deprecated ODRL 2.2 actions and the action each is a `skos:exactMatch` of (or, for
    /// `pay`, `license`, `append`, `export`, `copy`, the one the vocabulary puts them under).
    static let deprecatedReplacements: [String: String] = [
        "append": "modify", "copy": "reproduce", "export": "transform", "license": "grantUse", "pay": "compensate",
        "write": "modify", "writeTo": "modify",
    ]

    /// ODRL action term → the terms it is directly included in: the vocabulary's
    /// `includedIn` (generated table, `ODRLVocabulary.includedIn`) plus the deprecated actions.
    static let parents: [String: [String]] = ODRLVocabulary.includedIn.mapValues { [$0] }
        .merging(deprecatedReplacements.mapValues { [$0] }) { current, extra in current + extra }

    /// Whether `action` is `ancestor` or included in it, transitively, over the ODRL table
    /// and `additions` (full IRIs, child → parents). Bounded by a visited set.
    static func isIncluded(_ action: String, in ancestor: String, additions: [String: Set<String>]) -> Bool {
        var queue = [action]
        var seen: Set<String> = []
        while let next = queue.popLast() {
            if next == ancestor { return true }
            guard seen.insert(next).inserted, seen.count <= 10_000 else { continue }
            if let term = ODRL.term(next), let up = parents[term] { queue += up.map(ODRL.iri) }
            if let up = additions[next] { queue += up }
        }
        return false
    }
}
