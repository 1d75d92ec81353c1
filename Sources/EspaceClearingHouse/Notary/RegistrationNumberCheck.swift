/// A registration number that passed the offline checks.
public struct ValidRegistrationNumber: Sendable, Equatable {
    /// What kind of number it is.
    public let type: RegistrationNumberType
    /// The number in normal form: upper case, separators (spaces, `.`, `-`, `/` where the
    /// type allows dropping them) removed; VAT IDs and EORI keep their country prefix.
    public let value: String
    /// ISO 3166-1 alpha-2 country the number belongs to (`GR` for a VAT `EL…`, `GB` for
    /// `XI…`); nil when the number does not tell (LEI, tax id, local number).
    public let countryCode: String?
    /// What was checked: the rule's name, and whether check digits were verified or only the
    /// format.
    public let check: OfflineCheck

    public init(type: RegistrationNumberType, value: String, countryCode: String?, check: OfflineCheck) {
        self.type = type
        self.value = value
        self.countryCode = countryCode
        self.check = check
    }
}

/// The offline rule a number was checked against.
public struct OfflineCheck: Sendable, Equatable {
    /// The rule, e.g. "ISO 17442 (ISO 7064 MOD 97-10)" or "DE VAT: 9 digits, ISO 7064 MOD 11,10".
    public let algorithm: String
    /// True when check digits were verified; false when only the format was (no published
    /// algorithm, or not implemented: see docs/NOTARY.md).
    public let checkDigitsVerified: Bool

    public init(algorithm: String, checkDigitsVerified: Bool) {
        self.algorithm = algorithm
        self.checkDigitsVerified = checkDigitsVerified
    }
}

/// The rule a rejected number broke.
public enum RegistrationNumberRule: String, Sendable, Equatable, CaseIterable {
    /// Nothing left after removing separators.
    case empty
    /// Longer than any number of the type (inputs are bounded before any work).
    case tooLong = "too-long"
    /// A character the type never contains.
    case invalidCharacter = "invalid-character"
    /// The country prefix is not one the type is issued for.
    case unknownCountry = "unknown-country"
    /// The number of characters is not one the type allows.
    case length
    /// A character is of the wrong kind at its place (a letter where a digit must be…), or a
    /// part has a value the format excludes.
    case format
    /// The check digits do not match the rest.
    case checkDigits = "check-digits"
}

/// A registration number that failed the offline checks, with the rule and the place.
public struct InvalidRegistrationNumber: Sendable, Equatable, CustomStringConvertible {
    /// What kind of number was checked.
    public let type: RegistrationNumberType
    /// The rule that failed.
    public let rule: RegistrationNumberRule
    /// 1-based position in `normalized` of the character at fault (for check digits, the
    /// first check character); nil when the fault is not one character (length, empty).
    public let position: Int?
    /// The input after normalisation (upper case, separators removed), in which `position`
    /// counts; cut to 64 characters.
    public let normalized: String
    /// What was wrong, for people.
    public let message: String

    public init(
        type: RegistrationNumberType, rule: RegistrationNumberRule, position: Int?, normalized: String, message: String
    ) {
        self.type = type
        self.rule = rule
        self.position = position
        self.normalized = normalized
        self.message = message
    }

    public var description: String {
        let place = position.map { " at character \($0)" } ?? ""
        return "\(type.rawValue) \(normalized): \(rule.rawValue)\(place): \(message)"
    }
}

/// The outcome of an offline check.
public enum RegistrationNumberCheck: Sendable, Equatable {
    /// The number passed; its normal form, country and the rule applied.
    case valid(ValidRegistrationNumber)
    /// The number failed; the rule and the position.
    case invalid(InvalidRegistrationNumber)

    /// The valid number, or nil.
    public var validNumber: ValidRegistrationNumber? {
        if case .valid(let number) = self { return number }
        return nil
    }

    /// The rejection, or nil.
    public var failure: InvalidRegistrationNumber? {
        if case .invalid(let failure) = self { return failure }
        return nil
    }
}
