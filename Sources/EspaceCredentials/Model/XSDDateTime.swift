import EspaceIdentity

/// XML Schema 1.1 `dateTime` and `dateTimeStamp` literals (the date formats of the VC data
/// models: `issuanceDate`/`expirationDate` in 1.1, `validFrom`/`validUntil` in 2.0).
public enum XSDDateTime {
    /// The instant `text` denotes, in seconds since 1970-01-01T00:00:00Z, or nil when it is
    /// not a valid literal. With `requireTimezone` (dateTimeStamp) a `Z` or `±hh:mm` suffix
    /// is mandatory; without one, a literal without time zone is read as UTC.
    public static func instant(_ text: String, requireTimezone: Bool) -> Double? {
        let b = Array(text.utf8)
        guard b.count <= 64 else { return nil }
        var i = 0
        var negative = false
        if i < b.count, b[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        // Year: four or more digits, no leading zero when more than four.
        let yearStart = i
        while i < b.count, isDigit(b[i]) { i += 1 }
        let yearDigits = i - yearStart
        guard yearDigits >= 4, yearDigits <= 9, !(yearDigits > 4 && b[yearStart] == UInt8(ascii: "0")) else { return nil }
        var year = number(b[yearStart..<i])
        if negative { year = -year }
        func two(_ at: Int) -> Int? {
            guard at + 1 < b.count, isDigit(b[at]), isDigit(b[at + 1]) else { return nil }
            return Int(b[at] - 48) * 10 + Int(b[at + 1] - 48)
        }
        guard i < b.count, b[i] == UInt8(ascii: "-"), let month = two(i + 1), i + 3 < b.count, b[i + 3] == UInt8(ascii: "-"),
            let day = two(i + 4), i + 6 < b.count, b[i + 6] == UInt8(ascii: "T"),
            let hour = two(i + 7), i + 9 < b.count, b[i + 9] == UInt8(ascii: ":"),
            let minute = two(i + 10), i + 12 < b.count, b[i + 12] == UInt8(ascii: ":"),
            let second = two(i + 13)
        else { return nil }
        i += 15
        var fraction = 0.0
        var fractionIsZero = true
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            var scale = 0.1
            while i < b.count, isDigit(b[i]) {
                fraction += Double(b[i] - 48) * scale
                if b[i] != UInt8(ascii: "0") { fractionIsZero = false }
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        guard minute <= 59, second <= 59 else { return nil }
        guard hour <= 23 || (hour == 24 && minute == 0 && second == 0 && fractionIsZero) else { return nil }
        var offset = 0
        if i < b.count {
            if b[i] == UInt8(ascii: "Z"), i + 1 == b.count {
                i += 1
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), i + 6 == b.count,
                let oh = two(i + 1), b[i + 3] == UInt8(ascii: ":"), let om = two(i + 4)
            {
                guard om <= 59, oh * 60 + om <= 14 * 60 else { return nil }
                offset = (oh * 60 + om) * 60 * (b[i] == UInt8(ascii: "-") ? -1 : 1)
                i += 6
            } else {
                return nil
            }
        } else if requireTimezone {
            return nil
        }
        guard i == b.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset
        return Double(seconds) + fraction
    }

    /// The instants `format` writes exactly: years 0001 to 9999.
    public static let representable: ClosedRange<Double> = -62_135_596_800...253_402_300_799

    /// Throws `.malformed` unless both ends of `period` are within `representable`.
    public static func checkRepresentable(_ period: ClosedRange<Double>) throws(IdentityError) {
        guard representable.contains(period.lowerBound), representable.contains(period.upperBound) else {
            throw IdentityError("the validity period \(period) is outside the years 0001 to 9999")
        }
    }

    /// Formats an instant (seconds since 1970) as a UTC `dateTimeStamp` with whole seconds;
    /// instants outside `representable` (and NaN) are clamped into it.
    public static func format(_ seconds: Double) -> String {
        let clamped = seconds.isNaN ? 0 : min(max(seconds, representable.lowerBound), representable.upperBound)
        let total = Int(clamped.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let rest = total - days * 86_400
        let (y, m, d) = civilFromDays(days)
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(rest / 3600, 2)):\(pad(rest % 3600 / 60, 2)):\(pad(rest % 60, 2))Z"
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
