import OrderedCollections

/// A JSON object: members in document order, looked up by key.
///
/// Keys are Swift strings, which compare by Unicode canonical equivalence: a precomposed
/// `"\u00c5"` and a decomposed `"A\u030a"` are the same key here (the parser reports them as
/// a duplicate), whereas string *values* compare by code points (see `JSONValue ==`).
public typealias JSONObject = OrderedDictionary<String, JSONValue>

/// A JSON value as parsed from text, keeping number lexemes exactly.
///
/// Equality follows JSON's data model rather than its text: object members compare
/// regardless of order and numbers compare by value (`1` equals `1.0`).
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

extension JSONValue {
    /// The string, when this value is a string.
    @inlinable public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The members, when this value is an object.
    @inlinable public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The elements, when this value is an array.
    @inlinable public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The boolean, when this value is `true` or `false`.
    @inlinable public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The number, when this value is a number.
    @inlinable public var numberValue: JSONNumber? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// True for `null`.
    @inlinable public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// True for strings.
    @inlinable public var isString: Bool { stringValue != nil }
    /// True for objects.
    @inlinable public var isObject: Bool { objectValue != nil }
    /// True for arrays.
    @inlinable public var isArray: Bool { arrayValue != nil }

    /// True for strings, numbers and booleans (JSON-LD's "scalar").
    @inlinable public var isScalar: Bool {
        switch self {
        case .string, .number, .bool: return true
        default: return false
        }
    }

    /// The member named `key`, when this value is an object that has it.
    @inlinable public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// This value as an array: itself when it is one, otherwise a one-element array.
    @inlinable public var asArray: [JSONValue] {
        if case .array(let a) = self { return a }
        return [self]
    }

    /// A short name of the value's JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSONValue: Equatable {
    /// Data-model equality: members in any order, numbers by value (see `JSONNumber ==`),
    /// strings by their code points (no Unicode normalization).
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return sameScalars(a, b)
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a {
                guard let other = b[key], other == value else { return false }
            }
            return true
        default: return false
        }
    }
}

/// Whether two strings have the same UTF-8 bytes (JSON compares code points, not the
/// canonical equivalence Swift's `==` uses), with a memcmp fast path for native strings.
@inlinable func sameScalars(_ a: String, _ b: String) -> Bool {
    let au = a.utf8
    let bu = b.utf8
    guard au.count == bu.count else { return false }
    if let result = au.withContiguousStorageIfAvailable({ pa in
        bu.withContiguousStorageIfAvailable { pb in
            pa.count == 0 || memcmpBytes(pa, pb)
        }
    }), let same = result {
        return same
    }
    return au.elementsEqual(bu)
}

@usableFromInline func memcmpBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let pa = a.baseAddress, let pb = b.baseAddress else { return a.count == b.count }
    var i = 0
    let n = a.count
    while i + 8 <= n {
        if UnsafeRawPointer(pa + i).loadUnaligned(as: UInt64.self)
            != UnsafeRawPointer(pb + i).loadUnaligned(as: UInt64.self)
        {
            return false
        }
        i += 8
    }
    while i < n {
        if pa[i] != pb[i] { return false }
        i += 1
    }
    return true
}

extension JSONValue: Hashable {
    /// Hashes consistently with `==` (object members in any order).
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b):
            hasher.combine(1)
            hasher.combine(b)
        case .number(let n):
            hasher.combine(2)
            hasher.combine(n)
        case .string(let s):
            hasher.combine(3)
            hasher.combine(s)
        case .array(let a):
            hasher.combine(4)
            hasher.combine(a)
        case .object(let o):
            // Order-independent: members may come in any order.
            hasher.combine(5)
            var sum = 0
            for (key, value) in o {
                var member = Hasher()
                member.combine(key)
                member.combine(value)
                sum = sum &+ member.finalize()
            }
            hasher.combine(o.count)
            hasher.combine(sum)
        }
    }
}

/// Literals build values: `["a": [1, 2.5, "x", true, nil]]`. Integer and float literals
/// become numbers with the lexeme `JSONNumber.init` gives them.
extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(floatLiteral value: Double) { self = .number(JSONNumber(value)) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var object = JSONObject(minimumCapacity: elements.count)
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
}
