import EspaceDCP
import EspaceIdentity
import EspaceJSON
import Testing

@Suite("DCP self-issued ID tokens")
struct SelfIssuedIDTokenTests {
    let holder: TestParticipant
    let verifier: TestParticipant
    let resolver: StaticResolver
    let now = 1_800_000_000.0

    init() throws {
        holder = try TestParticipant("holder")
        verifier = try TestParticipant("verifier", algorithm: .edDSA)
        resolver = StaticResolver(methods: Dictionary(uniqueKeysWithValues: [holder.entry, verifier.entry]))
    }

    func reason(_ token: String, audience: String? = nil, at time: Double? = nil, guard replay: ReplayGuard = ReplayGuard(), resolver: StaticResolver? = nil) async -> IdentityError.Reason? {
        do {
            _ = try await SelfIssuedIDToken.verify(
                token, audience: audience ?? verifier.did, resolver: resolver ?? self.resolver, now: time ?? now, replayGuard: replay)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func aTokenVerifiesOnceAndCarriesItsAccessToken() async throws {
        let token = try holder.sts.idToken(for: verifier.did, grantingScopes: [try DCPScope(parsing: "org.eclipse.dspace.dcp.vc.type:MembershipCredential")], now: now)
        let replay = ReplayGuard()
        let verified = try await SelfIssuedIDToken.verify(token, audience: verifier.did, resolver: resolver, now: now + 5, replayGuard: replay)
        #expect(verified.participant == holder.did)
        #expect(verified.verificationMethod == holder.kid)
        let access = try #require(verified.accessToken)
        let scopes = try await AccessToken.verify(access, holder: holder.did, verifier: verifier.did, resolver: resolver, now: now + 5)
        #expect(scopes == [try DCPScope(parsing: "org.eclipse.dspace.dcp.vc.type:MembershipCredential:read")])
        // The same token a second time is a replay.
        #expect(await reason(token, at: now + 6, guard: replay) == .replayed)
    }

    @Test func eachRejectionHasItsReason() async throws {
        let token = try holder.sts.idToken(for: verifier.did, now: now)
        #expect(await reason(token, audience: "did:web:someone-else.example") == .wrongAudience)
        #expect(await reason(token, at: now + 3600) == .expired)
        #expect(await reason(token, at: now - 3600) == .notYetValid)
        // iss ≠ sub.
        var claims: JSONObject = ["iss": .string(holder.did), "sub": "did:web:other.example", "aud": .string(verifier.did), "jti": "1", "iat": 1_800_000_000, "exp": 1_800_000_300]
        let mismatched = try JWS.sign(try JSONSerializer().serializeBytes(.object(claims)), key: holder.key, header: ["kid": .string(holder.kid)])
        #expect(await reason(mismatched) == .wrongIssuer)
        // A key that belongs to another DID than sub.
        claims["sub"] = .string(holder.did)
        let foreignKey = try JWS.sign(try JSONSerializer().serializeBytes(.object(claims)), key: verifier.key, header: ["kid": .string(verifier.kid)])
        #expect(await reason(foreignKey) == .wrongIssuer)
        // Signed by another key than the one kid names: forged.
        let forged = try JWS.sign(try JSONSerializer().serializeBytes(.object(claims)), key: try PrivateKey.generate(.es256), header: ["kid": .string(holder.kid)])
        #expect(await reason(forged) == .signatureInvalid)
        // No kid: accepted when the DID has a single capabilityInvocation key, refused when
        // it has several.
        let anonymous = try JWS.sign(try JSONSerializer().serializeBytes(.object(claims)), key: holder.key)
        #expect(await reason(anonymous) == nil)
        var twoKeys = resolver
        twoKeys.methods[holder.did + "#key-2"] = .init(key: try PrivateKey.generate(.es256).publicKey, relationships: [.capabilityInvocation])
        #expect(await reason(anonymous, resolver: twoKeys) == .notAuthorized)
        // A key not listed under capabilityInvocation.
        var limited = resolver
        limited.methods[holder.kid]?.relationships = [.assertionMethod, .authentication]
        #expect(await reason(token, resolver: limited) == .notAuthorized)
        // Garbage.
        #expect(await reason("not.a.token") == .malformed)
    }

    @Test func accessTokensAreBoundToTheirVerifier() async throws {
        let scopes = [try DCPScope(parsing: "org.eclipse.dspace.dcp.vc.type:A")]
        let access = try AccessToken.mint(holder: holder.did, key: holder.key, kid: holder.kid, verifier: verifier.did, scopes: scopes, now: now)
        await #expect(throws: IdentityError.self) {
            _ = try await AccessToken.verify(access, holder: holder.did, verifier: "did:web:thief.example", resolver: resolver, now: now)
        }
        await #expect(throws: IdentityError.self) {
            _ = try await AccessToken.verify(access, holder: holder.did, verifier: verifier.did, resolver: resolver, now: now + 3600)
        }
        // Minted by the verifier itself, claiming to be the holder's: refused.
        let selfGranted = try AccessToken.mint(holder: holder.did, key: verifier.key, kid: holder.kid, verifier: verifier.did, scopes: scopes, now: now)
        do {
            _ = try await AccessToken.verify(selfGranted, holder: holder.did, verifier: verifier.did, resolver: resolver, now: now)
            Issue.record("a self-granted access token was accepted")
        } catch {
            // The verifier's Ed25519 key cannot even claim the holder's P-256 method.
            #expect(error.reason == .keyMismatch)
        }
        let sameType = try PrivateKey.generate(.es256)
        let forged = try AccessToken.mint(holder: holder.did, key: sameType, kid: holder.kid, verifier: verifier.did, scopes: scopes, now: now)
        do {
            _ = try await AccessToken.verify(forged, holder: holder.did, verifier: verifier.did, resolver: resolver, now: now)
            Issue.record("a forged access token was accepted")
        } catch {
            #expect(error.reason == .signatureInvalid)
        }
    }
}
