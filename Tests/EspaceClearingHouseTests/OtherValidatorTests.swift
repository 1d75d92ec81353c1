import EspaceClearingHouse
import Testing

/// LEI (ISO 17442), EORI, EUID, tax ids and local numbers.
@Suite("Notary: LEI, EORI, EUID, tax id and local number checks")
struct OtherValidatorTests {
    /// LEIs as published in GLEIF records (recalled, not looked up here; a misremembered LEI
    /// passes MOD 97-10 with a chance of 1 in 97): Apple Inc., Deutsche Bank AG, BNP Paribas,
    /// and GLEIF's own documentation example 213800KUD8LAJWSQ9D15.
    static let publishedLEIs = [
        "HWUPKR0MPOU8FGXBT394", "7LTWFZYICNSX8D621K86", "R0MUWSFPU8MPRO8K5P83", "213800KUD8LAJWSQ9D15",
    ]

    @Test(arguments: publishedLEIs)
    func validLEI(_ lei: String) throws {
        let valid = try #require(LEIValidator.validate(lei).validNumber)
        #expect(valid.value == lei)
        #expect(valid.countryCode == nil)
        #expect(valid.check.checkDigitsVerified)
        #expect(valid.check.algorithm.contains("MOD 97-10"))
    }

    @Test(arguments: publishedLEIs)
    func leiWithOneCharacterChanged(_ lei: String) throws {
        var last = Array(lei)
        let digits = Array("0123456789")
        last[19] = digits[((digits.firstIndex(of: last[19]) ?? 0) + 1) % 10]
        let checkChanged = try #require(LEIValidator.validate(String(last)).failure)
        #expect(checkChanged.rule == .checkDigits)
        #expect(checkChanged.position == 19)
        var body = Array(lei)
        body[5] = body[5] == "A" ? "B" : "A"
        let bodyChanged = try #require(LEIValidator.validate(String(body)).failure)
        #expect(bodyChanged.rule == .checkDigits)
        #expect(bodyChanged.message.contains("not 1"))
    }

    @Test func leiFormat() throws {
        #expect(LEIValidator.validate("hwupkr0mpou8fgxbt394").validNumber?.value == "HWUPKR0MPOU8FGXBT394")
        #expect(LEIValidator.validate("HWUP KR0M POU8 FGXB T394").validNumber != nil)
        #expect(LEIValidator.validate("HWUPKR0MPOU8FGXBT39").failure?.rule == .length)
        let letterCheck = try #require(LEIValidator.validate("HWUPKR0MPOU8FGXBT3A4").failure)
        #expect(letterCheck.rule == .format)
        #expect(letterCheck.position == 19)
        let dash = try #require(LEIValidator.validate("HWUPKR0MPOU8-FGXBT394").failure)
        #expect(dash.rule == .invalidCharacter)
        #expect(dash.position == 13)
    }

    @Test func eoriFormat() throws {
        let german = try #require(EORIValidator.validate("DE 1234567890123").validNumber)
        #expect(german.value == "DE1234567890123")
        #expect(german.countryCode == "DE")
        #expect(german.check.checkDigitsVerified == false)
        #expect(EORIValidator.countryName(of: german.value) == "Germany")
        #expect(EORIValidator.validate("GB123456789000").validNumber?.countryCode == "GB")
        #expect(EORIValidator.validate("XI123456789000").validNumber?.countryCode == "GB")
        #expect(EORIValidator.countryName(of: "XI123456789000") == "United Kingdom (Northern Ireland)")
        #expect(EORIValidator.validate("FR54205118000010").validNumber != nil)
        #expect(EORIValidator.validate("DE1234567890123456").failure?.rule == .length)
        #expect(EORIValidator.validate("DE").failure?.rule == .length)
        #expect(EORIValidator.validate("US123456789").failure?.rule == .unknownCountry)
        #expect(EORIValidator.validate("1E123456789").failure?.position == 1)
        #expect(EORIValidator.validate("DE12345_789").failure?.rule == .invalidCharacter)
    }

    @Test func euidFormat() throws {
        let german = try #require(EUIDValidator.validate("DEK1101R.HRB116737").validNumber)
        #expect(german.countryCode == "DE")
        #expect(german.check.checkDigitsVerified == false)
        #expect(EUIDValidator.validate(" nok1234.987654321 ").validNumber?.value == "NOK1234.987654321")
        #expect(EUIDValidator.validate("GBK1101R.HRB116737").failure?.rule == .unknownCountry)
        #expect(EUIDValidator.validate("DEK1101RHRB116737").failure?.rule == .format)
        let emptyRegister = try #require(EUIDValidator.validate("DE.HRB116737").failure)
        #expect(emptyRegister.position == 3)
        #expect(EUIDValidator.validate("DEK1101R.").failure?.rule == .length)
        #expect(EUIDValidator.validate("DEK1-01R.HRB1").failure?.position == 5)
        #expect(EUIDValidator.validate("DEK1101R.HRB 116737").failure?.rule == .invalidCharacter)
        #expect(EUIDValidator.validate("D1K1101R.HRB116737").failure?.position == 2)
    }

    @Test(arguments: [RegistrationNumberType.taxID, .local])
    func freeFormSanity(_ type: RegistrationNumberType) throws {
        let number = try #require(RegistrationNumberValidator.validate("  hrb   116737 ", as: type).validNumber)
        #expect(number.value == "HRB 116737")
        #expect(number.type == type)
        #expect(number.countryCode == nil)
        #expect(number.check.checkDigitsVerified == false)
        #expect(RegistrationNumberValidator.validate("HRB", as: type).failure?.rule == .format)
        #expect(RegistrationNumberValidator.validate("1", as: type).failure?.rule == .length)
        #expect(RegistrationNumberValidator.validate("12<script>", as: type).failure?.rule == .invalidCharacter)
        #expect(
            RegistrationNumberValidator.validate(String(repeating: "9", count: 65), as: type).failure?.rule == .length)
    }

    @Test func dispatchByType() {
        #expect(RegistrationNumberValidator.validate("BE0762747721", as: .vatID).validNumber?.type == .vatID)
        #expect(
            RegistrationNumberValidator.validate("HWUPKR0MPOU8FGXBT394", as: .leiCode).validNumber?.type == .leiCode)
        #expect(RegistrationNumberValidator.validate("BE0762747721", as: .leiCode).failure?.rule == .length)
        #expect(RegistrationNumberType(pathSegment: "country-company-number") == .local)
        #expect(RegistrationNumberType(pathSegment: "vat-id") == .vatID)
        #expect(RegistrationNumberType(pathSegment: "VAT-ID") == nil)
    }
}
