import EspaceClearingHouse
import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import EspaceService
import Foundation
import Testing

/// An HTTP client answering from service routes (GET with a fixed path), for tests.
struct RoutesHTTPClient: HTTPClient {
    let routes: [ServiceRoute]
    let base: String

    func send(_ request: HTTPRequest, limits: HTTPLimits) async throws(IdentityError) -> HTTPResponse {
        guard request.url.hasPrefix(base), let route = routes.first(where: { $0.method.rawValue == request.method && base + $0.path == request.url })
        else { return HTTPResponse(status: 404) }
        let answer = await route.handler(ServiceRequest(body: request.body))
        return HTTPResponse(status: answer.status, headers: [(name: "Content-Type", value: answer.contentType)], body: answer.body)
    }
}

/// Revocation: compliance credentials carry a status entry in the clearing house's list; the
/// operator revokes one, and verifiers checking the list refuse it.
@Suite("Compliance credentials are revocable")
struct RevocationTests {
    @Test("a revoked label is refused by a verifier reading the clearing house's list")
    func revocation() async throws {
        let base = "https://ch.example"
        let f = try await ComplianceFixture.make(publicURL: base)
        let issued = try await f.house.compliance.assess(
            try await f.conformingPresentation(), level: .standardCompliance, vcid: "https://ch.example/c/r1", now: ComplianceFixture.now)
        let status = try #require(issued.credential.json["credentialStatus"]?.objectValue)
        #expect(status["statusListCredential"] == .string(base + "/v2/api/status/compliance"))
        let routes = f.house.routes(operatorToken: "op", now: { ComplianceFixture.now })
        let http = RoutesHTTPClient(routes: routes, base: base)
        func check() async -> ComplianceVerifier.Outcome {
            await ComplianceVerifier.fetchingStatus(
                trustedClearingHouses: [f.house.did], resolver: DIDResolvers.offline, http: http, now: ComplianceFixture.now + 60
            ).verify(label: issued.jwt, now: ComplianceFixture.now + 60)
        }
        #expect(await check().isAccepted)

        let revoke = try #require(routes.first { $0.path == "/v2/admin/revocations" })
        let body = Array(#"{"vcid": "https://ch.example/c/r1", "reason": "left the data space"}"#.utf8)
        #expect(await revoke.handler(ServiceRequest(body: body)).status == 401)
        #expect(await revoke.handler(ServiceRequest(headers: ["Authorization": "Bearer op"], body: body)).status == 200)
        let unknown = Array(#"{"vcid": "https://ch.example/c/none"}"#.utf8)
        #expect(await revoke.handler(ServiceRequest(headers: ["Authorization": "Bearer op"], body: unknown)).status == 404)

        let refused = await check()
        #expect(!refused.isAccepted)
        #expect(refused.failures.contains { $0.hasPrefix("status") && $0.contains("revoked") })
    }
}
