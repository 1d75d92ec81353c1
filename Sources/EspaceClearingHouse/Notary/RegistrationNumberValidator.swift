/// The offline check of any registration number type.
public enum RegistrationNumberValidator {
    /// Checks `value` as a number of `type`, offline (no network).
    public static func validate(_ value: String, as type: RegistrationNumberType) -> RegistrationNumberCheck {
        switch type {
        case .vatID: return VATValidator.validate(value)
        case .leiCode: return LEIValidator.validate(value)
        case .eori: return EORIValidator.validate(value)
        case .euid: return EUIDValidator.validate(value)
        case .taxID, .local: return FreeFormNumberValidator.validate(value, type: type)
        }
    }
}
