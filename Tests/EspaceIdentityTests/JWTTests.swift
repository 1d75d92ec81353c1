import EspaceIdentity
import EspaceJSON
import Testing

@Suite("JWT claims")
struct JWTTests {
    let key: PrivateKey
    let now = 1_800_000_000.0

    init() throws {
        key = try PrivateKey.generate(.es256)
    }

    func token(_ claims: JSONValue) throws -> String {
        try JWS.sign(Array(claims.jsonText.utf8), key: key, header: ["typ": "JWT"])
    }

    func reason(_ claims: JSONValue, _ expectations: JWT.Expectations) throws -> String {
        do {
            _ = try JWT.verify(try token(claims), key: key.publicKey, expectations: expectations)
            return "accepted"
        } catch let error as IdentityError {
            return error.message
        }
    }

    @Test func validTokenIsAccepted() throws {
        let claims: JSONValue = [
            "iss": "did:example:issuer", "aud": ["did:example:verifier"], "exp": .number(JSONNumber(now + 300)),
            "iat": .number(JSONNumber(now)), "jti": "a1",
        ]
        var e = JWT.Expectations(now: now, audience: "did:example:verifier", issuer: "did:example:issuer")
        e.maxLifetime = 600
        let verified = try JWT.verify(try token(claims), key: key.publicKey, expectations: e)
        #expect(verified["jti"] == "a1")
    }

    @Test func everyRejectionSaysWhy() throws {
        let exp = JSONValue.number(JSONNumber(now + 300))
        let base = JWT.Expectations(now: now)
        #expect(try reason(["exp": .number(JSONNumber(now - 120))], base).contains("expired"))
        #expect(try reason(["iss": "x"], base).contains("no \"exp\""))
        #expect(try reason(["exp": exp, "nbf": .number(JSONNumber(now + 120))], base).contains("not valid yet"))
        #expect(try reason(["exp": exp, "iat": .number(JSONNumber(now + 120))], base).contains("issued in the future"))
        #expect(try reason(["exp": "tomorrow"], base).contains("must be a number"))
        #expect(
            try reason(["exp": exp, "aud": "did:example:other"], JWT.Expectations(now: now, audience: "did:example:me"))
                .contains("not addressed to"))
        #expect(
            try reason(["exp": exp, "iss": "did:example:other"], JWT.Expectations(now: now, issuer: "did:example:me"))
                .contains("not issued by"))
        var short = base
        short.maxLifetime = 60
        #expect(try reason(["exp": exp], short).contains("lives longer"))
    }

    @Test func replayedTokenIsRefused() throws {
        let guardian = ReplayGuard()
        let expectations = JWT.Expectations(now: now, replayGuard: guardian)
        let claims: JSONValue = ["exp": .number(JSONNumber(now + 300)), "jti": "once"]
        let jwt = try token(claims)
        _ = try JWT.verify(jwt, key: key.publicKey, expectations: expectations)
        let error = #expect(throws: IdentityError.self) {
            try JWT.verify(jwt, key: key.publicKey, expectations: expectations)
        }
        #expect(error?.message.contains("already used") == true)
        #expect(try reason(["exp": .number(JSONNumber(now + 300))], expectations).contains("no \"jti\""))
        // After expiry the identifier may be forgotten; a full guard refuses rather than forgets.
        let tiny = ReplayGuard(capacity: 1)
        #expect(tiny.record("a", until: now + 10, now: now) == .recorded)
        #expect(tiny.record("b", until: now + 10, now: now) == .full)
        #expect(tiny.record("b", until: now + 30, now: now + 20) == .recorded)
    }
}
