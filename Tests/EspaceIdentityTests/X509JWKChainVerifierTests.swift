import EspaceIdentity
import EspaceJSON
import Foundation
import Testing

@Suite("X.509 JWK chain verification (x5c, x5u)")
struct X509JWKChainVerifierTests {
    static let url = "https://participant.example/.well-known/x509CertificateChain.pem"

    let fixtures: X509Fixtures
    let key: PublicKey
    let chain: CertificateChain

    init() throws {
        fixtures = try X509Fixtures()
        // RSA with PS256, as Gaia-X participants use.
        key = try PrivateKey.generate(.ps256).publicKey
        chain = try fixtures.chain(for: key, policies: ["2.23.140.1.1"])
    }

    func verify(_ jwk: JSONObject, http: TableHTTPClient? = nil) async throws(IdentityError) -> CertificateSummary {
        try await JWKChainVerifier.verify(
            jwk: jwk, anchors: fixtures.anchors, options: .gaiaXProduction(validationTime: fixtures.now), http: http)
    }

    func expectRejection(
        _ reason: IdentityError.Reason, _ jwk: JSONObject, http: TableHTTPClient? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async {
        do {
            _ = try await verify(jwk, http: http)
            Issue.record("accepted", sourceLocation: sourceLocation)
        } catch {
            #expect(error.reason == reason, "\(error.message)", sourceLocation: sourceLocation)
        }
    }

    @Test func x5cChainWithTheLeafKeyVerifies() async throws {
        let jwk = X509Fixtures.jwk(key, "x5c", .array(try chain.x5c().map { .string($0) }))
        let summary = try await verify(jwk)
        #expect(summary.policyOIDs == ["2.23.140.1.1"])
        #expect(summary.subject.contains("participant.example"))
        #expect(summary.notAfter > fixtures.now)
    }

    @Test func x5uChainVerifies() async throws {
        let http = TableHTTPClient(responses: [Self.url: HTTPResponse(status: 200, body: Array(try chain.pem().utf8))])
        let summary = try await verify(X509Fixtures.jwk(key, "x5u", .string(Self.url)), http: http)
        #expect(summary.issuer.contains("Espace Test Root"))
    }

    @Test func otherKeyIsJWKNotLeafKey() async throws {
        let other = try PrivateKey.generate(.ps256).publicKey
        await expectRejection(
            .jwkNotLeafKey, X509Fixtures.jwk(other, "x5c", .array(try chain.x5c().map { .string($0) })))
    }

    @Test func x5uFailuresHaveReasons() async throws {
        let jwk = X509Fixtures.jwk(key, "x5u", .string(Self.url))
        await expectRejection(.resolutionFailed, jwk, http: TableHTTPClient(responses: [:]))
        await expectRejection(.resolutionFailed, jwk)
        let big = Array(try chain.pem().utf8) + Array(repeating: 0x20, count: 300 * 1024)
        await expectRejection(
            .limitExceeded, jwk, http: TableHTTPClient(responses: [Self.url: HTTPResponse(status: 200, body: big)]))
        await expectRejection(
            .malformed, jwk,
            http: TableHTTPClient(responses: [Self.url: HTTPResponse(status: 200, body: Array("<html/>".utf8))]))
        let plain = "http://participant.example/chain.pem"
        let insecure = TableHTTPClient(responses: [plain: HTTPResponse(status: 200, body: Array(try chain.pem().utf8))])
        await expectRejection(.unsupported, X509Fixtures.jwk(key, "x5u", .string(plain)), http: insecure)
        _ = try await X5UFetcher(http: insecure, allowInsecureHTTP: true).fetch(plain)
        await expectRejection(.malformed, X509Fixtures.jwk(key, "x5u", .string("not a url")), http: insecure)
    }

    @Test func jwkWithoutChainIsMalformed() async throws {
        await expectRejection(.malformed, X509Fixtures.jwk(key, "kid", "k1"))
        await expectRejection(.malformed, X509Fixtures.jwk(key, "x5c", .string("abc")))
        await expectRejection(.malformed, X509Fixtures.jwk(key, "x5u", .array([])))
    }

    @Test func untrustedChainIsNotAnchored() async throws {
        let other = try X509Fixtures()
        let foreign = try other.chain(for: key, policies: ["2.23.140.1.1"])
        await expectRejection(
            .chainNotAnchored, X509Fixtures.jwk(key, "x5c", .array(try foreign.x5c().map { .string($0) })))
    }
}
