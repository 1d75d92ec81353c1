/// The kinds of registration number a Gaia-X notary certifies, as named in the Loire API path
/// `GET /v2/registration-numbers/{type}/{value}` and in the credentials it issues.
public enum RegistrationNumberType: String, Sendable, CaseIterable, Hashable {
    /// A VAT identification number (EU member states and Northern Ireland, `XI`).
    case vatID = "vat-id"
    /// A Legal Entity Identifier (ISO 17442).
    case leiCode = "lei-code"
    /// An Economic Operators Registration and Identification number.
    case eori
    /// A European Unique Identifier (BRIS).
    case euid
    /// A company tax identifier (format sanity only).
    case taxID = "tax-id"
    /// A company number from a national register (format sanity only).
    case local

    /// The type from its path segment (`vat-id`, `lei-code`, `eori`, `euid`, `tax-id`,
    /// `local`; `country-company-number`, the Loire lab notary's name for `local`, too).
    public init?(pathSegment: String) {
        if pathSegment == "country-company-number" {
            self = .local
            return
        }
        self.init(rawValue: pathSegment)
    }

    /// The credential type (`gx:VatID`, `gx:LeiCode`, …) of the Gaia-X 25.11 ontology.
    public var credentialType: String {
        switch self {
        case .vatID: return "gx:VatID"
        case .leiCode: return "gx:LeiCode"
        case .eori: return "gx:EORI"
        case .euid: return "gx:EUID"
        case .taxID: return "gx:TaxID"
        case .local: return "gx:LocalRegistrationNumber"
        }
    }

    /// The subject property holding the number, as the 25.11 shapes name it (`gx:vatID`,
    /// `schema:leiCode`, `gx:eori`, `gx:euid`, `schema:taxID`, `gx:local`).
    public var numberProperty: String {
        switch self {
        case .vatID: return "gx:vatID"
        case .leiCode: return "schema:leiCode"
        case .eori: return "gx:eori"
        case .euid: return "gx:euid"
        case .taxID: return "schema:taxID"
        case .local: return "gx:local"
        }
    }

    /// The credential's human-readable `name` (as the Loire notary writes it for VAT IDs).
    public var displayName: String {
        switch self {
        case .vatID: return "VAT ID"
        case .leiCode: return "LEI Code"
        case .eori: return "EORI"
        case .euid: return "EUID"
        case .taxID: return "Tax ID"
        case .local: return "Local Registration Number"
        }
    }

    /// The credential's `description`.
    public var displayDescription: String {
        switch self {
        case .vatID: return "Value Added Tax Identifier"
        case .leiCode: return "Legal Entity Identifier (ISO 17442)"
        case .eori: return "Economic Operators Registration and Identification number"
        case .euid: return "European Unique Identifier (Business Registers Interconnection System)"
        case .taxID: return "Company tax identifier"
        case .local: return "Company number in a national business register"
        }
    }
}
