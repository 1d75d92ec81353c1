/// JSON-LD keywords and keyword-like strings.
public enum Keyword {
    /// Every JSON-LD 1.1 keyword.
    public static let all: Set<String> = [
        "@base", "@container", "@context", "@direction", "@graph", "@id", "@import", "@included",
        "@index", "@json", "@language", "@list", "@nest", "@none", "@prefix", "@propagate",
        "@protected", "@reverse", "@set", "@type", "@value", "@version", "@vocab",
    ]

    /// Whether `s` is a JSON-LD keyword.
    @inlinable public static func isKeyword(_ s: String) -> Bool {
        s.utf8.first == UInt8(ascii: "@") && all.contains(s)
    }

    /// Whether `s` has the form of a keyword (`@` followed by one or more ALPHA), which
    /// processors must ignore with a warning when it is not a keyword.
    public static func hasKeywordForm(_ s: String) -> Bool {
        var iterator = s.utf8.makeIterator()
        guard iterator.next() == UInt8(ascii: "@") else { return false }
        var count = 0
        while let b = iterator.next() {
            guard (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) else { return false }
            count += 1
        }
        return count > 0
    }
}
