import Foundation

/// A policy value interpreted by its XSD datatype, ready for comparison.
///
/// Instants are exact: seconds since 1970-01-01T00:00:00Z as a `Decimal` (so fractional
/// seconds compare exactly). A dateTime or date without a time zone keeps `hasZone ==
/// false`; it is compared with a zoned value only when the order holds for every zone in
/// −14:00…+14:00 (the XSD 1.1 partial order), otherwise the pair is incomparable.
/// An `xsd:date` stands for its first instant (00:00:00 in its zone).
enum TypedValue: Sendable, Equatable {
    case decimal(ExactNumber)
    case double(Double)
    case instant(ExactNumber, hasZone: Bool)
    /// Months and seconds of an `xsd:duration` (both carry the sign).
    case duration(months: Int, seconds: Decimal)
    case boolean(Bool)
    case string(String, language: String?)
    case iri(String)

    static let xsd = "http://www.w3.org/2001/XMLSchema#"
    static let exactNumbers: Set<String> = [
        "decimal", "integer", "long", "int", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
    ]
    static let strings: Set<String> = ["string", "normalizedString", "token", "anyURI", "language", "NMTOKEN", "Name"]

    static let others: Set<String> = [
        "double", "float", "boolean", "dateTime", "dateTimeStamp", "date", "duration", "dayTimeDuration",
        "yearMonthDuration",
    ]

    /// How a supported datatype's values are read.
    enum Family: Sendable {
        case string, exactNumber, other
    }

    /// Supported datatype IRI → its XSD local name and family (one hash lookup per value).
    static let localNames: [String: (name: String, family: Family)] = {
        var table: [String: (name: String, family: Family)] = [:]
        for name in strings { table[xsd + name] = (name, .string) }
        for name in exactNumbers { table[xsd + name] = (name, .exactNumber) }
        for name in others { table[xsd + name] = (name, .other) }
        return table
    }()

    /// Whether values of `datatype` can be compared.
    static func supports(_ datatype: String) -> Bool {
        guard datatype.hasPrefix(xsd) else { return false }
        let type = String(datatype.dropFirst(xsd.count))
        return strings.contains(type) || exactNumbers.contains(type) || others.contains(type)
    }

    /// Whether the value has an order (numbers, instants, durations).
    var isOrdered: Bool {
        switch self {
        case .decimal, .double, .instant, .duration: return true
        default: return false
        }
    }

    /// The typed reading of `value`, or why it has none.
    static func from(_ value: PolicyValue) -> Result<TypedValue, Incomparable> {
        switch value {
        case .iri(let iri): return .success(.iri(iri))
        case .literal(let text, let datatype, let language):
            if let language { return .success(.string(text, language: language.lowercased())) }
            guard let (type, family) = localNames[datatype] else {
                if datatype == "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString" {
                    return .success(.string(text, language: ""))
                }
                return .failure(
                    Incomparable(
                        datatype.hasPrefix(xsd)
                            ? "unsupported datatype xsd:\(datatype.dropFirst(xsd.count))" : "unknown datatype <\(datatype)>"))
            }
            let trimmed = Self.trimmingSpaces(text)
            func bad() -> Result<TypedValue, Incomparable> {
                .failure(Incomparable("\"\(text)\" is not a valid xsd:\(type)"))
            }
            if family == .string { return .success(.string(text, language: nil)) }
            if family == .exactNumber {
                guard let number = exactNumber(trimmed, integer: type != "decimal") else { return bad() }
                return .success(.decimal(number))
            }
            switch type {
            case "double", "float":
                switch trimmed {
                case "INF", "+INF": return .success(.double(.infinity))
                case "-INF": return .success(.double(-.infinity))
                case "NaN": return .success(.double(.nan))
                default:
                    guard trimmed.allSatisfy({ "0123456789+-.eE".contains($0) }), let d = Double(trimmed) else {
                        return bad()
                    }
                    return .success(.double(d))
                }
            case "boolean":
                switch trimmed {
                case "true", "1": return .success(.boolean(true))
                case "false", "0": return .success(.boolean(false))
                default: return bad()
                }
            case "dateTime", "dateTimeStamp":
                guard case (let instant, let zoned)? = XSDTime.dateTime(trimmed), zoned || type == "dateTime" else {
                    return bad()
                }
                return .success(.instant(instant, hasZone: zoned))
            case "date":
                guard case (let instant, let zoned)? = XSDTime.date(trimmed) else { return bad() }
                return .success(.instant(instant, hasZone: zoned))
            case "duration", "dayTimeDuration", "yearMonthDuration":
                guard case (let months, let seconds)? = XSDTime.duration(trimmed) else { return bad() }
                if type == "dayTimeDuration", months != 0 { return bad() }
                if type == "yearMonthDuration", seconds != 0 { return bad() }
                return .success(.duration(months: months, seconds: seconds))
            default:
                return .failure(Incomparable("unsupported datatype xsd:\(type)"))
            }
        }
    }

    /// An exact decimal from XSD lexical form (digits, one optional point, optional sign).
    static func exactNumber(_ text: String, integer: Bool) -> ExactNumber? {
        if integer, text.utf8.count <= 18, let whole = Int(text) { return ExactNumber(whole) }
        return ExactDecimal.parse(Substring(text), integer: integer).map(ExactNumber.init)
    }

    /// `text` without leading and trailing spaces and tabs (the XSD whitespace facet
    /// `collapse` for the datatypes compared here); no copy when there are none.
    static func trimmingSpaces(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last, first == 32 || first == 9 || last == 32 || last == 9 else {
            return text
        }
        let start = utf8.firstIndex { $0 != 32 && $0 != 9 } ?? utf8.endIndex
        let end = utf8.lastIndex { $0 != 32 && $0 != 9 }.map { utf8.index(after: $0) } ?? start
        return String(text[start..<max(start, end)])
    }

    /// The kind of value, for messages.
    var kind: String {
        switch self {
        case .decimal: return "decimal number"
        case .double: return "double"
        case .instant: return "date/time"
        case .duration: return "duration"
        case .boolean: return "boolean"
        case .string(_, let language): return language == nil ? "string" : "language-tagged string"
        case .iri: return "IRI"
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// Why two values cannot be compared (or a value cannot be read).
public struct Incomparable: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
