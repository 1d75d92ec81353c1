/// Reads `xsd:dateTime` and `xsd:date` lexical forms as exact instants (seconds since
/// 1970-01-01T00:00:00Z) for ordering.
enum XSDInstant {
    /// `-?YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)?`: the instant, and whether a zone was given.
    static func dateTime(_ text: String) -> (XSDDecimal, Bool)? {
        guard let t = text.firstIndex(of: "T") else { return nil }
        guard let days = dateFields(text[..<t]) else { return nil }
        var rest = text[text.index(after: t)...]
        let (zoneOffset, zoned) = zone(&rest)
        guard let zoneOffset else { return nil }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2,
            parts[0].allSatisfy(\.isASCIIDigit), parts[1].allSatisfy(\.isASCIIDigit),
            let hour = Int(parts[0]), let minute = Int(parts[1]), hour <= 24, minute < 60
        else { return nil }
        let secondParts = parts[2].split(separator: ".", omittingEmptySubsequences: false)
        guard secondParts.count <= 2, secondParts[0].count == 2,
            secondParts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
            let whole = Int(secondParts[0]), whole < 60
        else { return nil }
        let fraction = secondParts.count == 2 ? secondParts[1].utf8.map { $0 - 48 } : []
        if hour == 24, minute != 0 || whole != 0 || fraction.contains(where: { $0 != 0 }) { return nil }
        let total = days * 86_400 + hour * 3_600 + minute * 60 + whole - zoneOffset
        return (XSDDecimal(total) + XSDDecimal(negative: false, integer: [], fraction: fraction), zoned)
    }

    /// `-?YYYY-MM-DD(Z|±hh:mm)?`: the first instant of that day, and whether a zone was given.
    static func date(_ text: String) -> (XSDDecimal, Bool)? {
        var rest = Substring(text)
        let (zoneOffset, zoned) = zone(&rest)
        guard let zoneOffset, let days = dateFields(rest) else { return nil }
        return (XSDDecimal(days * 86_400 - zoneOffset), zoned)
    }

    /// Strips a trailing zone; returns its offset in seconds (nil if malformed) and whether present.
    private static func zone(_ text: inout Substring) -> (Int?, Bool) {
        if text.hasSuffix("Z") {
            text = text.dropLast()
            return (0, true)
        }
        guard text.count > 6 else { return (0, false) }
        let tail = text.suffix(6)
        let sign = tail.first
        guard sign == "+" || sign == "-", tail.dropFirst(3).first == ":" else { return (0, false) }
        let hours = tail.dropFirst().prefix(2)
        let minutes = tail.suffix(2)
        guard hours.allSatisfy(\.isASCIIDigit), minutes.allSatisfy(\.isASCIIDigit),
            let h = Int(hours), let m = Int(minutes), h < 14 || (h == 14 && m == 0), m < 60
        else { return (nil, true) }
        text = text.dropLast(6)
        let offset = (h * 60 + m) * 60
        return (sign == "-" ? -offset : offset, true)
    }

    /// Days since 1970-01-01 of `-?YYYY-MM-DD` (proleptic Gregorian, four to nine year digits).
    private static func dateFields(_ text: Substring) -> Int? {
        var body = text
        var negative = false
        if body.first == "-" {
            negative = true
            body = body.dropFirst()
        }
        let parts = body.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count >= 4, parts[0].count <= 9, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let yearValue = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1
        else { return nil }
        let year = negative ? -yearValue : yearValue
        guard day <= daysIn(month, year) else { return nil }
        return daysFromCivil(year, month, day)
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days-from-civil.
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

extension Character {
    /// `0`…`9` only (not other Unicode digits).
    fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
