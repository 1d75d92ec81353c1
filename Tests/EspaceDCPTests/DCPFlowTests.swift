import EspaceCredentials
import EspaceDCP
import EspaceIdentity
import EspaceJSON
import Foundation
import Testing

/// The DCP presentation flow end to end: holder → verifier → holder's credential service.
@Suite("DCP presentation flow")
struct DCPFlowTests {
    let space: DataSpace
    init() throws { space = try DataSpace() }

    var membership: [DCPScope] { [DCPScope(.credentialType("MembershipCredential"))] }

    func failure(_ verifier: DCPVerifier, authorization: String?, scopes: [DCPScope]? = nil) async -> DCPError? {
        do {
            _ = try await verifier.verify(authorization: authorization, scopes: scopes ?? membership, now: DataSpace.now)
            return nil
        } catch {
            return error
        }
    }

    @Test func aMemberIsVerifiedAndTheResultCached() async throws {
        try await space.credentialService.store(try space.membership(), now: DataSpace.now)
        let verifier = space.dcpVerifier()
        let result = try await verifier.verify(authorization: try space.authorization(), scopes: membership, now: DataSpace.now)
        #expect(result.participant == space.holder.did)
        #expect(result.credentials(ofType: "MembershipCredential").count == 1)
        #expect(result.credentials.first?.issuer == space.issuer.did)
        #expect(result.credentials.first?.subjects.first?["memberOf"] == "https://dataspace.example")
        #expect(space.network.requestCount == 1)
        // A second request (new ID token) is answered from the presentation cache.
        _ = try await verifier.verify(authorization: try space.authorization(), scopes: membership, now: DataSpace.now + 10)
        #expect(space.network.requestCount == 1)
        // After the time-to-live, the credential service is asked again.
        space.network.setNow(DataSpace.now + 400)
        _ = try await verifier.verify(
            authorization: try space.authorization(at: DataSpace.now + 400), scopes: membership, now: DataSpace.now + 400)
        #expect(space.network.requestCount == 2)
    }

    @Test func untrustedIssuersAreRefused() async throws {
        let stranger = try TestParticipant("stranger")
        try await space.credentialService.store(try space.membership(), now: DataSpace.now)
        let error = await failure(space.dcpVerifier(trusting: [stranger.did]), authorization: try space.authorization())
        #expect(error?.reason == .untrustedIssuer)
        #expect(error?.status == 401)
    }

    @Test func scopesNotGrantedGetNoCredentials() async throws {
        try await space.credentialService.store(try space.membership(), now: DataSpace.now)
        // The holder grants another type only: the credential service returns nothing for
        // MembershipCredential, and the verifier refuses.
        let authorization = try space.authorization(granting: ["org.eclipse.dspace.dcp.vc.type:OtherCredential:read"])
        let error = await failure(space.dcpVerifier(), authorization: authorization)
        #expect(error == .forbidden("the caller presented no MembershipCredential"))
    }

    @Test func expiredCredentialsAreNotPresented() async throws {
        try await space.credentialService.store(try space.membership(validUntil: "2027-01-01T00:00:00Z"), now: 1_790_000_000)
        let error = await failure(space.dcpVerifier(), authorization: try space.authorization())
        #expect(error == .forbidden("the caller presented no MembershipCredential"))
    }

    @Test func requestsWithoutABearerTokenAreUnauthorized() async throws {
        let verifier = space.dcpVerifier()
        #expect(await failure(verifier, authorization: nil)?.status == 401)
        let token = try space.holder.sts.idToken(for: space.verifier.did, grantingScopes: membership, now: DataSpace.now)
        #expect(await failure(verifier, authorization: token)?.reason == .malformed)
        // A token addressed to someone else.
        let elsewhere = try space.holder.sts.idToken(for: space.issuer.did, grantingScopes: membership, now: DataSpace.now)
        #expect(await failure(verifier, authorization: "Bearer " + elsewhere)?.reason == .wrongAudience)
        // No access token inside.
        let bare = try space.holder.sts.idToken(for: space.verifier.did, now: DataSpace.now)
        #expect(await failure(verifier, authorization: "Bearer " + bare)?.reason == .notAuthorized)
    }

