import EspaceIdentity
import EspaceJSON
import Foundation

/// Fetches status list credentials: an injected function that returns the list credential
/// at a URL, already verified (signature, issuer) by the caller's credential verifier.
public protocol StatusListCredentialSource: Sendable {
    /// The verified status list credential at `url`.
    func statusListCredential(at url: String) async throws(IdentityError) -> JSONObject
}

/// The status an entry has in its list.
public enum CredentialStatusValue: Sendable, Equatable {
    /// The bit is clear.
    case ok
    /// A revocation list has the bit set.
    case revoked
    /// A suspension list has the bit set.
    case suspended
    /// A message list holds this value.
    case message(Int)
    /// A refresh list has the bit set: a fresher credential exists.
    case refreshAvailable
}

/// Checks credential status entries against their status lists, with a bounded cache that
/// keeps each list until its `validUntil` or `ttl` (or `defaultTTL`) runs out.
public actor StatusListChecker {
    private struct CacheEntry {
        var credential: StatusListCredential
        var expires: Date
        var stored: Date
    }

    private let source: any StatusListCredentialSource
    /// Most lists cached; the oldest goes first.
    public let maxCacheEntries: Int
    /// How long a list is cached when it states neither `ttl` nor `validUntil`, in seconds.
    public let defaultTTL: TimeInterval
    /// Smallest bitstring accepted (the specification's 16 KiB by default).
    public let minimumBytes: Int
    private var cache: [String: CacheEntry] = [:]

    /// A checker fetching lists from `source`.
    public init(
        source: any StatusListCredentialSource, maxCacheEntries: Int = 256, defaultTTL: TimeInterval = 300,
        minimumBytes: Int = StatusList.minimumEntries / 8
    ) {
        self.source = source
        self.maxCacheEntries = max(1, maxCacheEntries)
        self.defaultTTL = defaultTTL
        self.minimumBytes = minimumBytes
    }

    /// How many lists are cached.
    public var cachedCount: Int { cache.count }

    /// The status of `entry` at time `now`.
    public func status(of entry: StatusListEntry, now: Date) async throws(IdentityError) -> CredentialStatusValue {
        let list = try await listCredential(entry.statusListCredential, statusSize: entry.statusSize, now: now)
        if let validFrom = list.validFrom, validFrom > now {
            throw IdentityError("the status list \(entry.statusListCredential) is not valid yet", reason: .notYetValid)
        }
        if let validUntil = list.validUntil, validUntil <= now {
            throw IdentityError("the status list \(entry.statusListCredential) has expired", reason: .expired)
        }
        guard list.purposes.contains(entry.statusPurpose.rawValue) else {
            throw IdentityError(
                "the status list \(entry.statusListCredential) serves \(list.purposes), not \"\(entry.statusPurpose.rawValue)\"")
        }
        guard list.list.statusSize == entry.statusSize else {
            throw IdentityError("the status list's entry size differs from the entry's statusSize")
        }
        let value = try list.list.value(at: entry.statusListIndex)
        switch entry.statusPurpose {
        case .message: return .message(value)
        case _ where value == 0: return .ok
        case .revocation: return .revoked
        case .suspension: return .suspended
        case .refresh: return .refreshAvailable
        }
    }

    /// Checks every status list entry of `credential`; throws `.revoked` when one is revoked
    /// or suspended, and returns the statuses otherwise.
    public func requireActive(_ credential: JSONObject, now: Date) async throws(IdentityError) -> [CredentialStatusValue] {
        var values: [CredentialStatusValue] = []
        for entry in try StatusListEntry.entries(of: credential) {
            let value = try await status(of: entry, now: now)
            switch value {
            case .revoked:
                throw IdentityError(
                    "the credential is revoked (index \(entry.statusListIndex) of \(entry.statusListCredential))", reason: .revoked)
            case .suspended:
                throw IdentityError(
                    "the credential is suspended (index \(entry.statusListIndex) of \(entry.statusListCredential))", reason: .revoked)
            default: values.append(value)
            }
        }
        return values
    }

    private func listCredential(_ url: String, statusSize: Int, now: Date) async throws(IdentityError) -> StatusListCredential {
        if let cached = cache[url], cached.expires > now, cached.credential.list.statusSize == statusSize {
            return cached.credential
        }
        let json = try await source.statusListCredential(at: url)
        let credential = try StatusListCredential(json: json, statusSize: statusSize, minimumBytes: minimumBytes)
        var expires = now.addingTimeInterval(credential.ttl ?? defaultTTL)
        if let validUntil = credential.validUntil { expires = min(expires, validUntil) }
        if cache[url] == nil, cache.count >= maxCacheEntries,
            let oldest = cache.min(by: { $0.value.stored < $1.value.stored })?.key
        {
            cache[oldest] = nil
        }
        cache[url] = CacheEntry(credential: credential, expires: expires, stored: now)
        return credential
    }
}
