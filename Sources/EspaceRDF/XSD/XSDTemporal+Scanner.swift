extension XSDTemporal {
    /// A cursor over the bytes of a lexical form, with the pieces the XSD grammars share.
    struct Scanner {
        private let bytes: [UInt8]
        private var index = 0

        init(_ text: some StringProtocol) {
            let utf8 = Array(text.utf8)
            // An over-long form leaves the scanner empty-but-unfinished, so every parse fails.
            bytes = utf8.count <= XSDTemporal.maximumLength ? utf8 : [0]
        }

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func byte() -> UInt8? {
            guard index < bytes.count else { return nil }
            defer { index += 1 }
            return bytes[index]
        }

        /// A run of ASCII digits (possibly empty), or nil at the end of input.
        mutating func digits() -> String? {
            guard index < bytes.count else { return nil }
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func twoDigits() -> Int? {
            guard index + 1 < bytes.count, isDigit(bytes[index]), isDigit(bytes[index + 1]) else { return nil }
            defer { index += 2 }
            return Int(bytes[index] - 48) * 10 + Int(bytes[index + 1] - 48)
        }

        /// `-?YYYY-MM-DD` as days since 1970-01-01. Years have four or more digits, with no
        /// leading zero when there are more than four; year 0000 is allowed (XSD 1.1).
        mutating func date() -> Int? {
            let negative = take(UInt8(ascii: "-"))
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            let count = index - start
            guard count >= 4, count <= 9, !(count > 4 && bytes[start] == UInt8(ascii: "0")) else { return nil }
            var year = bytes[start..<index].reduce(0) { $0 * 10 + Int($1 - 48) }
            if negative { year = -year }
            guard take(UInt8(ascii: "-")), let month = twoDigits(), take(UInt8(ascii: "-")), let day = twoDigits(),
                (1...12).contains(month), day >= 1, day <= XSDTemporal.daysIn(month: month, year: year)
            else { return nil }
            return XSDTemporal.daysFromCivil(year: year, month: month, day: day)
        }

        /// An optional trailing zone: `.some(nil)` when absent, `.some(offset)` when well
        /// formed (seconds east of UTC, at most ±14:00), nil when malformed.
        mutating func zone() -> Int?? {
            if atEnd { return .some(nil) }
            if take(UInt8(ascii: "Z")) { return .some(0) }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") else {
                return nil
            }
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let hours = twoDigits(), take(UInt8(ascii: ":")), let minutes = twoDigits(), minutes <= 59,
                hours * 60 + minutes <= 14 * 60
            else { return nil }
            return .some(sign * (hours * 60 + minutes) * 60)
        }

        private func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    }
}
