/// VAT rules of AT, BE, DE, FR, IE, LU and NL.
extension VATValidator {
    static let westernRules: [VATCountryRule] = [
        VATCountryRule(
            prefix: "AT", countryCode: "AT",
            algorithm: "AT VAT (UID): U + 8 digits, Luhn-based check digit (6 − Luhn sum) mod 10",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength([9], "an Austrian UID (U + 8 digits)")
            try p.requireLetter(0, in: "U")
            try p.requireDigits(1..<9)
            let sum = CheckDigits.luhnSum(p.digits(1..<8)) % 10
            try p.requireCheckDigit(8, ((6 - sum) % 10 + 10) % 10, "the AT check digit")
        },
        VATCountryRule(
            prefix: "BE", countryCode: "BE",
            algorithm: "BE VAT: 10 digits starting 0 or 1, 97 − (first 8 mod 97) = last 2",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength([10], "a Belgian enterprise number (old 9-digit numbers take a leading 0)")
            try p.requireDigits(0..<10)
            guard p.digit(0) <= 1 else {
                throw NumberFault(.format, at: 0, "a Belgian enterprise number starts with 0 or 1")
            }
            try p.requireChecksum(
                (p.value(0..<8) + p.value(8..<10)) % 97 == 0, at: 8, "BE mod 97 (first 8 digits + last 2 ≡ 0)")
        },
        VATCountryRule(
            prefix: "DE", countryCode: "DE", algorithm: "DE VAT (USt-IdNr.): 9 digits, ISO 7064 MOD 11,10",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength([9], "a German USt-IdNr.")
            try p.requireDigits(0..<9)
            guard p.digit(0) != 0 else { throw NumberFault(.format, at: 0, "a German USt-IdNr. does not start with 0") }
            try p.requireCheckDigit(8, CheckDigits.mod11Radix10(p.digits(0..<8)), "ISO 7064 MOD 11,10")
        },
        VATCountryRule(
            prefix: "FR", countryCode: "FR",
            algorithm:
                "FR VAT: 2-character key + SIREN (9 digits, Luhn); numeric key = (SIREN·100 + 12) mod 97, alphanumeric key per the DGFiP rule",
            verifiesCheckDigits: true, check: { p throws(NumberFault) in try frenchVAT(p) }),
        VATCountryRule(
            prefix: "IE", countryCode: "IE",
            algorithm:
                "IE VAT: 7 digits + check letter (+ optional letter), or the old digit-letter-5 digits-letter form; weighted sum mod 23",
            verifiesCheckDigits: true, check: { p throws(NumberFault) in try irishVAT(p) }),
        VATCountryRule(
            prefix: "LU", countryCode: "LU", algorithm: "LU VAT: 8 digits, first 6 mod 89 = last 2",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength([8], "a Luxembourg VAT number")
            try p.requireDigits(0..<8)
            try p.requireChecksum(
                p.value(0..<6) % 89 == p.value(6..<8), at: 6, "LU mod 89 (first 6 digits mod 89 = last 2)")
        },
        VATCountryRule(
            prefix: "NL", countryCode: "NL",
            algorithm:
                "NL VAT (btw-id): 9 digits + B + 2 digits; the 9 digits pass the 11-test (RSIN/BSN) or NL+number passes ISO 7064 MOD 97-10",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength([12], "a Dutch btw-id (9 digits, B, 2 digits)")
            try p.requireDigits(0..<9)
            try p.requireLetter(9, in: "B")
            try p.requireDigits(10..<12)
            guard p.value(0..<9) > 0 else { throw NumberFault(.format, at: 0, "the 9-digit number is 0") }
            guard p.value(10..<12) > 0 else { throw NumberFault(.format, at: 10, "the suffix after B is 00") }
            let elevenTest = (CheckDigits.weighted(p.digits(0..<8), [9, 8, 7, 6, 5, 4, 3, 2]) - p.digit(8)) % 11 == 0
            let mod97 = CheckDigits.mod97(Array("NL".utf8) + p.bytes) == 1
            try p.requireChecksum(elevenTest || mod97, at: 8, "neither the 11-test nor ISO 7064 MOD 97-10")
        },
    ]

    private static func frenchVAT(_ p: NumberPart) throws(NumberFault) {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".utf8)
        try p.requireLength([11], "a French VAT number (2-character key + 9-digit SIREN)")
        for i in 0..<2 where !alphabet.contains(p[i]) {
            throw NumberFault(
                .format, at: i, "the key is made of digits and letters other than I and O, found '\(p.char(i))'")
        }
        try p.requireDigits(2..<11)
        let siren = p.value(2..<11)
        if p.value(2..<5) != 0 {
            try p.requireChecksum(CheckDigits.luhnValid(p.digits(2..<11)), at: 10, "the SIREN Luhn check")
        }
        if p.isDigit(0), p.isDigit(1) {
            try p.requireChecksum(p.value(0..<2) == (siren * 100 + 12) % 97, at: 0, "FR key = (SIREN·100 + 12) mod 97")
            return
        }
        let first = alphabet.firstIndex(of: p[0]) ?? 0
        let second = alphabet.firstIndex(of: p[1]) ?? 0
        let check = p.isDigit(0) ? first * 24 + second - 10 : first * 34 + second - 100
        try p.requireChecksum((siren + 1 + check / 11) % 11 == check % 11, at: 0, "the FR alphanumeric key rule")
    }

    private static func irishVAT(_ p: NumberPart) throws(NumberFault) {
        let alphabet = Array("WABCDEFGHIJKLMNOPQRSTUV".utf8)
        try p.requireLength([8, 9], "an Irish VAT number")
        let algorithm = "IE weighted sum mod 23"
        func index(_ i: Int) throws(NumberFault) -> Int {
            guard let at = alphabet.firstIndex(of: p[i]) else {
                throw NumberFault(.format, at: i, "expected a letter A–W, found '\(p.char(i))'")
            }
            return at
        }
        try p.requireDigits(0..<1)
        if p.isDigit(1) {
            try p.requireDigits(1..<7)
            _ = try index(7)
            var extra = 0
            if p.count == 9 { extra = try index(8) }
            let sum = CheckDigits.weighted(p.digits(0..<7), [8, 7, 6, 5, 4, 3, 2]) + 9 * extra
            try p.requireCheck(7, alphabet[sum % 23], algorithm)
            return
        }
        // The old form: digit, letter (or + or *), 5 digits, check letter.
        try p.requireLength([8], "an old-form Irish VAT number")
        guard p.isLetter(1) || p[1] == UInt8(ascii: "+") || p[1] == UInt8(ascii: "*") else {
            throw NumberFault(.format, at: 1, "expected a digit, a letter, + or *, found '\(p.char(1))'")
        }
        try p.requireDigits(2..<7)
        _ = try index(7)
        let digits = [0] + p.digits(2..<7) + [p.digit(0)]
        try p.requireCheck(7, alphabet[CheckDigits.weighted(digits, [8, 7, 6, 5, 4, 3, 2]) % 23], algorithm)
    }
}
