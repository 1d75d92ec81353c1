import Foundation

/// Parsers for the XSD date and time lexical forms, to exact instants and durations.
enum XSDTime {
    /// `YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)?` as seconds since the epoch, and whether it
    /// had a zone (a zoneless value is read as UTC; comparisons widen it by ±14 h).
    static func dateTime(_ text: String) -> (Decimal, Bool)? {
        guard let t = text.firstIndex(of: "T") else { return nil }
        guard let days = dateFields(text[..<t]) else { return nil }
        var rest = text[text.index(after: t)...]
        let (zoneOffset, zoned) = zone(&rest)
        guard let zoneOffset else { return nil }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1]), hour <= 24, minute < 60
        else { return nil }
        let secondText = parts[2]
        let secondParts = secondText.split(separator: ".", omittingEmptySubsequences: false)
        guard secondParts[0].count == 2, secondParts.count <= 2,
            secondParts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
            let seconds = Decimal(string: String(secondText), locale: Locale(identifier: "en_US_POSIX")), seconds < 60
        else { return nil }
        if hour == 24, minute != 0 || seconds != 0 { return nil }
        let total = Decimal(days * 86_400 + hour * 3_600 + minute * 60 - zoneOffset) + seconds
        return (total, zoned)
    }

    /// `YYYY-MM-DD(Z|±hh:mm)?` as the first instant of that day.
    static func date(_ text: String) -> (Decimal, Bool)? {
        var rest = Substring(text)
        let (zoneOffset, zoned) = zone(&rest)
        guard let zoneOffset, let days = dateFields(rest) else { return nil }
        return (Decimal(days * 86_400 - zoneOffset), zoned)
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
        guard let h = Int(tail.dropFirst().prefix(2)), let m = Int(tail.suffix(2)), h <= 14, m < 60,
            tail.dropFirst().prefix(2).allSatisfy(\.isASCIIDigit), tail.suffix(2).allSatisfy(\.isASCIIDigit)
        else { return (nil, true) }
        text = text.dropLast(6)
        let offset = (h * 60 + m) * 60
        return (sign == "-" ? -offset : offset, true)
    }

    /// Days since 1970-01-01 of `YYYY-MM-DD` (proleptic Gregorian; four-digit or longer years).
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
            (1...12).contains(month), day >= 1, day <= daysIn(month, yearValue * (negative ? -1 : 1))
        else { return nil }
        return daysFromCivil(negative ? -yearValue : yearValue, month, day)
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days-from-civil.
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// `-?PnYnMnDTnHnMn(.n)S` as signed months and seconds.
    static func duration(_ text: String) -> (Int, Decimal)? {
        var body = Substring(text)
        var negative = false
        if body.first == "-" {
            negative = true
            body = body.dropFirst()
        }
        guard body.first == "P", body.count > 1, body.last != "T" else { return nil }
        body = body.dropFirst()
        var months = 0
        var seconds = Decimal(0)
        var inTime = false
        var number = ""
        var seen = ""
        var any = false
        for c in body {
            if c == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            if c.isASCIIDigit || c == "." {
                number.append(c)
                continue
            }
            guard !number.isEmpty, number.count <= (inTime || c == "D" ? 18 : 9) else { return nil }
            let designator = inTime ? "t\(c)" : "\(c)"
            let order = inTime ? ["tH", "tM", "tS"] : ["Y", "M", "D"]
            guard let position = order.firstIndex(of: designator),
                seen.isEmpty || order.firstIndex(of: String(seen)).map({ $0 < position }) ?? true
            else { return nil }
            if designator != "tS", number.contains(".") { return nil }
            guard let value = Decimal(string: number, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
            let whole = NSDecimalNumber(decimal: value).intValue
            switch designator {
            case "Y": months += whole * 12
            case "M": months += whole
            case "D": seconds += value * 86_400
            case "tH": seconds += value * 3_600
            case "tM": seconds += value * 60
            default: seconds += value
            }
            seen = designator
            number = ""
            any = true
            if !inTime, designator == "D" { seen = "D" }
        }
        guard any, number.isEmpty else { return nil }
        return negative ? (-months, -seconds) : (months, seconds)
    }
}
