extension XSDTemporal {
    /// A cursor over the bytes of a lexical form, with the pieces the XSD grammars share.
    struct Scanner {
        /// The lexical form's bytes, inline (no allocation: these are parsed on every decision).
        private var bytes = InlineArray<64, UInt8>(repeating: 0)
        private var count = 0
        private var index = 0

        init(_ text: some StringProtocol) {
            var string = String(text)
            string.withUTF8 { utf8 in
                // An over-long form leaves one unparseable byte, so every parse fails.
                guard utf8.count <= XSDTemporal.maximumLength else {
                    count = 1
                    return
                }
                for byte in utf8 {
                    bytes[count] = byte
                    count += 1
                }
            }
        }

        var atEnd: Bool { index == count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func byte() -> UInt8? {
            guard index < count else { return nil }
            defer { index += 1 }
            return bytes[index]
        }

        /// A run of ASCII digits (possibly empty), or nil at the end of input.
        mutating func digits() -> String? {
            guard index < count else { return nil }
            let start = index
            while index < count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            var text = ""
            for position in start..<index { text.unicodeScalars.append(Unicode.Scalar(bytes[position])) }
            return text
        }

        mutating func twoDigits() -> Int? {
            guard index + 1 < count, isDigit(bytes[index]), isDigit(bytes[index + 1]) else { return nil }
            defer { index += 2 }
            return Int(bytes[index] - 48) * 10 + Int(bytes[index + 1] - 48)
        }

        /// `-?YYYY-MM-DD` as days since 1970-01-01. Years have four or more digits, with no
        /// leading zero when there are more than four; year 0000 is allowed (XSD 1.1).
        mutating func date() -> Int? {
            let negative = take(UInt8(ascii: "-"))
            let start = index
            while index < count, isDigit(bytes[index]) { index += 1 }
            let digits = index - start
            guard digits >= 4, digits <= 9, !(digits > 4 && bytes[start] == UInt8(ascii: "0")) else { return nil }
            var year = 0
            for position in start..<index { year = year * 10 + Int(bytes[position] - 48) }
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
            guard index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") else {
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
