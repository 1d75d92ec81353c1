extension JSONNumber {
    /// Formats a double as ECMAScript's `Number.prototype.toString` does (ES2015 §7.1.12.1),
    /// the number form RFC 8785 (JCS) and JSON-LD's canonical JSON literals require.
    ///
    /// Swift's `description` already yields the shortest digits that round-trip (and the
    /// closest of those), which is exactly the digit string ECMAScript asks for; only the
    /// layout differs. NaN and the infinities have no JSON form: they come back spelled as
    /// Swift spells them (`nan`, `inf`, `-inf`), and callers must reject them first.
    public static func ecmaScriptString(_ value: Double) -> String {
        guard value.isFinite else { return value.description }
        if value == 0 { return "0" }
        let negative = value < 0
        let (digits, pointPosition) = shortestDigits(of: abs(value))
        let k = digits.count
        let n = pointPosition
        var out = negative ? "-" : ""
        if k <= n && n <= 21 {
            out += digits + String(repeating: "0", count: n - k)
        } else if 0 < n && n <= 21 {
            let cut = digits.index(digits.startIndex, offsetBy: n)
            out += digits[..<cut] + "." + digits[cut...]
        } else if -6 < n && n <= 0 {
            out += "0." + String(repeating: "0", count: -n) + digits
        } else {
            let e = n - 1
            let sign = e < 0 ? "-" : "+"
            let first = digits.prefix(1)
            let rest = digits.dropFirst()
            out += first + (rest.isEmpty ? "" : "." + rest) + "e" + sign + String(abs(e))
        }
        return out
    }

    /// The shortest round-trip decimal digits of a positive finite double (no leading or
    /// trailing zeros) and `n` such that the value is `0.digits × 10^n`.
    public static func shortestDigits(of value: Double) -> (digits: String, pointPosition: Int) {
        let text = value.description  // e.g. "1.5", "1e-07", "1.2345e+21", "100.0"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var integerPart = mantissa
        var fractionPart: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            integerPart = mantissa[..<dot]
            fractionPart = mantissa[mantissa.index(after: dot)...]
        }
        var digits = Array(integerPart.utf8) + Array(fractionPart.utf8)
        var point = integerPart.count + exponent
        var leading = 0
        while leading < digits.count - 1 && digits[leading] == UInt8(ascii: "0") { leading += 1 }
        digits.removeFirst(leading)
        point -= leading
        while digits.count > 1 && digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return (String(decoding: digits, as: UTF8.self), point)
    }
}
