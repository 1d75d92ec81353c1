/// Why a JSON text was rejected, and where.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        case unexpectedEnd(expected: String)
        case unexpectedCharacter(found: String, expected: String)
        case invalidNumber(String)
        case invalidEscape(String)
        case invalidUTF8
        case unpairedSurrogate
        case controlCharacterInString
        case duplicateKey(String)
        case trailingContent
        case tooLarge(limit: Int)
        case tooDeep(limit: Int)
        case stringTooLong(limit: Int)
        case numberTooLong(limit: Int)
    }

    /// What went wrong.
    public let reason: Reason
    /// 1-based line of the offending byte.
    public let line: Int
    /// 1-based column (in bytes) of the offending byte.
    public let column: Int
    /// 0-based byte offset of the offending byte.
    public let offset: Int

    /// `line L, column C: what went wrong`.
    public var description: String {
        let what: String
        switch reason {
        case .unexpectedEnd(let expected): what = "unexpected end of input, expected \(expected)"
        case .unexpectedCharacter(let found, let expected): what = "unexpected \(found), expected \(expected)"
        case .invalidNumber(let detail): what = "invalid number: \(detail)"
        case .invalidEscape(let detail): what = "invalid escape sequence: \(detail)"
        case .invalidUTF8: what = "invalid UTF-8 byte sequence"
        case .unpairedSurrogate: what = "\\u escape is an unpaired UTF-16 surrogate"
        case .controlCharacterInString: what = "unescaped control character in string"
        case .duplicateKey(let key): what = "duplicate object key \"\(key)\""
        case .trailingContent: what = "unexpected content after the JSON value"
        case .tooLarge(let limit): what = "input is larger than the limit of \(limit) bytes"
        case .tooDeep(let limit): what = "nesting is deeper than the limit of \(limit)"
        case .stringTooLong(let limit): what = "string is longer than the limit of \(limit) bytes"
        case .numberTooLong(let limit): what = "number is longer than the limit of \(limit) characters"
        }
        return "line \(line), column \(column): \(what)"
    }
}

/// Bounds that keep hostile input from exhausting memory or the stack.
public struct JSONLimits: Sendable, Equatable {
    /// Largest accepted input, in bytes.
    public var maxBytes: Int
    /// Deepest accepted nesting of arrays and objects. The parser itself is iterative, but
    /// what consumes a value (equality, hashing, serialization, releasing it) recurses once
    /// per level, so keep this well below what a thread's stack allows (thousands, not millions).
    public var maxDepth: Int
    /// Longest accepted string, in UTF-8 bytes after unescaping.
    public var maxStringLength: Int
    /// Longest accepted number token.
    public var maxNumberLength: Int
    /// Whether an object may repeat a key (the last one then wins). Off by default:
    /// credentials must not carry two readings of one member.
    public var allowDuplicateKeys: Bool

    /// Limits with the given bounds; unspecified ones take the defaults.
    public init(
        maxBytes: Int = 64 << 20, maxDepth: Int = 256, maxStringLength: Int = 16 << 20,
        maxNumberLength: Int = 512, allowDuplicateKeys: Bool = false
    ) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxStringLength = maxStringLength
        self.maxNumberLength = maxNumberLength
        self.allowDuplicateKeys = allowDuplicateKeys
    }

    /// The defaults: 64 MiB, depth 256, 16 MiB strings, 512-character numbers, unique keys.
    public static let `default` = JSONLimits()
}
