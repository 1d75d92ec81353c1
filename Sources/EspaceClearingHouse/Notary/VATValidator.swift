/// The offline rule of one VAT prefix: format and, where the state publishes one, the
/// check-digit algorithm.
struct VATCountryRule: Sendable {
    /// The VIES prefix (`EL` for Greece, `XI` for Northern Ireland).
    let prefix: String
    /// ISO 3166-1 alpha-2 code of the country.
    let countryCode: String
    /// The rule's name, written into evidence.
    let algorithm: String
    /// False where only the format is checked.
    let verifiesCheckDigits: Bool
    /// Checks the national part (after the prefix).
    let check: @Sendable (NumberPart) throws(NumberFault) -> Void
}

/// VAT identification numbers of the 27 EU member states and Northern Ireland (`XI`), checked
/// offline: the 2-letter prefix, the national format and the check digits of every state
/// (see docs/NOTARY.md for each rule).
public enum VATValidator {
    /// The VIES prefixes accepted (`GR` is read as `EL`).
    public static var prefixes: [String] { rules.keys.sorted() }

    /// Checks `raw` (spaces, `.`, `-`, `/` dropped, letters upper-cased). The normalised
    /// value keeps the prefix (`EL` for Greece, also when written `GR`).
    public static func validate(_ raw: String) -> RegistrationNumberCheck {
        let allowed: (UInt8) -> Bool = {
            NumberText.isAlphanumeric($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "*")
        }
        let normalized = NumberText.normalize(raw, dropping: NumberText.separators, allowed: allowed)
        var bytes = normalized.bytes
        if let fault = normalized.fault { return NumberText.invalid(.vatID, fault, in: bytes) }
        let head = NumberPart(bytes)
        for i in 0..<min(2, bytes.count) where !head.isLetter(i) {
            return NumberText.invalid(
                .vatID,
                NumberFault(
                    .format, at: i, "a VAT ID starts with its 2-letter country prefix, found '\(head.char(i))'"),
                in: bytes)
        }
        guard bytes.count > 2 else {
            return NumberText.invalid(.vatID, NumberFault(.length, at: nil, "only a country prefix"), in: bytes)
        }
        var prefix = String(decoding: bytes[0..<2], as: UTF8.self)
        if prefix == "GR" {
            prefix = "EL"
            bytes.replaceSubrange(0..<2, with: Array("EL".utf8))
        }
        guard let rule = rules[prefix] else {
            return NumberText.invalid(
                .vatID,
                NumberFault(
                    .unknownCountry, at: 0,
                    "\(prefix) is not a VAT prefix of an EU member state or XI (Northern Ireland)"),
                in: bytes)
        }
        do throws(NumberFault) {
            try rule.check(NumberPart(bytes[2...]))
        } catch {
            return NumberText.invalid(.vatID, error, in: bytes, offset: 2)
        }
        return .valid(
            ValidRegistrationNumber(
                type: .vatID, value: String(decoding: bytes, as: UTF8.self), countryCode: rule.countryCode,
                check: OfflineCheck(algorithm: rule.algorithm, checkDigitsVerified: rule.verifiesCheckDigits)))
    }

    /// Every rule, by prefix.
    static let rules: [String: VATCountryRule] = {
        var table: [String: VATCountryRule] = [:]
        for rule in westernRules + northernRules + centralEasternRules + southEasternRules { table[rule.prefix] = rule }
        return table
    }()
}

extension NumberPart {
    /// A plausible birth date in Czech and Slovak birth numbers (rodné číslo): `yymmdd`, the
    /// month plus 50 for women and plus 20 for later series; 10-digit numbers date from 1954.
    func requireBirthNumberDate() throws(NumberFault) {
        var year = 1900 + value(0..<2)
        let month = value(2..<4) % 50 % 20
        let day = value(4..<6)
        if count == 10, year < 1954 { year += 100 }
        guard (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, year: year) else {
            throw NumberFault(.format, at: 2, "the birth date \(value(0..<6)) of a birth number is not a date")
        }
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
