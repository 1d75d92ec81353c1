import EspaceClearingHouse
import Testing

/// VAT identification numbers: every member state and XI, valid numbers and the same numbers
/// with one character changed.
@Suite("Notary: VAT ID offline checks")
struct VATValidatorTests {
    /// Numbers of companies as published (company registers, invoices, the live Loire notary
    /// credential's BE0762747721, documentation examples), recalled rather than looked up
    /// here: their check digits verify, which a misremembered number would do only by a 1 in
    /// 10 to 1 in 97 chance. Each is paired with the same number with its check character
    /// (SE: the last digit before 01; NL: the last digit before B) changed.
    static let published: [(valid: String, changed: String)] = [
        ("ATU16370905", "ATU16370906"),
        ("ATU13585627", "ATU13585628"),
        ("BE0762747721", "BE0762747722"),
        ("BE0403019261", "BE0403019262"),
        ("BG831642181", "BG831642182"),
        ("BG175074752", "BG175074753"),
        ("CY10259033P", "CY10259033Q"),
        ("CZ00177041", "CZ00177042"),
        ("CZ45274649", "CZ45274640"),
        ("CZ25123891", "CZ25123892"),
        ("DE143454214", "DE143454215"),
        ("DE811128135", "DE811128136"),
        ("DE136695976", "DE136695977"),
        ("DK24256790", "DK24256791"),
        ("DK61056416", "DK61056417"),
        ("DK13585628", "DK13585629"),
        ("EE100931558", "EE100931559"),
        ("EL094014201", "EL094014202"),
        ("EL094259216", "EL094259217"),
        ("ESA28015865", "ESA28015866"),
        ("ESA48010615", "ESA48010616"),
        ("ESB58378431", "ESB58378432"),
        ("FI01120389", "FI01120380"),
        ("FI20774740", "FI20774741"),
        ("FR59542051180", "FR59542051181"),
        ("FR40303265045", "FR40303265046"),
        ("FRK7399859412", "FRK7399859413"),
        ("HR81793146560", "HR81793146561"),
        ("HR33392005961", "HR33392005962"),
        ("HU10625790", "HU10625791"),
        ("HU12892312", "HU12892313"),
        ("IE6388047V", "IE6388047W"),
        ("IE8256796U", "IE8256796V"),
        ("IE6433435OA", "IE6433435PA"),
        ("IE8D79739I", "IE8D79739J"),
        ("IT00811720580", "IT00811720581"),
        ("IT00488410010", "IT00488410011"),
        ("IT00743110157", "IT00743110158"),
        ("LT100001919017", "LT100001919018"),
        ("LT119511515", "LT119511516"),
        ("LU20260743", "LU20260744"),
        ("LU15027442", "LU15027443"),
        ("LV40003032949", "LV40003032940"),
        ("LV40003521600", "LV40003521601"),
        ("MT11679112", "MT11679113"),
        ("MT15121333", "MT15121334"),
        ("NL004495445B01", "NL004495446B01"),
        ("NL002455799B11", "NL002455790B11"),
        ("PL7740001454", "PL7740001455"),
        ("PL5260250274", "PL5260250275"),
        ("PL8567346215", "PL8567346216"),
        ("PT500697256", "PT500697257"),
        ("PT503504564", "PT503504565"),
        ("PT501964843", "PT501964844"),
        ("RO1590082", "RO1590083"),
        ("RO14399840", "RO14399841"),
        ("RO18547290", "RO18547291"),
        ("SE556012579001", "SE556012579101"),
        ("SE123456789701", "SE123456789801"),
        ("SI82646716", "SI82646717"),
        ("SI50223054", "SI50223055"),
        ("SK2020317068", "SK2020317069"),
        ("SK2022749619", "SK2022749610"),
        ("XI980780684", "XI980780685"),
    ]

    /// Numbers constructed here (check characters computed from the algorithm) to reach the
    /// branches published numbers do not: IE old form and two-letter form, FR alphanumeric
    /// keys, ES DNI/NIE/CIF-letter/K forms, BG 10-digit (EGN), CZ birth and special numbers,
    /// LV natural persons, LT 12 digits, XI branch and government numbers, NL MOD 97-10.
    static let constructed: [(valid: String, changed: String?)] = [
        ("IE8Z49289F", "IE8Z49289G"),
        ("IE1234567WH", "IE1234567AH"),
        ("FRA3542051180", "FRA3542051181"),
        ("FRB5542051180", "FRB5542051181"),
        ("ES12345678Z", "ES12345678A"),
        ("ESX1234567L", "ESX1234567M"),
        ("ESB12345674", "ESB12345675"),
        ("ESP1234567D", "ESP1234567E"),
        ("ESK1234567L", "ESK1234567M"),
        ("BG7523169263", "BG7523169264"),
        ("CZ7103192745", "CZ7103192746"),
        ("CZ640056701", "CZ640056702"),
        ("LV16127010203", "LV16127010204"),
        ("LT100000000013", "LT100000000014"),
        ("XI980780684001", "XI980780685001"),
        ("XIGD001", nil),
        ("XIHA599", nil),
        ("NL100000024B01", "NL100000025B01"),
    ]

