import Foundation

/// How two values are ordered.
public enum ValueOrder: Sendable, Equatable {
    case less, equal, greater
    /// Different values of a type that has no order (strings, IRIs, booleans).
    case unequal
}

/// Typed comparison of policy values by XSD datatype.
///
/// - Numbers: `xsd:decimal`, `xsd:integer` and its subtypes compare exactly (`Decimal`);
///   `xsd:double`/`xsd:float` as doubles (a mixed pair is compared as doubles).
/// - `xsd:dateTime`, `xsd:dateTimeStamp`, `xsd:date`: as instants, time zones applied. A
///   value without a zone compares with a zoned one only when the answer is the same for
///   every zone from −14:00 to +14:00 (XSD's partial order); otherwise incomparable. An
///   `xsd:date` is its first instant.
/// - `xsd:duration`: months and seconds; equal when both parts are, ordered when the order
///   holds with a month counted anywhere from 28 to 31 days, otherwise incomparable.
/// - Strings, language-tagged strings, IRIs, booleans: equality only.
/// Any other pairing, or an unknown datatype, is `Incomparable` with the reason.
public enum PolicyValueComparison {
    /// The order of `left` relative to `right`.
    public static func order(_ left: PolicyValue, _ right: PolicyValue) -> Result<ValueOrder, Incomparable> {
        let a: TypedValue
        let b: TypedValue
        switch (TypedValue.from(left), TypedValue.from(right)) {
        case (.failure(let e), _), (_, .failure(let e)): return .failure(e)
        case (.success(let x), .success(let y)):
            a = x
            b = y
        }
        return order(a, b, left, right)
    }

    /// Whether `left` equals `right` (by value, for typed literals).
    public static func equals(_ left: PolicyValue, _ right: PolicyValue) -> Result<Bool, Incomparable> {
        order(left, right).map { $0 == .equal }
    }

    /// The order of two typed values, nil when they are incomparable (no reason built).
    static func order(_ a: TypedValue, _ b: TypedValue) -> ValueOrder? {
        if case .success(let order) = order(a, b, .iri(""), .iri("")) { return order }
        return nil
    }

    static func order(_ a: TypedValue, _ b: TypedValue, _ left: PolicyValue, _ right: PolicyValue) -> Result<
        ValueOrder, Incomparable
    > {
        func sign<T: Comparable>(_ x: T, _ y: T) -> ValueOrder { x < y ? .less : (x > y ? .greater : .equal) }
        switch (a, b) {
        case (.decimal(let x), .decimal(let y)): return .success(sign(x, y))
        case (.double(let x), .double(let y)):
            guard !x.isNaN, !y.isNaN else { return .failure(Incomparable("NaN is not comparable")) }
            return .success(sign(x, y))
        case (.decimal(let x), .double(let y)):
            guard !y.isNaN else { return .failure(Incomparable("NaN is not comparable")) }
            return .success(sign(x.double, y))
        case (.double(let x), .decimal(let y)):
            guard !x.isNaN else { return .failure(Incomparable("NaN is not comparable")) }
            return .success(sign(x, y.double))
        case (.instant(let x, let zx), .instant(let y, let zy)):
            if zx == zy { return .success(sign(x, y)) }
            // One side has no zone: it may be anywhere from 14 h before to 14 h after UTC.
            let slack = 14 * 3_600
            let (low, high) =
                zx
                ? (sign(x, y.adding(-slack)), sign(x, y.adding(slack))) : (sign(x.adding(-slack), y), sign(x.adding(slack), y))
            if low == high, low != .equal { return .success(low) }
            return .failure(
                Incomparable("\(left) and \(right) are ordered differently depending on the missing time zone"))
        case (.duration(let mx, let sx), .duration(let my, let sy)):
            if mx == my { return .success(sign(sx, sy)) }
            let day = Decimal(86_400)
            let shortest = (Decimal(mx) * 28 * day + sx, Decimal(my) * 28 * day + sy)
            let longest = (Decimal(mx) * 31 * day + sx, Decimal(my) * 31 * day + sy)
            let low = sign(shortest.0, shortest.1)
            let high = sign(longest.0, longest.1)
            if low == high, low != .equal { return .success(low) }
            return .failure(
                Incomparable("the durations \(left) and \(right) have no determinate order (months vs days)"))
        case (.boolean(let x), .boolean(let y)): return .success(x == y ? .equal : .unequal)
        case (.string(let x, let lx), .string(let y, let ly)): return .success(x == y && lx == ly ? .equal : .unequal)
        case (.iri(let x), .iri(let y)): return .success(x == y ? .equal : .unequal)
        default:
            return .failure(Incomparable("cannot compare a \(a.kind) (\(left)) with a \(b.kind) (\(right))"))
        }
    }
}
