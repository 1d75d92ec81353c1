/// A DID or DID URL split into its parts (DID Core 1.0 §3.1–3.2):
/// `did:method:method-specific-id[/path][?query][#fragment]`.
public struct DIDURL: Sendable, Hashable, CustomStringConvertible {
    /// The method name (`key`, `jwk`, `web`, …): lowercase letters and digits.
    public var method: String
    /// The method-specific identifier, as written (percent-encoding kept).
    public var methodSpecificID: String
    /// The path, with its leading `/`, or empty.
    public var path: String
    /// The query without its `?`, if present.
    public var query: String?
    /// The fragment without its `#`, if present.
    public var fragment: String?

    /// Longest accepted DID URL, in bytes (did:jwk identifiers of RSA keys are long).
    public static let maxLength = 16_384

    /// The DID alone: `did:method:method-specific-id`.
    public var did: String { "did:\(method):\(methodSpecificID)" }

    /// Whether this is a plain DID (no path, query or fragment).
    public var isDID: Bool { path.isEmpty && query == nil && fragment == nil }

    public var description: String {
        var text = did + path
        if let query { text += "?" + query }
        if let fragment { text += "#" + fragment }
        return text
    }

    /// Parses `text`; throws `.malformed` saying which part breaks the DID syntax.
    public init(_ text: String) throws(IdentityError) {
        let bytes = Array(text.utf8)
        guard bytes.count <= Self.maxLength else {
            throw IdentityError("DID URL longer than \(Self.maxLength) bytes", reason: .limitExceeded)
        }
        guard text.hasPrefix("did:") else {
            throw IdentityError("\"\(Self.excerpt(text))\" is not a DID (no \"did:\" prefix)")
        }
        var i = 4
        let methodStart = i
        while i < bytes.count, Self.isMethodChar(bytes[i]) { i += 1 }
        guard i > methodStart, i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
            throw IdentityError(
                "\"\(Self.excerpt(text))\" has no valid method name (lowercase letters and digits, then \":\")")
        }
        method = String(decoding: bytes[methodStart..<i], as: UTF8.self)
        i += 1
        let idStart = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "/"), bytes[i] != UInt8(ascii: "?"),
            bytes[i] != UInt8(ascii: "#")
        {
            i += 1
        }
        let id = bytes[idStart..<i]
        guard !id.isEmpty, id.last != UInt8(ascii: ":") else {
            throw IdentityError(
                "\"\(Self.excerpt(text))\" has an empty method-specific identifier or one ending in \":\"")
        }
        try Self.check(
            id, allowed: { Self.isIDChar($0) || $0 == UInt8(ascii: ":") }, part: "method-specific identifier", in: text)
        methodSpecificID = String(decoding: id, as: UTF8.self)
        let pathStart = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "?"), bytes[i] != UInt8(ascii: "#") { i += 1 }
        let pathBytes = bytes[pathStart..<i]
        try Self.check(pathBytes, allowed: { Self.isPChar($0) || $0 == UInt8(ascii: "/") }, part: "path", in: text)
        path = String(decoding: pathBytes, as: UTF8.self)
        query = nil
        fragment = nil
        if i < bytes.count, bytes[i] == UInt8(ascii: "?") {
            let start = i + 1
            i = start
            while i < bytes.count, bytes[i] != UInt8(ascii: "#") { i += 1 }
            try Self.check(bytes[start..<i], allowed: Self.isQueryChar, part: "query", in: text)
            query = String(decoding: bytes[start..<i], as: UTF8.self)
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "#") {
            let rest = bytes[(i + 1)...]
            try Self.check(rest, allowed: Self.isQueryChar, part: "fragment", in: text)
            fragment = String(decoding: rest, as: UTF8.self)
        }
    }

    /// Whether `text` is a plain DID (no path, query or fragment).
    public static func isDID(_ text: String) -> Bool {
        (try? DIDURL(text))?.isDID ?? false
    }

    static func excerpt(_ text: String) -> String {
        text.utf8.count <= 80 ? text : String(text.prefix(77)) + "…"
    }

    static func check(
        _ part: ArraySlice<UInt8>, allowed: (UInt8) -> Bool, part name: String, in text: String
    ) throws(IdentityError) {
        var i = part.startIndex
        while i < part.endIndex {
            let c = part[i]
            if c == UInt8(ascii: "%") {
                guard i + 2 < part.endIndex, isHex(part[i + 1]), isHex(part[i + 2]) else {
                    throw IdentityError("bad percent-encoding in the \(name) of \"\(excerpt(text))\"")
                }
                i += 3
                continue
            }
            guard allowed(c) else {
                throw IdentityError(
                    "character \"\(String(decoding: [c], as: UTF8.self))\" is not allowed in the \(name) of \"\(excerpt(text))\""
                )
            }
            i += 1
        }
    }

    static func isHex(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    }
    static func isMethodChar(_ c: UInt8) -> Bool { (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) }
    static func isAlnum(_ c: UInt8) -> Bool { isMethodChar(c) || (c >= 0x41 && c <= 0x5A) }
    /// `idchar` without `pct-encoded` (handled by `check`).
    static func isIDChar(_ c: UInt8) -> Bool {
        isAlnum(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "-") || c == UInt8(ascii: "_")
    }
    /// RFC 3986 `pchar` without `pct-encoded`.
    static func isPChar(_ c: UInt8) -> Bool {
        isIDChar(c) || c == UInt8(ascii: "~") || c == UInt8(ascii: ":") || c == UInt8(ascii: "@")
            || Array("!$&'()*+,;=".utf8).contains(c)
    }
    static func isQueryChar(_ c: UInt8) -> Bool { isPChar(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: "?") }
}
