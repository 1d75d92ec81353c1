/// The value of an RDF literal of one of the XSD datatypes that have an order: numbers
/// (exact decimals and integers, doubles and floats), strings, booleans, dates and
/// date-times. Used for value comparisons (`<`, `<=`, SHACL `sh:minInclusive` …).
public enum XSDValue: Sendable, Hashable {
    /// `xsd:decimal`, `xsd:integer` and the types derived from them, exactly.
    case decimal(XSDDecimal)
    /// `xsd:double` and `xsd:float`.
    case double(Double)
    /// `xsd:string` (and simple literals).
    case string(String)
    case boolean(Bool)
    /// `xsd:dateTime` / `xsd:dateTimeStamp`: seconds since 1970-01-01T00:00:00Z, and whether
    /// the lexical form had a time zone (a zoneless value is read as UTC).
    case dateTime(seconds: XSDDecimal, zoned: Bool)
    /// `xsd:date`: the first instant of the day, as for `dateTime`.
    case date(seconds: XSDDecimal, zoned: Bool)

    /// The result of comparing two values.
    public enum Order: Sendable, Equatable {
        case less, equal, greater
    }

    /// The value of `literal`, or nil when its datatype has no ordered value here or its
    /// lexical form is not valid for the datatype.
    public init?(_ literal: Literal) {
        let text = literal.lexicalForm
        let datatype = literal.datatype
        guard datatype.hasPrefix(Vocabulary.xsd) else { return nil }
        let local = datatype.dropFirst(Vocabulary.xsd.count)
        switch local {
        case "string":
            self = .string(text)
        case "boolean":
            switch text {
            case "true", "1": self = .boolean(true)
            case "false", "0": self = .boolean(false)
            default: return nil
            }
        case "decimal":
            guard let value = XSDDecimal(lexical: text) else { return nil }
            self = .decimal(value)
        case "double", "float":
            guard let value = XSDNumberLexical.double(text) else { return nil }
            self = .double(value)
        case "dateTime", "dateTimeStamp":
            guard let instant = XSDTemporal.dateTime(text, requireTimezone: local == "dateTimeStamp") else { return nil }
            self = .dateTime(seconds: Self.exact(instant), zoned: instant.hasTimezone)
        case "date":
            guard let instant = XSDTemporal.date(text) else { return nil }
            self = .date(seconds: Self.exact(instant), zoned: instant.hasTimezone)
        default:
            guard let range = XSDNumberLexical.integerRanges[String(local)],
                let value = XSDDecimal(lexical: text, integerOnly: true), range.contains(value)
            else { return nil }
            self = .decimal(value)
        }
    }

    /// Compares two values; nil when they are not comparable (different kinds, NaN, or
    /// date-times whose order depends on an unknown time zone).
    public func compare(_ other: XSDValue) -> Order? {
        switch (self, other) {
        case (.decimal(let a), .decimal(let b)): return Self.order(a, b)
        case (.double(let a), .double(let b)): return Self.order(a, b)
        case (.decimal(let a), .double(let b)): return Self.order(a.doubleValue, b)
        case (.double(let a), .decimal(let b)): return Self.order(a, b.doubleValue)
        case (.string(let a), .string(let b)):
            if a == b { return .equal }
            return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? .less : .greater
        case (.boolean(let a), .boolean(let b)): return a == b ? .equal : (!a ? .less : .greater)
        case (.dateTime(let a, let za), .dateTime(let b, let zb)), (.date(let a, let za), .date(let b, let zb)):
            return Self.instantOrder(a, za, b, zb)
        default: return nil
        }
    }

    /// Whether `literal`'s lexical form is valid for its datatype, for the XSD datatypes
    /// known here and `rdf:langString` (which needs a language tag). Literals of other
    /// datatypes count as well-formed.
    public static func isWellFormed(_ literal: Literal) -> Bool {
        if literal.datatype == Vocabulary.rdfLangString { return literal.language != nil }
        guard literal.datatype.hasPrefix(Vocabulary.xsd) else { return true }
        let local = String(literal.datatype.dropFirst(Vocabulary.xsd.count))
        if XSDNumberLexical.integerRanges[local] != nil || XSDNumberLexical.ordered.contains(local) {
            return XSDValue(literal) != nil
        }
        return true
    }

