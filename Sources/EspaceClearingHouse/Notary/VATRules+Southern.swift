/// VAT rules of CY, EL (Greece), ES, IT, MT and PT.
extension VATValidator {
    static let southEasternRules: [VATCountryRule] = [
        VATCountryRule(
            prefix: "CY", countryCode: "CY",
            algorithm: "CY VAT: 8 digits + check letter (translated odd positions + even digits, mod 26)",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength([9], "a Cypriot VAT number (8 digits + letter)")
            try p.requireDigits(0..<8)
            try p.requireLetter(8)
            guard p.value(0..<2) != 12 else {
                throw NumberFault(.format, at: 0, "a Cypriot VAT number does not start with 12")
            }
            let translation = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21]
            var sum = 0
            for i in 0..<8 { sum += i % 2 == 0 ? translation[p.digit(i)] : p.digit(i) }
            try p.requireCheck(8, UInt8(65 + sum % 26), "the CY check letter")
        },
        VATCountryRule(
            prefix: "EL", countryCode: "GR", algorithm: "EL VAT (AFM): 9 digits, Σ dᵢ·2^(9−i) mod 11 mod 10",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength([9], "a Greek AFM (old 8-digit numbers take a leading 0)")
            try p.requireDigits(0..<9)
            let sum = p.digits(0..<8).reduce(0) { $0 * 2 + $1 } * 2
            try p.requireCheckDigit(8, sum % 11 % 10, "the EL check digit")
        },
        VATCountryRule(
            prefix: "ES", countryCode: "ES",
            algorithm: "ES VAT (NIF): DNI/NIE letter mod 23, CIF Luhn digit or letter JABCDEFGHI, K/L/M mod 23",
            verifiesCheckDigits: true,
            check: { p throws(NumberFault) in try spanishVAT(p) }),
        VATCountryRule(
            prefix: "IT", countryCode: "IT",
            algorithm: "IT VAT (partita IVA): 11 digits, office code 001–100/120/121/888/999, Luhn",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength([11], "an Italian partita IVA")
            try p.requireDigits(0..<11)
            guard p.value(0..<7) != 0 else { throw NumberFault(.format, at: 0, "the first 7 digits are 0") }
            let office = p.value(7..<10)
            guard (1...100).contains(office) || [120, 121, 888, 999].contains(office) else {
                throw NumberFault(.format, at: 7, "office code \(office) is not 001–100, 120, 121, 888 or 999")
            }
            try p.requireChecksum(CheckDigits.luhnValid(p.allDigits), at: 10, "the Luhn check")
        },
        VATCountryRule(
            prefix: "MT", countryCode: "MT", algorithm: "MT VAT: 8 digits, weights 3,4,6,7,8,9,10,1 mod 37 = 0",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength([8], "a Maltese VAT number")
            try p.requireDigits(0..<8)
            guard p.digit(0) != 0 else {
                throw NumberFault(.format, at: 0, "a Maltese VAT number does not start with 0")
            }
            try p.requireChecksum(
                CheckDigits.weighted(p.allDigits, [3, 4, 6, 7, 8, 9, 10, 1]) % 37 == 0, at: 6, "MT mod 37")
        },
        VATCountryRule(
            prefix: "PT", countryCode: "PT", algorithm: "PT VAT (NIF): 9 digits, weights 9…2 mod 11",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength([9], "a Portuguese NIF")
            try p.requireDigits(0..<9)
            guard p.digit(0) != 0 else { throw NumberFault(.format, at: 0, "a Portuguese NIF does not start with 0") }
            let sum = CheckDigits.weighted(p.digits(0..<8), [9, 8, 7, 6, 5, 4, 3, 2])
            try p.requireCheckDigit(8, ((11 - sum) % 11 + 11) % 11 % 10, "the PT check digit")
        },
    ]

    private static func spanishVAT(_ p: NumberPart) throws(NumberFault) {
        let letters = Array("TRWAGMYFPDXBNJZSQVHLCKE".utf8)
        try p.requireLength([9], "a Spanish NIF")
        let first = p[0]
        if p.isDigit(0) {  // DNI: 8 digits + letter.
            try p.requireDigits(0..<8)
            try p.requireLetter(8)
            try p.requireCheck(8, letters[p.value(0..<8) % 23], "the DNI letter (mod 23)")
        } else if "XYZ".utf8.contains(first) {  // NIE: X/Y/Z = 0/1/2, 7 digits, letter.
            try p.requireDigits(1..<8)
            try p.requireLetter(8)
            let lead = Int(first - UInt8(ascii: "X"))
            try p.requireCheck(8, letters[(lead * 10_000_000 + p.value(1..<8)) % 23], "the NIE letter (mod 23)")
        } else if "KLM".utf8.contains(first) {  // K, L, M: 7 digits, letter.
            try p.requireDigits(1..<8)
            try p.requireLetter(8)
            try p.requireCheck(8, letters[p.value(1..<8) % 23], "the K/L/M letter (mod 23)")
        } else if "ABCDEFGHJNPQRSUVW".utf8.contains(first) {  // CIF: letter, 7 digits, digit or letter.
            try p.requireDigits(1..<8)
            let digit = (10 - CheckDigits.luhnSum(p.digits(1..<8) + [0]) % 10) % 10
            let letter = Array("JABCDEFGHI".utf8)[digit]
            guard p[8] == UInt8(48 + digit) || p[8] == letter else {
                throw NumberFault(
                    .checkDigits, at: 8,
                    "the CIF check is '\(digit)' or '\(String(UnicodeScalar(letter)))', found '\(p.char(8))'")
            }
        } else {
            throw NumberFault(
                .format, at: 0,
                "a Spanish NIF starts with a digit or one of ABCDEFGHJKLMNPQRSUVWXYZ, found '\(p.char(0))'")
        }
    }
}
