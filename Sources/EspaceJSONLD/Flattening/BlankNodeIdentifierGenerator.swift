/// Generate Blank Node Identifier (JSON-LD 1.1 API §7.4): issues `_:b0`, `_:b1`, … and
/// relabels existing blank node identifiers consistently through an identifier map.
public struct BlankNodeIdentifierGenerator: Sendable {
    /// Existing identifier → issued identifier.
    public private(set) var identifierMap: [String: String] = [:]
    /// The number of identifiers issued so far.
    public private(set) var counter: Int = 0
    /// The prefix of issued identifiers (`_:b`).
    public let prefix: String

    public init(prefix: String = "_:b") {
        self.prefix = prefix
    }

    /// Returns the identifier mapped to `identifier`, issuing a new one when `identifier`
    /// is nil or not yet mapped.
    public mutating func generate(_ identifier: String? = nil) -> String {
        if let identifier, let mapped = identifierMap[identifier] { return mapped }
        let issued = prefix + String(counter)
        counter += 1
        if let identifier { identifierMap[identifier] = issued }
        return issued
    }
}

extension String {
    /// Whether this string is a blank node identifier (starts with `_:`).
    @inlinable var isBlankNodeIdentifier: Bool {
        var it = utf8.makeIterator()
        return it.next() == UInt8(ascii: "_") && it.next() == UInt8(ascii: ":")
    }
}
