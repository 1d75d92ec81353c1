/// The ODRL 2.2 action hierarchy, extracted from the vocabulary (`ODRL22.ttl`, W3C POE,
/// commit e3a45ad): each action's `includedIn` parent, and each deprecated action's
/// `skos:exactMatch` replacement (treated as included in it).
enum ActionHierarchy {
    /// ODRL action term → the terms it is directly included in.
    static let parents: [String: [String]] = [
        "acceptTracking": ["use"],
        "aggregate": ["use"],
        "annotate": ["use"],
        "anonymize": ["use"],
        "append": ["modify"],
        "archive": ["use"],
        "attribute": ["use"],
        "compensate": ["use"],
        "concurrentUse": ["use"],
        "copy": ["reproduce"],
        "delete": ["use"],
        "derive": ["use"],
        "digitize": ["use"],
        "display": ["play"],
        "distribute": ["use"],
        "ensureExclusivity": ["use"],
        "execute": ["use"],
        "export": ["transform"],
        "extract": ["reproduce"],
        "give": ["transfer"],
        "grantUse": ["use"],
        "include": ["use"],
        "index": ["use"],
        "inform": ["use"],
        "install": ["use"],
        "license": ["grantUse"],
        "modify": ["use"],
        "move": ["use"],
        "nextPolicy": ["use"],
        "obtainConsent": ["use"],
        "pay": ["compensate"],
        "play": ["use"],
        "present": ["use"],
        "print": ["use"],
        "read": ["use"],
        "reproduce": ["use"],
        "reviewPolicy": ["use"],
        "sell": ["transfer"],
        "stream": ["use"],
        "synchronize": ["use"],
        "textToSpeech": ["use"],
        "transform": ["use"],
        "translate": ["use"],
        "uninstall": ["use"],
        "watermark": ["use"],
        "write": ["modify"],
        "writeTo": ["modify"],
    ]

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
