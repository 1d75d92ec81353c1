/// A registry's record of a number it knows (what VIES or GLEIF return).
public struct OnlineRecord: Sendable, Equatable {
    /// The registry's name (`VIES`, `GLEIF`, `EORI`…).
    public let registry: String
    /// The service address written as the credential's `gx:evidenceURL`.
    public let evidenceURL: String
    /// ISO 3166-1 alpha-2 country the registry states (GLEIF: the legal address country).
    public let countryCode: String?
    /// ISO 3166-2 subdivision the registry states (GLEIF: `US-DE`…), if any.
    public let subdivisionCode: String?
    /// The legal name the registry holds, if it returns one.
    public let legalName: String?

    public init(
        registry: String, evidenceURL: String, countryCode: String? = nil, subdivisionCode: String? = nil,
        legalName: String? = nil
    ) {
        self.registry = registry
        self.evidenceURL = evidenceURL
        self.countryCode = countryCode
        self.subdivisionCode = subdivisionCode
        self.legalName = legalName
    }
}

/// What an online registry answered about one number.
public enum OnlineRegistryAnswer: Sendable, Equatable {
    /// The registry knows the number (and it is active).
    case valid(OnlineRecord)
    /// The registry answered that the number is not registered, or not active.
    case invalid(registry: String, reason: String)
    /// No answer that settles it: time-out, network failure, a 5xx, or a VIES fault such
    /// as `MS_UNAVAILABLE`, `TIMEOUT`, `SERVER_BUSY`, `GLOBAL_MAX_CONCURRENT_REQ`. The request
    /// may be retried; it is never read as "invalid".
    case unavailable(registry: String, reason: String, retryAfterSeconds: Int?)
}

/// An online registry of registration numbers (VIES for VAT IDs, GLEIF for LEIs, the EU
/// EORI service). Implementations do the I/O (outside this module) and must bound their
/// own time: a time-out is `.unavailable`, not `.invalid`.
public protocol OnlineRegistry: Sendable {
    /// The registry's name, for evidence and errors.
    var name: String { get }
    /// Looks up a number that passed the offline checks.
    func lookUp(_ number: ValidRegistrationNumber) async -> OnlineRegistryAnswer
}

/// Which online registry, if any, confirms each type. The default is `.off`: no network,
/// offline checks only.
public struct OnlineRegistries: Sendable {
    /// The registry consulted for each type; types absent are checked offline only.
    public var byType: [RegistrationNumberType: any OnlineRegistry]

    public init(_ byType: [RegistrationNumberType: any OnlineRegistry] = [:]) {
        self.byType = byType
    }

    /// No online registry (the default).
    public static var off: OnlineRegistries { OnlineRegistries() }

    /// Whether no registry is configured.
    public var isOff: Bool { byType.isEmpty }

    /// The registry for `type`, if one is configured.
    public func registry(for type: RegistrationNumberType) -> (any OnlineRegistry)? { byType[type] }

    /// The service addresses the real registries are reached at, for the HTTP
    /// implementations and the evidence they write (the VIES one as the Loire notary writes it).
    public enum Endpoint {
        /// VIES `checkVatService` (SOAP).
        public static let vies = "http://ec.europa.eu/taxation_customs/vies/services/checkVatService"
        /// GLEIF LEI records API.
        public static let gleif = "https://api.gleif.org/api/v1/lei-records"
        /// The European Commission EORI validation service.
        public static let eori = "https://ec.europa.eu/taxation_customs/dds2/eos/validation/services/validation"
    }
}