    @Test func credentialsAboutSomeoneElseAreRefused() async throws {
        // The wallet refuses to store them…
        await #expect(throws: IdentityError.self) {
            try await space.credentialService.store(try space.membership(subject: "did:web:other.example"), now: DataSpace.now)
        }
    }

    @Test func revokedCredentialsAreRefused() async throws {
        var list = try StatusList()
        try list.set(7)
        let listURL = "https://issuer.example/status/1"
        let listCredential = StatusListCredential.build(id: listURL, issuer: space.issuer.did, purpose: .revocation, list: list)
        struct Source: StatusListCredentialSource {
            var credentials: [String: JSONObject]
            func statusListCredential(at url: String) async throws(IdentityError) -> JSONObject {
                guard let c = credentials[url] else { throw IdentityError("no list at \(url)", reason: .resolutionFailed) }
                return c
            }
        }
        let checker = StatusListChecker(source: Source(credentials: [listURL: listCredential]))
        func entry(_ index: Int) -> JSONObject {
            ["id": .string("\(listURL)#\(index)"), "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
             "statusListIndex": .string(String(index)), "statusListCredential": .string(listURL)]
        }
        try await space.credentialService.store(try space.membership(status: entry(7)), now: DataSpace.now)
        let error = await failure(space.dcpVerifier(statusChecker: checker), authorization: try space.authorization())
        #expect(error?.reason == .revoked)
        // The same with a clear bit passes.
        let other = try DataSpace()
        try await other.credentialService.store(try other.membership(status: entry(8)), now: DataSpace.now)
        let verifier = DCPVerifier(
            identity: other.verifier.sts, resolver: other.resolver, http: other.network,
            trustedIssuers: .init(["MembershipCredential": [other.issuer.did]]),
            statusChecker: StatusListChecker(source: Source(credentials: [listURL: StatusListCredential.build(id: listURL, issuer: other.issuer.did, purpose: .revocation, list: list)])))
        let result = try await verifier.verify(authorization: try other.authorization(), scopes: membership, now: DataSpace.now)
        #expect(result.credentials.count == 1)
    }
}

/// The credential service's resolution API on its own.
@Suite("DCP credential service")
struct CredentialServiceTests {
    let space: DataSpace
    init() throws { space = try DataSpace() }

    /// The ID token a verifier sends to the holder's credential service.
    func verifierToken(granting scopes: [String] = [DataSpace.membership], grantee: TestParticipant? = nil) throws -> String {
        let parsed = try scopes.map { try DCPScope(parsing: $0) }
        let access = try AccessToken.mint(
            holder: space.holder.did, key: space.holder.key, kid: space.holder.kid, verifier: (grantee ?? space.verifier).did,
            scopes: parsed, now: DataSpace.now)
        return "Bearer " + (try space.verifier.sts.idToken(for: space.holder.did, forwarding: access, now: DataSpace.now))
    }

    static let context: JSONValue = ["https://w3id.org/dspace-dcp/v1.0/dcp.jsonld"]

    func query(_ body: JSONValue, authorization: String?) async -> (status: Int, body: JSONValue) {
        await space.credentialService.handleQuery(authorization: authorization, body: body, now: DataSpace.now)
    }

    @Test func answersAScopedQueryWithOnePresentationForTheVerifier() async throws {
        try await space.credentialService.store(try space.membership(), now: DataSpace.now)
        try await space.credentialService.store(try space.membership(type: "OtherCredential"), now: DataSpace.now)
        let answer = await query(
            ["@context": Self.context, "type": "PresentationQueryMessage", "scope": [.string(DataSpace.membership)]],
            authorization: try verifierToken())
        #expect(answer.status == 200)
        let response = try PresentationResponseMessage(json: answer.body)
        #expect(response.presentations.count == 1)
        let jwt = try #require(response.presentations.first?.stringValue)
        let decoded = try EnvelopedPresentation.decode(jwt)
        #expect(decoded.credentials.map { $0.credential.types } == [["VerifiableCredential", "MembershipCredential"]])
        let verified = try await EnvelopedPresentation.verify(
            jwt, resolver: space.resolver, expectations: .init(audience: space.verifier.did))
        #expect(verified.presentation.holderID == space.holder.did)
    }

    @Test func escalatedScopesAreDroppedNotAnswered() async throws {
        try await space.credentialService.store(try space.membership(type: "OtherCredential"), now: DataSpace.now)
        let answer = await query(
            ["@context": Self.context, "type": "PresentationQueryMessage",
             "scope": [.string(DataSpace.membership), "org.eclipse.dspace.dcp.vc.type:OtherCredential:read"]],
            authorization: try verifierToken())
        #expect(answer.status == 200)
        #expect(try PresentationResponseMessage(json: answer.body).presentations.isEmpty)
    }

    @Test func protocolErrorsHaveTheirStatus() async throws {
        let token = try verifierToken()
        let definition: JSONValue = ["@context": Self.context, "type": "PresentationQueryMessage", "presentationDefinition": ["id": "x"]]
        #expect(await query(definition, authorization: token).status == 501)
        let both: JSONValue = ["@context": Self.context, "type": "PresentationQueryMessage", "scope": ["a:b"], "presentationDefinition": ["id": "x"]]
        #expect(await query(both, authorization: try verifierToken()).status == 400)
        let empty: JSONValue = ["@context": Self.context, "type": "PresentationQueryMessage", "scope": []]
        #expect(await query(empty, authorization: try verifierToken()).status == 400)
        let valid: JSONValue = ["@context": Self.context, "type": "PresentationQueryMessage", "scope": [.string(DataSpace.membership)]]
        #expect(await query(valid, authorization: nil).status == 401)
        // An access token granted to another verifier.
        let stolen = try verifierToken(grantee: space.issuer)
        let answer = await query(valid, authorization: stolen)
        #expect(answer.status == 401)
        #expect(answer.body["error"] == "wrongAudience")
        // The same ID token twice is a replay.
        let once = try verifierToken()
        #expect(await query(valid, authorization: once).status == 200)
        let replayed = await query(valid, authorization: once)
        #expect(replayed.status == 401)
        #expect(replayed.body["error"] == "replayed")
    }
}
