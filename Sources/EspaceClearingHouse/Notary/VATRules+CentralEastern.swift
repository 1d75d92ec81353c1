/// VAT rules of BG, CZ, HR, HU, PL, RO, SI, SK and XI (Northern Ireland).
extension VATValidator {
    static let centralEasternRules: [VATCountryRule] = [
        VATCountryRule(
            prefix: "BG", countryCode: "BG",
            algorithm:
                "BG VAT: 9 digits (weights 1…8 mod 11, then 3…10) or 10 digits (EGN with its birth date, foreigner PNF or other-entity weights)",
            verifiesCheckDigits: true, check: { p throws(NumberFault) in try bulgarianVAT(p) }),
        VATCountryRule(
            prefix: "CZ", countryCode: "CZ",
            algorithm:
                "CZ VAT (DIČ): 8 digits (weights 8…2 mod 11), 9 digits starting 6 (special), 10-digit birth number (mod 11)",
            verifiesCheckDigits: true, check: { p throws(NumberFault) in try czechVAT(p) }),
        VATCountryRule(
            prefix: "HR", countryCode: "HR", algorithm: "HR VAT (OIB): 11 digits, ISO 7064 MOD 11,10",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength([11], "a Croatian OIB")
            try p.requireDigits(0..<11)
            try p.requireCheckDigit(10, CheckDigits.mod11Radix10(p.digits(0..<10)), "ISO 7064 MOD 11,10")
        },
        VATCountryRule(
            prefix: "HU", countryCode: "HU", algorithm: "HU VAT: 8 digits, weights 9,7,3,1 mod 10 = 0",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength([8], "a Hungarian VAT number")
            try p.requireDigits(0..<8)
            try p.requireChecksum(
                CheckDigits.weighted(p.allDigits, [9, 7, 3, 1, 9, 7, 3, 1]) % 10 == 0, at: 7, "HU mod 10")
        },
        VATCountryRule(
            prefix: "PL", countryCode: "PL", algorithm: "PL VAT (NIP): 10 digits, weights 6,5,7,2,3,4,5,6,7 mod 11",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength([10], "a Polish NIP")
            try p.requireDigits(0..<10)
            let sum = CheckDigits.weighted(p.digits(0..<9), [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11
            try p.requireChecksum(sum == p.digit(9), at: 9, "PL mod 11 (the check digit is the weighted sum mod 11)")
        },
        VATCountryRule(
            prefix: "RO", countryCode: "RO",
            algorithm: "RO VAT (CUI/CIF): 2–10 digits, weights 7,5,3,2,1,7,5,3,2, 10·sum mod 11 mod 10",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength(Array(2...10), "a Romanian CUI")
            try p.requireDigits(0..<p.count)
            guard p.digit(0) != 0 else { throw NumberFault(.format, at: 0, "a CUI does not start with 0") }
            let body = Array(repeating: 0, count: 10 - p.count) + p.digits(0..<(p.count - 1))
            let sum = CheckDigits.weighted(body, [7, 5, 3, 2, 1, 7, 5, 3, 2])
            try p.requireCheckDigit(p.count - 1, sum * 10 % 11 % 10, "the RO check digit")
        },
        VATCountryRule(
            prefix: "SI", countryCode: "SI", algorithm: "SI VAT (DDV): 8 digits, weights 8…2, 11 − sum mod 11 (10 → 0)",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength([8], "a Slovenian DDV number")
            try p.requireDigits(0..<8)
            guard p.digit(0) != 0 else { throw NumberFault(.format, at: 0, "a DDV number does not start with 0") }
            let check = 11 - CheckDigits.weighted(p.digits(0..<7), [8, 7, 6, 5, 4, 3, 2]) % 11
            guard check != 11 else {
                throw NumberFault(.checkDigits, at: 7, "no check digit exists for these 7 digits (11)")
            }
            try p.requireCheckDigit(7, check == 10 ? 0 : check, "the SI check digit")
        },
        VATCountryRule(
            prefix: "SK", countryCode: "SK",
            algorithm:
                "SK VAT (IČ DPH): 10 digits, third digit 2/3/4/7/8/9, whole number mod 11 = 0 (or a birth number)",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength([10], "a Slovak IČ DPH")
            try p.requireDigits(0..<10)
            if p.value(0..<10) % 11 == 0, p.digit(0) != 0, [2, 3, 4, 7, 8, 9].contains(p.digit(2)) { return }
            if p.value(0..<9) % 11 % 10 == p.digit(9), (try? p.requireBirthNumberDate()) != nil { return }
            guard p.digit(0) != 0 else { throw NumberFault(.format, at: 0, "an IČ DPH does not start with 0") }
            guard [2, 3, 4, 7, 8, 9].contains(p.digit(2)) else {
                throw NumberFault(.format, at: 2, "the third digit of an IČ DPH is 2, 3, 4, 7, 8 or 9")
            }
            throw NumberFault(.checkDigits, at: 9, "SK mod 11 (the 10-digit number is not a multiple of 11)")
        },
        VATCountryRule(
            prefix: "XI", countryCode: "GB",
            algorithm:
                "XI (UK) VAT: 9 or 12 digits, weights 8…2,10,1 mod 97 = 0 (42 or 55 for numbers from 100), or GD/HA + 3 digits",
            verifiesCheckDigits: true, check: { p throws(NumberFault) in try northernIrishVAT(p) }),
    ]

    private static func bulgarianVAT(_ p: NumberPart) throws(NumberFault) {
        try p.requireLength([9, 10], "a Bulgarian VAT number")
        try p.requireDigits(0..<p.count)
        if p.count == 9 {
            let body = p.digits(0..<8)
            var sum = CheckDigits.weighted(body, [1, 2, 3, 4, 5, 6, 7, 8]) % 11
            if sum == 10 { sum = CheckDigits.weighted(body, [3, 4, 5, 6, 7, 8, 9, 10]) % 11 }
            try p.requireCheckDigit(8, sum % 10, "the BG check digit")
            return
        }
        let body = p.digits(0..<9)
        let egn = p.hasEGNDate ? CheckDigits.weighted(body, [2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11 % 10 : -1
        let foreigner = CheckDigits.weighted(body, [21, 19, 17, 13, 11, 9, 7, 3, 1]) % 10
        let other = ((11 - CheckDigits.weighted(body, [4, 3, 2, 7, 6, 5, 4, 3, 2])) % 11 + 11) % 11
        try p.requireChecksum(
            [egn, foreigner, other].contains(p.digit(9)), at: 9, "none of the BG 10-digit checks (EGN, PNF, other)")
    }

    private static func czechVAT(_ p: NumberPart) throws(NumberFault) {
        try p.requireLength([8, 9, 10], "a Czech DIČ")
        try p.requireDigits(0..<p.count)
        switch p.count {
        case 8:
            guard p.digit(0) != 9 else { throw NumberFault(.format, at: 0, "an 8-digit DIČ does not start with 9") }
            let check = ((11 - CheckDigits.weighted(p.digits(0..<7), [8, 7, 6, 5, 4, 3, 2])) % 11 + 11) % 11
            try p.requireCheckDigit(7, (check == 0 ? 1 : check) % 10, "the CZ check digit (legal persons)")
        case 9 where p.digit(0) == 6:
            let sum = CheckDigits.weighted(p.digits(1..<8), [8, 7, 6, 5, 4, 3, 2]) % 11
            try p.requireCheckDigit(8, ((8 - (10 - sum) % 11) % 10 + 10) % 10, "the CZ check digit (special numbers)")
        case 9:
            try p.requireBirthNumberDate()  // 9-digit birth numbers (before 1954) have no check digit.
            guard p.value(0..<2) < 54 else { throw NumberFault(.format, at: 0, "9-digit birth numbers end with 1953") }
        default:
            try p.requireBirthNumberDate()
            try p.requireCheckDigit(9, p.value(0..<9) % 11 % 10, "the CZ birth number check digit (mod 11)")
        }
    }

    private static func northernIrishVAT(_ p: NumberPart) throws(NumberFault) {
        if p.count == 5 {
            try p.requireLetter(0, in: "GH")
            try p.requireDigits(2..<5)
            let n = p.value(2..<5)
            let prefix = String(decoding: p.bytes[0..<2], as: UTF8.self)
            guard (prefix == "GD" && n < 500) || (prefix == "HA" && n >= 500) else {
                throw NumberFault(
                    .format, at: 0, "GD numbers are below 500 and HA numbers 500 or above (found \(prefix)\(n))")
            }
            return
        }
        try p.requireLength([5, 9, 12], "a UK VAT number")
        try p.requireDigits(0..<p.count)
        let sum = CheckDigits.weighted(p.digits(0..<9), [8, 7, 6, 5, 4, 3, 2, 10, 1]) % 97
        let accepted = p.value(0..<3) >= 100 ? [0, 42, 55] : [0]
        try p.requireChecksum(accepted.contains(sum), at: 7, "UK mod 97 (weighted sum mod 97 is \(sum))")
    }
}

extension NumberPart {
    /// Whether the first 6 digits are a Bulgarian EGN birth date (`yymmdd`, month + 20 for
    /// the 1800s, + 40 for the 2000s).
    var hasEGNDate: Bool {
        var year = 1900 + value(0..<2)
        var month = value(2..<4)
        if month > 40 {
            year += 100
            month -= 40
        } else if month > 20 {
            year -= 100
            month -= 20
        }
        let day = value(4..<6)
        return (1...12).contains(month) && day >= 1 && day <= Self.days(inMonth: month, year: year)
    }
}
