/// Economic Operators Registration and Identification numbers: format only (no published
/// check-digit algorithm covers them; many states reuse their VAT or company number).
public enum EORIValidator {
    /// The rule's name in evidence.
    public static let algorithm =
        "EORI format: ISO country prefix (EU, XI, GB) + 1–15 letters or digits (no check digits)"

    /// Checks `raw` (spaces, `.`, `-`, `/` dropped, upper-cased): a known 2-letter prefix and
    /// 1 to 15 alphanumerics. The country is the prefix's (`GR` for `EL`, `GB` for `XI`).
    public static func validate(_ raw: String) -> RegistrationNumberCheck {
        let (bytes, fault) = NumberText.normalize(
            raw, dropping: NumberText.separators, allowed: NumberText.isAlphanumeric)
        if let fault { return NumberText.invalid(.eori, fault, in: bytes) }
        let part = NumberPart(bytes)
        for i in 0..<min(2, bytes.count) where !part.isLetter(i) {
            return NumberText.invalid(
                .eori,
                NumberFault(.format, at: i, "an EORI starts with a 2-letter country code, found '\(part.char(i))'"),
                in: bytes)
        }
        guard (3...17).contains(bytes.count) else {
            return NumberText.invalid(
                .eori,
                NumberFault(
                    .length, at: nil, "an EORI is a country code and 1 to 15 characters, found \(bytes.count) in all"),
                in: bytes)
        }
        let prefix = String(decoding: bytes[0..<2], as: UTF8.self)
        guard let country = Countries.eoriPrefixes[prefix] else {
            return NumberText.invalid(
                .eori, NumberFault(.unknownCountry, at: 0, "\(prefix) is not an EU member state, XI or GB"), in: bytes)
        }
        return .valid(
            ValidRegistrationNumber(
                type: .eori, value: part.text, countryCode: country.countryCode,
                check: OfflineCheck(algorithm: algorithm, checkDigitsVerified: false)))
    }

    /// The English name of an EORI's country (`gx:country`), from its prefix.
    public static func countryName(of eori: String) -> String? {
        Countries.eoriPrefixes[String(eori.prefix(2))]?.name
    }
}

/// European Unique Identifiers of the Business Registers Interconnection System (Implementing
/// Regulation (EU) 2021/1042): country code, business register identifier, a dot, and the
/// registration number in that register. Format only: the optional verification digit of
/// the regulation is not defined per register, so it is not checked.
public enum EUIDValidator {
    /// The rule's name in evidence.
    public static let algorithm =
        "EUID format (BRIS): EEA country code + register identifier (1–13 letters or digits) + '.' + registration number (1–50 characters)"

    /// Checks `raw` (surrounding spaces dropped, upper-cased; no other separator removed).
    public static func validate(_ raw: String) -> RegistrationNumberCheck {
        let trimmed = raw.trimmingSpaces
        let allowed: (UInt8) -> Bool = { NumberText.isAlphanumeric($0) || "./-".utf8.contains($0) }
        let (bytes, fault) = NumberText.normalize(trimmed, dropping: [], allowed: allowed)
        if let fault { return NumberText.invalid(.euid, fault, in: bytes) }
        let part = NumberPart(bytes)
        do throws(NumberFault) {
            for i in 0..<2 { try part.requireLetter(i) }
            let country = String(decoding: bytes[0..<2], as: UTF8.self)
            guard Countries.europeanUnion[country] != nil || Countries.otherEEA[country] != nil else {
                throw NumberFault(
                    .unknownCountry, at: 0,
                    "\(country) is not an EEA state (BRIS covers the EU, Iceland, Liechtenstein and Norway)")
            }
            guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else {
                throw NumberFault(
                    .format, at: nil, "no '.' between the register identifier and the registration number")
            }
            guard (3...15).contains(dot) else {
                throw NumberFault(.format, at: dot, "the register identifier has 1 to 13 characters, found \(dot - 2)")
            }
            for i in 2..<dot where !NumberText.isAlphanumeric(bytes[i]) {
                throw NumberFault(
                    .format, at: i, "the register identifier is letters and digits, found '\(part.char(i))'")
            }
            let number = bytes.count - dot - 1
            guard (1...50).contains(number) else {
                throw NumberFault(.length, at: nil, "the registration number has 1 to 50 characters, found \(number)")
            }
            guard bytes[(dot + 1)...].contains(where: NumberText.isAlphanumeric) else {
                throw NumberFault(.format, at: dot + 1, "the registration number has no letter or digit")
            }
        } catch {
            return NumberText.invalid(.euid, error, in: bytes)
        }
        return .valid(
            ValidRegistrationNumber(
                type: .euid, value: part.text, countryCode: String(decoding: bytes[0..<2], as: UTF8.self),
                check: OfflineCheck(algorithm: algorithm, checkDigitsVerified: false)))
    }
}

/// Tax identifiers and local (national register) company numbers: their formats differ per
/// country and register, so only sanity is checked.
public enum FreeFormNumberValidator {
    /// The rule's name in evidence.
    public static let algorithm =
        "format sanity only: 2–64 characters, letters, digits, spaces and . - / (at least one digit); no country rule"

    /// Checks `raw` for `type` (`.taxID` or `.local`): surrounding spaces dropped, inner runs
    /// of spaces made one, upper-cased.
    public static func validate(_ raw: String, type: RegistrationNumberType) -> RegistrationNumberCheck {
        let collapsed = raw.trimmingSpaces.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        let allowed: (UInt8) -> Bool = { NumberText.isAlphanumeric($0) || " .-/".utf8.contains($0) }
        let (bytes, fault) = NumberText.normalize(collapsed, dropping: ["\t"], allowed: allowed)
        if let fault { return NumberText.invalid(type, fault, in: bytes) }
        guard (2...64).contains(bytes.count) else {
            return NumberText.invalid(
                type, NumberFault(.length, at: nil, "2 to 64 characters, found \(bytes.count)"), in: bytes)
        }
        guard bytes.contains(where: { $0 >= 48 && $0 <= 57 }) else {
            return NumberText.invalid(
                type, NumberFault(.format, at: nil, "a registration number has at least one digit"), in: bytes)
        }
        return .valid(
            ValidRegistrationNumber(
                type: type, value: String(decoding: bytes, as: UTF8.self), countryCode: nil,
                check: OfflineCheck(algorithm: algorithm, checkDigitsVerified: false)))
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks (no Foundation).
    var trimmingSpaces: String {
        let space: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !space($0) }), let end = lastIndex(where: { !space($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
