import Foundation

/// A number the notary checked and accepts: the offline result and, when a registry was
/// consulted, its record.
public struct CheckedRegistrationNumber: Sendable, Equatable {
    /// The number as the offline check normalised it.
    public let number: ValidRegistrationNumber
    /// The online registry's record; nil when none is configured for the type.
    public let online: OnlineRecord?
    /// When the checks ran (the evidence's `gx:executionDate`).
    public let checkedAt: Date

    public init(number: ValidRegistrationNumber, online: OnlineRecord?, checkedAt: Date) {
        self.number = number
        self.online = online
        self.checkedAt = checkedAt
    }

    /// The country to write: the registry's when it states one, else the number's own.
    public var countryCode: String? { online?.countryCode ?? number.countryCode }
}

/// The notary's decision on one number: offline check first, then the online registry of
/// the type if one is configured.
public enum NotaryDecision: Sendable, Equatable {
    /// Both checks passed (or the offline one, with no registry configured).
    case accepted(CheckedRegistrationNumber)
    /// The offline check failed (rule and position in `offline`), or the registry does not
    /// know the number: 422.
    case invalid(offline: InvalidRegistrationNumber?, reason: String)
    /// The registry could not answer: 503, retry later. Never read as invalid.
    case retryable(registry: String, reason: String, retryAfterSeconds: Int?)

    /// Decides on `value` as a `type` number at `now`, asking `registries` when one is set
    /// for the type.
    public static func decide(
        _ value: String, as type: RegistrationNumberType, registries: OnlineRegistries, now: Date
    ) async -> NotaryDecision {
        let number: ValidRegistrationNumber
        switch RegistrationNumberValidator.validate(value, as: type) {
        case .invalid(let failure): return .invalid(offline: failure, reason: failure.description)
        case .valid(let valid): number = valid
        }
        guard let registry = registries.registry(for: type) else {
            return .accepted(CheckedRegistrationNumber(number: number, online: nil, checkedAt: now))
        }
        switch await registry.lookUp(number) {
        case .valid(let record):
            return .accepted(CheckedRegistrationNumber(number: number, online: record, checkedAt: now))
        case .invalid(let name, let reason): return .invalid(offline: nil, reason: "\(name): \(number.value) \(reason)")
        case .unavailable(let name, let reason, let retry):
            return .retryable(registry: name, reason: reason, retryAfterSeconds: retry)
        }
    }

    /// The decision as the error a route answers (nil when accepted).
    public var error: NotaryError? {
        switch self {
        case .accepted: return nil
        case .invalid(let offline, let reason): return NotaryError(.invalidNumber, reason, invalidNumber: offline)
        case .retryable(let registry, let reason, let retry):
            return NotaryError(
                .registryUnavailable, "\(registry) is unavailable (\(reason)); the number was not judged, retry later",
                retryAfterSeconds: retry)
        }
    }
}
