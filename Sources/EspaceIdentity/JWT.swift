import EspaceJSON
import Synchronization

/// JSON Web Tokens (RFC 7519): a JWS whose payload is a claims object, verified with the
/// registered claim checks.
public enum JWT {
    /// What a verifier requires of a token's claims.
    public struct Expectations: Sendable {
        /// The verifier's time, in seconds since 1970 (injected, so tests are deterministic).
        public var now: Double
        /// Tolerated clock difference, in seconds.
        public var leeway: Double = 60
        /// The audience the token must name (`aud`), if any.
        public var audience: String?
        /// The issuer the token must name (`iss`), if any.
        public var issuer: String?
        /// Require an `exp` claim (tokens without one are refused).
        public var requireExpiry: Bool = true
        /// Refuse tokens whose lifetime (`exp` − `iat`, or `exp` − now) exceeds this.
        public var maxLifetime: Double?
        /// Records `jti` values until their token expires, refusing a second use.
        public var replayGuard: ReplayGuard?

        public init(now: Double, audience: String? = nil, issuer: String? = nil, replayGuard: ReplayGuard? = nil) {
            self.now = now
            self.audience = audience
            self.issuer = issuer
            self.replayGuard = replayGuard
        }
    }

    /// Verifies the signature with `key`, then the claims; returns the claims.
    public static func verify(
        _ token: String, key: PublicKey, expectations: Expectations,
        allowed: Set<JWSAlgorithm> = Set(JWSAlgorithm.allCases)
    ) throws(IdentityError) -> JSONObject {
        let verified = try JWS.verify(token, key: key, allowed: allowed)
        guard case .object(let claims)? = try? JSONParser().parse(verified.payload) else {
            throw IdentityError("the JWT payload is not a JSON object")
        }
        try check(claims, expectations)
        return claims
    }

    /// The registered claim checks (RFC 7519 §4.1).
    public static func check(_ claims: JSONObject, _ e: Expectations) throws(IdentityError) {
        func time(_ name: String) throws(IdentityError) -> Double? {
            guard let value = claims[name] else { return nil }
            guard case .number(let n) = value, n.doubleValue.isFinite else {
                throw IdentityError("JWT claim \"\(name)\" must be a number of seconds")
            }
            return n.doubleValue
        }
        let exp = try time("exp")
        let nbf = try time("nbf")
        let iat = try time("iat")
        if let exp {
            guard e.now - e.leeway < exp else { throw IdentityError("the JWT expired (exp \(Int(exp)))", reason: .expired) }
        } else if e.requireExpiry {
            throw IdentityError("the JWT has no \"exp\" claim", reason: .malformed)
        }
        if let nbf, e.now + e.leeway < nbf { throw IdentityError("the JWT is not valid yet (nbf \(Int(nbf)))", reason: .notYetValid) }
        if let iat, e.now + e.leeway < iat { throw IdentityError("the JWT was issued in the future (iat \(Int(iat)))", reason: .notYetValid) }
        if let max = e.maxLifetime, let exp, exp - (iat ?? e.now) > max {
            throw IdentityError("the JWT lives longer than the allowed \(Int(max)) s", reason: .limitExceeded)
        }
        if let audience = e.audience {
            let names: [JSONValue] = claims["aud"]?.asArray ?? []
            guard names.contains(.string(audience)) else {
                throw IdentityError("the JWT is not addressed to \(audience) (aud)", reason: .wrongAudience)
            }
        }
        if let issuer = e.issuer {
            guard claims["iss"] == .string(issuer) else { throw IdentityError("the JWT was not issued by \(issuer) (iss)", reason: .wrongIssuer) }
        }
        if let guardian = e.replayGuard {
            guard case .string(let jti)? = claims["jti"], !jti.isEmpty else {
                throw IdentityError("the JWT has no \"jti\" claim, which replay protection needs")
            }
            switch guardian.record(jti, until: (exp ?? e.now) + e.leeway, now: e.now) {
            case .recorded: break
            case .replayed: throw IdentityError("the JWT \"jti\" \(jti) was already used", reason: .replayed)
            case .full: throw IdentityError("the replay guard is full; the JWT cannot be accepted now", reason: .limitExceeded)
            }
        }
    }
}

/// Remembers token identifiers (`jti`) until they expire, so each token is accepted once.
/// Bounded: when full, entries already expired are dropped, and then new ones refused.
public final class ReplayGuard: Sendable {
    private let seen = Mutex<[String: Double]>([:])
    public let capacity: Int

    public init(capacity: Int = 100_000) {
        self.capacity = capacity
    }

    /// What recording an identifier did.
    public enum Outcome: Sendable, Equatable {
        case recorded
        /// The identifier was recorded before and has not expired.
        case replayed
        /// Every slot holds an unexpired identifier.
        case full
    }

    /// Records `jti` as used until `expiry`.
    public func record(_ jti: String, until expiry: Double, now: Double) -> Outcome {
        seen.withLock { seen in
            if let until = seen[jti], until > now { return .replayed }
            if seen.count >= capacity {
                seen = seen.filter { $0.value > now }
                if seen.count >= capacity { return .full }
            }
            seen[jti] = expiry
            return .recorded
        }
    }
}