    /// The instant's seconds since the epoch, exactly.
    private static func exact(_ instant: XSDTemporal.Instant) -> XSDDecimal {
        XSDDecimal(instant.seconds)
            + XSDDecimal(negative: false, integer: [], fraction: instant.fractionDigits.utf8.map { $0 - 48 })
    }

    private static func order<T: Comparable>(_ a: T, _ b: T) -> Order? {
        if a < b { return .less }
        if b < a { return .greater }
        if a == b { return .equal }
        return nil
    }

    private static func instantOrder(_ a: XSDDecimal, _ za: Bool, _ b: XSDDecimal, _ zb: Bool) -> Order? {
        if za == zb { return order(a, b) }
        // One side has no zone: it may lie anywhere within ±14 hours of its UTC reading.
        let window = XSDDecimal(14 * 3_600)
        let negWindow = XSDDecimal(-14 * 3_600)
        let (low, high) = za ? (b + negWindow, b + window) : (a + negWindow, a + window)
        let fixed = za ? a : b
        if za {
            if fixed < low { return .less }
            if high < fixed { return .greater }
        } else {
            if high < fixed { return .less }
            if fixed < low { return .greater }
        }
        return nil
    }
}

/// Lexical rules of the XSD numeric types.
enum XSDNumberLexical {
    /// The XSD datatypes whose values `XSDValue` reads (besides the integer types).
    static let ordered: Set<String> = [
        "string", "boolean", "decimal", "double", "float", "dateTime", "dateTimeStamp", "date",
    ]

    /// The value range of `xsd:integer` and each type derived from it.
    static let integerRanges: [String: XSDIntegerRange] = [
        "integer": XSDIntegerRange(nil, nil),
        "nonNegativeInteger": XSDIntegerRange("0", nil),
        "positiveInteger": XSDIntegerRange("1", nil),
        "nonPositiveInteger": XSDIntegerRange(nil, "0"),
        "negativeInteger": XSDIntegerRange(nil, "-1"),
        "long": XSDIntegerRange("-9223372036854775808", "9223372036854775807"),
        "int": XSDIntegerRange("-2147483648", "2147483647"),
        "short": XSDIntegerRange("-32768", "32767"),
        "byte": XSDIntegerRange("-128", "127"),
        "unsignedLong": XSDIntegerRange("0", "18446744073709551615"),
        "unsignedInt": XSDIntegerRange("0", "4294967295"),
        "unsignedShort": XSDIntegerRange("0", "65535"),
        "unsignedByte": XSDIntegerRange("0", "255"),
    ]

    /// `xsd:double`/`xsd:float`: `[+-]?(digits(.digits?)?|.digits)([eE][+-]?digits)?`, `INF`, `-INF`, `+INF`, `NaN`.
    static func double(_ text: String) -> Double? {
        switch text {
        case "INF", "+INF": return .infinity
        case "-INF": return -.infinity
        case "NaN": return .nan
        default: break
        }
        var mantissaDigits = 0
        var state = 0  // 0 sign/mantissa, 1 after point, 2 exponent sign, 3 exponent digits
        var exponentDigits = 0
        for (i, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard (state == 0 && i == 0) || state == 2 else { return nil }
                if state == 2 { state = 3 }
            case UInt8(ascii: "."):
                guard state == 0 else { return nil }
                state = 1
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard state <= 1, mantissaDigits > 0 else { return nil }
                state = 2
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if state >= 2 {
                    state = 3
                    exponentDigits += 1
                } else {
                    mantissaDigits += 1
                }
            default: return nil
            }
        }
        guard mantissaDigits > 0, state < 2 || exponentDigits > 0 else { return nil }
        return Double(text)
    }
}

/// An inclusive range of integers, either end open.
struct XSDIntegerRange: Sendable {
    let low: XSDDecimal?
    let high: XSDDecimal?

    init(_ low: String?, _ high: String?) {
        self.low = low.flatMap { XSDDecimal(lexical: $0) }
        self.high = high.flatMap { XSDDecimal(lexical: $0) }
    }

    func contains(_ value: XSDDecimal) -> Bool {
        if let low, value < low { return false }
        if let high, high < value { return false }
        return true
    }
}
