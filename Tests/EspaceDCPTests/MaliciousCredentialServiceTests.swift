import EspaceCredentials
import EspaceDCP
import EspaceIdentity
import EspaceJSON
import Testing

/// A verifier facing a credential service that answers whatever it likes (the DCP TCK's
/// verifier cases): each bad answer is refused with its reason.
@Suite("DCP verifier against a dishonest credential service")
struct MaliciousCredentialServiceTests {
    /// Answers every query with a fixed presentation list.
    struct Scripted: HTTPClient {
        var presentations: [JSONValue]
        var status = 200
        func send(_ request: HTTPRequest, limits: HTTPLimits) async throws(IdentityError) -> HTTPResponse {
            let body = PresentationResponseMessage(presentations: presentations).json
            return HTTPResponse(status: status, body: (try? JSONSerializer().serializeBytes(body)) ?? [])
        }
    }

    let space: DataSpace
    init() throws { space = try DataSpace() }

    func failure(_ presentations: [JSONValue], status: Int = 200) async throws -> DCPError? {
        let verifier = DCPVerifier(
            identity: space.verifier.sts, resolver: space.resolver, http: Scripted(presentations: presentations, status: status),
            trustedIssuers: .init(["MembershipCredential": [space.issuer.did]]))
        let authorization = try space.authorization()
        do {
            _ = try await verifier.verify(
                authorization: authorization, scopes: [DCPScope(.credentialType("MembershipCredential"))],
                now: DataSpace.now)
            return nil
        } catch {
            return error
        }
    }

    func presentation(_ credentials: [String], by presenter: TestParticipant? = nil, audience: String? = nil) throws -> JSONValue {
        let presenter = presenter ?? space.holder
        return .string(
            try Presentation.envelop(
                credentials: credentials, holder: presenter.did, key: presenter.key, kid: presenter.kid,
                audience: audience ?? space.verifier.did))
    }

    @Test func anHonestAnswerPasses() async throws {
        #expect(try await failure([try presentation([try space.membership()])]) == nil)
    }

    @Test func anEmptyAnswerIsRefused() async throws {
        #expect(try await failure([]) == .forbidden("the caller presented no MembershipCredential"))
    }

    @Test func aPresentationByAnotherParticipantIsRefused() async throws {
        // Signed by the issuer, who is not the caller.
        let error = try await failure([try presentation([try space.membership()], by: space.issuer)])
        #expect(error?.reason == .wrongIssuer)
    }

    @Test func aCredentialAboutSomeoneElseIsRefused() async throws {
        let error = try await failure([try presentation([try space.membership(subject: "did:web:other.example")])])
        #expect(error?.reason == .wrongIssuer)
        #expect(error?.description.contains("holderBinding") == true, "\(error?.description ?? "")")
    }

    @Test func aPresentationForAnotherVerifierIsRefused() async throws {
        let error = try await failure([try presentation([try space.membership()], audience: "did:web:someone.example")])
        #expect(error?.reason == .wrongAudience)
    }

    @Test func expiredAndForgedCredentialsAreRefused() async throws {
        let expired = try await failure([try presentation([try space.membership(validUntil: "2027-01-01T00:00:00Z")])])
        #expect(expired?.reason == .expired)
        // A membership credential the holder signed itself, naming the issuer as issuer.
        var forged = try space.membership().split(separator: ".").map(String.init)
        let own = try space.membership(signer: space.holder).split(separator: ".").map(String.init)
        forged[2] = own[2]
        let error = try await failure([try presentation([forged.joined(separator: ".")])])
        #expect(error?.reason == .signatureInvalid)
    }

    @Test func unsignedOrFailedAnswersAreRefused() async throws {
        #expect(try await failure([["type": "VerifiablePresentation"]]) == .forbidden("presentation 0 is not a vp+jwt; only enveloped JOSE presentations are accepted"))
        #expect(try await failure([], status: 500)?.status == 502)
    }
}
