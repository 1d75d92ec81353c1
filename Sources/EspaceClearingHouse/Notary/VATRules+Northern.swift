/// VAT rules of DK, EE, FI, LT, LV and SE.
extension VATValidator {
    static let northernRules: [VATCountryRule] = [
        VATCountryRule(
            prefix: "DK", countryCode: "DK", algorithm: "DK VAT (CVR): 8 digits, weights 2,7,6,5,4,3,2,1 mod 11 = 0",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength([8], "a Danish CVR number")
            try p.requireDigits(0..<8)
            guard p.digit(0) != 0 else { throw NumberFault(.format, at: 0, "a CVR number does not start with 0") }
            try p.requireChecksum(
                CheckDigits.weighted(p.allDigits, [2, 7, 6, 5, 4, 3, 2, 1]) % 11 == 0, at: 7, "DK mod 11")
        },
        VATCountryRule(
            prefix: "EE", countryCode: "EE", algorithm: "EE VAT (KMKR): 9 digits starting 10, weights 3,7,1 mod 10 = 0",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength([9], "an Estonian KMKR number")
            try p.requireDigits(0..<9)
            guard p.value(0..<2) == 10 else {
                throw NumberFault(.format, at: 0, "an Estonian KMKR number starts with 10")
            }
            try p.requireChecksum(
                CheckDigits.weighted(p.allDigits, [3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 == 0, at: 8, "EE mod 10")
        },
        VATCountryRule(
            prefix: "FI", countryCode: "FI", algorithm: "FI VAT (ALV): 8 digits, weights 7,9,10,5,8,4,2,1 mod 11 = 0",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength([8], "a Finnish ALV number")
            try p.requireDigits(0..<8)
            try p.requireChecksum(
                CheckDigits.weighted(p.allDigits, [7, 9, 10, 5, 8, 4, 2, 1]) % 11 == 0, at: 7, "FI mod 11")
        },
        VATCountryRule(
            prefix: "LT", countryCode: "LT",
            algorithm:
                "LT VAT (PVM): 9 digits (8th is 1) or 12 digits (11th is 1), weights 1…9 mod 11 (second pass 3…9,1,2)",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength([9, 12], "a Lithuanian PVM code")
            try p.requireDigits(0..<p.count)
            let marker = p.count == 9 ? 7 : 10
            guard p.digit(marker) == 1 else { throw NumberFault(.format, at: marker, "this digit of a PVM code is 1") }
            let body = p.digits(0..<(p.count - 1))
            var sum = body.enumerated().reduce(0) { $0 + (1 + $1.offset % 9) * $1.element } % 11
            if sum == 10 { sum = body.enumerated().reduce(0) { $0 + (1 + ($1.offset + 2) % 9) * $1.element } }
            try p.requireCheckDigit(p.count - 1, sum % 11 % 10, "the LT check digit")
        },
        VATCountryRule(
            prefix: "LV", countryCode: "LV",
            algorithm:
                "LV VAT (PVN): 11 digits; legal persons (first digit > 3) weights 9,1,4,8,3,10,2,5,7,6,1 mod 11 = 3, natural persons 10,5,8,4,2,1,6,3,7,9",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength([11], "a Latvian PVN number")
            try p.requireDigits(0..<11)
            if p.digit(0) > 3 {
                let sum = CheckDigits.weighted(p.allDigits, [9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1])
                try p.requireChecksum(sum % 11 == 3, at: 10, "LV mod 11 (legal persons)")
            } else {
                let sum = 1 + CheckDigits.weighted(p.digits(0..<10), [10, 5, 8, 4, 2, 1, 6, 3, 7, 9])
                try p.requireCheckDigit(10, sum % 11 % 10, "the LV personal code check digit")
            }
        },
        VATCountryRule(
            prefix: "SE", countryCode: "SE", algorithm: "SE VAT (momsnr): 10-digit organisation number (Luhn) + 01",
            verifiesCheckDigits: true
        ) { p throws(NumberFault) in
            try p.requireLength([12], "a Swedish VAT number (10 digits + 01)")
            try p.requireDigits(0..<12)
            guard p.value(10..<12) == 1 else { throw NumberFault(.format, at: 10, "a Swedish VAT number ends with 01") }
            try p.requireChecksum(
                CheckDigits.luhnValid(p.digits(0..<10)), at: 9, "the Luhn check of the organisation number")
        },
    ]
}