    @Test(arguments: published.map(\.valid) + constructed.map(\.valid))
    func validNumbers(_ number: String) throws {
        let valid = try #require(VATValidator.validate(number).validNumber, "\(VATValidator.validate(number))")
        #expect(valid.value == number)
        #expect(valid.type == .vatID)
        #expect(valid.check.checkDigitsVerified)
        #expect(valid.countryCode?.count == 2)
    }

    @Test(arguments: published.map(\.changed) + constructed.compactMap(\.changed))
    func oneCharacterChanged(_ number: String) throws {
        let failure = try #require(VATValidator.validate(number).failure, "\(number) was accepted")
        #expect(failure.rule == .checkDigits, "\(failure)")
        let position = try #require(failure.position)
        #expect(position > 2 && position <= number.count)
    }

    @Test func everyMemberStateAndNorthernIrelandHasACheckDigitRule() {
        let expected = [
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU",
            "LV",
            "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI",
        ]
        #expect(VATValidator.prefixes == expected)
        let tested = Set((Self.published.map(\.valid) + Self.constructed.map(\.valid)).map { String($0.prefix(2)) })
        #expect(tested == Set(expected))
    }

    @Test func normalisationDropsSeparatorsAndUpperCases() throws {
        let valid = try #require(VATValidator.validate(" be 0762.747.721 ").validNumber)
        #expect(valid.value == "BE0762747721")
        #expect(valid.countryCode == "BE")
        let greek = try #require(VATValidator.validate("GR094014201").validNumber)
        #expect(greek.value == "EL094014201")
        #expect(greek.countryCode == "GR")
        #expect(VATValidator.validate("XI980780684").validNumber?.countryCode == "GB")
    }

    @Test func checkDigitFailureNamesTheCheckCharacter() throws {
        let de = try #require(VATValidator.validate("DE143454215").failure)
        #expect(de.rule == .checkDigits)
        #expect(de.position == 11)
        #expect(de.message.contains("MOD 11,10"))
        #expect(de.message.contains("'4'") && de.message.contains("'5'"))
        let be = try #require(VATValidator.validate("BE0762747722").failure)
        #expect(be.position == 11)
        let es = try #require(VATValidator.validate("ESB58378432").failure)
        #expect(es.position == 11)
        #expect(es.message.contains("'1' or 'A'"))
    }

    @Test func formatFailuresNameTheCharacter() throws {
        let letter = try #require(VATValidator.validate("DE14345X214").failure)
        #expect(letter.rule == .format)
        #expect(letter.position == 8)
        let austrian = try #require(VATValidator.validate("AT16370905X").failure)
        #expect(austrian.rule == .format)
        #expect(austrian.position == 3)
        let office = try #require(VATValidator.validate("IT00811722000").failure)
        #expect(office.rule == .format)
        #expect(office.position == 10)
        let swedish = try #require(VATValidator.validate("SE556012579002").failure)
        #expect(swedish.rule == .format)
        #expect(swedish.position == 13)
        let prefix = try #require(VATValidator.validate("0762747721").failure)
        #expect(prefix.rule == .format)
        #expect(prefix.position == 1)
    }

    @Test func lengthUnknownCountryAndCharacters() throws {
        let short = try #require(VATValidator.validate("DE14345421").failure)
        #expect(short.rule == .length)
        #expect(short.position == nil)
        let unknown = try #require(VATValidator.validate("GB980780684").failure)
        #expect(unknown.rule == .unknownCountry)
        #expect(unknown.position == 1)
        let swiss = try #require(VATValidator.validate("CHE123456789").failure)
        #expect(swiss.rule == .unknownCountry)
        let accent = try #require(VATValidator.validate("DE14345é4214").failure)
        #expect(accent.rule == .invalidCharacter)
        #expect(accent.position == 8)
        let empty = try #require(VATValidator.validate(" - . ").failure)
        #expect(empty.rule == .empty)
        let long = try #require(VATValidator.validate(String(repeating: "1", count: 200)).failure)
        #expect(long.rule == .tooLong)
        let prefixOnly = try #require(VATValidator.validate("DE").failure)
        #expect(prefixOnly.rule == .length)
    }

    @Test func branchRules() throws {
        // NL: the 11-test number fails once its suffix is 00.
        #expect(VATValidator.validate("NL004495445B00").failure?.rule == .format)
        // EE: KMKR numbers start with 10.
        #expect(VATValidator.validate("EE200931558").failure?.position == 3)
        // XI government departments: GD below 500, HA from 500.
        #expect(VATValidator.validate("XIGD599").failure?.rule == .format)
        #expect(VATValidator.validate("XIHA001").failure?.rule == .format)
        // CZ: 8-digit DIČ never starts with 9; birth numbers carry a date.
        #expect(VATValidator.validate("CZ95123891").failure?.position == 3)
        #expect(VATValidator.validate("CZ7113192745").failure?.rule == .format)
        // CY: no number starts with 12.
        #expect(VATValidator.validate("CY12259033P").failure?.rule == .format)
        // BG: a 10-digit number whose EGN check digit fits but whose birth date (month 20) does not.
        #expect(VATValidator.validate("BG7020271170").failure?.rule == .checkDigits)
        // ES: a first letter no NIF uses.
        #expect(VATValidator.validate("ESI28015865").failure?.position == 3)
    }
}
