/// The XML Schema 1.1 date, time and duration lexical forms, parsed to exact values.
///
/// One parser for the whole code base: credentials (validity periods), policies (ODRL
/// `dateTime` and `elapsedTime` constraints) and shapes (SHACL range constraints) read
/// `xsd:dateTime`, `xsd:dateTimeStamp`, `xsd:date` and `xsd:duration` through it.
/// Fractions are kept as their digits, so callers choose exact (`Decimal`) or binary
/// (`Double`) arithmetic. Lexical forms longer than `maximumLength` are refused.
public enum XSDTemporal {
    /// The longest lexical form accepted (anything longer is refused, not parsed).
    public static let maximumLength = 64

    /// An instant: `seconds` since 1970-01-01T00:00:00Z plus a decimal fraction.
    public struct Instant: Hashable, Sendable {
        /// Whole seconds since the epoch, after applying the time zone (a value without a
        /// time zone is read as if it were UTC).
        public var seconds: Int
        /// The digits after the decimal point, without trailing zeros ("" for none).
        public var fractionDigits: String
        /// The time zone offset in seconds east of UTC, or nil when the literal had none.
        public var timezoneOffset: Int?

        /// Whether the literal carried a time zone (`Z` or `±hh:mm`).
        public var hasTimezone: Bool { timezoneOffset != nil }

        /// `seconds` plus the fraction, as a binary floating-point number.
        public var secondsSinceEpoch: Double { Double(seconds) + XSDTemporal.fractionValue(fractionDigits) }
    }

    /// A duration: a signed number of months and a signed number of seconds (with fraction),
    /// the two independent parts of the XSD duration value space.
    public struct Duration: Hashable, Sendable {
        /// True when the literal began with `-`.
        public var isNegative: Bool
        /// Months (years × 12 + months), unsigned.
        public var months: Int
        /// Whole seconds (days, hours, minutes and seconds), unsigned.
        public var seconds: Int
        /// The digits after the decimal point of the seconds, without trailing zeros.
        public var fractionDigits: String
    }

    /// `-?YYYY-MM-DDThh:mm:ss(.s+)?(Z|(+|-)hh:mm)?`. With `requireTimezone` (xsd:dateTimeStamp)
    /// the zone is mandatory. Returns nil for anything that is not a valid literal.
    public static func dateTime(_ text: some StringProtocol, requireTimezone: Bool = false) -> Instant? {
        var scanner = Scanner(text)
        guard let days = scanner.date(), scanner.take(UInt8(ascii: "T")),
            let hour = scanner.twoDigits(), scanner.take(UInt8(ascii: ":")),
            let minute = scanner.twoDigits(), scanner.take(UInt8(ascii: ":")),
            let second = scanner.twoDigits()
        else { return nil }
        var fraction = ""
        if scanner.take(UInt8(ascii: ".")) {
            guard let digits = scanner.digits(), !digits.isEmpty else { return nil }
            fraction = trimmingTrailingZeros(digits)
        }
        guard minute <= 59, second <= 59, hour <= 23 || (hour == 24 && minute == 0 && second == 0 && fraction.isEmpty)
        else { return nil }
        guard case .some(let zone) = scanner.zone(), scanner.atEnd else { return nil }
        if requireTimezone, zone == nil { return nil }
        let total = days * 86_400 + hour * 3_600 + minute * 60 + second - (zone ?? 0)
        return Instant(seconds: total, fractionDigits: fraction, timezoneOffset: zone)
    }

    /// `-?YYYY-MM-DD(Z|(+|-)hh:mm)?` as the first instant of that day (in its time zone).
    public static func date(_ text: some StringProtocol) -> Instant? {
        var scanner = Scanner(text)
        guard let days = scanner.date(), case .some(let zone) = scanner.zone(), scanner.atEnd else { return nil }
        return Instant(seconds: days * 86_400 - (zone ?? 0), fractionDigits: "", timezoneOffset: zone)
    }

    /// `-?PnYnMnDTnHnMn(.n)?S` (at least one part; `T` only before a time part; only the
    /// seconds may have a fraction). Parts too large for 64-bit arithmetic are refused.
    public static func duration(_ text: some StringProtocol) -> Duration? {
        var scanner = Scanner(text)
        let negative = scanner.take(UInt8(ascii: "-"))
        guard scanner.take(UInt8(ascii: "P")) else { return nil }
        var months = 0
        var seconds = 0
        var fraction = ""
        var any = false
        // Designators in the order they must appear, with their unit.
        let dateParts: [(UInt8, Int)] = [(UInt8(ascii: "Y"), 12), (UInt8(ascii: "M"), 1), (UInt8(ascii: "D"), 86_400)]
        let timeParts: [(UInt8, Int)] = [(UInt8(ascii: "H"), 3_600), (UInt8(ascii: "M"), 60), (UInt8(ascii: "S"), 1)]
        var inTime = false
        var next = 0
        while !scanner.atEnd {
            if scanner.take(UInt8(ascii: "T")) {
                guard !inTime else { return nil }
                inTime = true
                next = 0
                guard !scanner.atEnd else { return nil }
                continue
            }
            guard let digits = scanner.digits(), !digits.isEmpty, digits.count <= 15, let whole = Int(digits) else {
                return nil
            }
            var partFraction = ""
            if scanner.take(UInt8(ascii: ".")) {
                guard let f = scanner.digits(), !f.isEmpty else { return nil }
                partFraction = trimmingTrailingZeros(f)
            }
            guard let designator = scanner.byte() else { return nil }
            let parts = inTime ? timeParts : dateParts
            guard let index = parts[next...].firstIndex(where: { $0.0 == designator }) else { return nil }
            let isSeconds = inTime && designator == UInt8(ascii: "S")
            guard partFraction.isEmpty || isSeconds else { return nil }
            let (scaled, overflow1) = whole.multipliedReportingOverflow(by: parts[index].1)
            guard !overflow1 else { return nil }
            if !inTime, index < 2 {
                let (sum, overflow) = months.addingReportingOverflow(scaled)
                guard !overflow else { return nil }
                months = sum
            } else {
                let (sum, overflow) = seconds.addingReportingOverflow(scaled)
                guard !overflow else { return nil }
                seconds = sum
            }
            if isSeconds { fraction = partFraction }
            next = index + 1
            any = true
        }
        guard any else { return nil }
        return Duration(isNegative: negative, months: months, seconds: seconds, fractionDigits: fraction)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The proleptic Gregorian date of a day number (the inverse of `daysFromCivil`).
    public static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Whole seconds since the epoch as a UTC `dateTimeStamp` (`YYYY-MM-DDThh:mm:ssZ`).
    public static func formatUTC(seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let (y, m, d) = civilFromDays(days)
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        let year = y < 0 ? "-" + pad(-y, 4) : pad(y, 4)
        return "\(year)-\(pad(m, 2))-\(pad(d, 2))T\(pad(rest / 3600, 2)):\(pad(rest % 3600 / 60, 2)):\(pad(rest % 60, 2))Z"
    }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func fractionValue(_ digits: String) -> Double {
        var value = 0.0
        var scale = 0.1
        for byte in digits.utf8.prefix(17) {
            value += Double(byte &- 48) * scale
            scale /= 10
        }
        return value
    }

    static func trimmingTrailingZeros(_ digits: String) -> String {
        var bytes = Array(digits.utf8)
        while bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
