import EspaceIdentity
import EspaceNetwork
import Testing

/// The real client and resolver against a server on 127.0.0.1.
@Suite("URLSession HTTP client and system resolver", .serialized)
struct URLSessionHTTPClientTests {
    static func failure(_ client: some HTTPClient, _ url: String, limits: HTTPLimits = HTTPLimits()) async
        -> IdentityError?
    {
        do {
            _ = try await client.send(HTTPRequest(url: url), limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func fetchesBodiesAndReturnsRedirectsUnfollowed() async throws {
        let server = try LocalHTTPServer([
            "/doc": .init(status: 200, headers: ["Content-Type: application/json"], body: Array("{\"a\":1}".utf8)),
            "/moved": .init(status: 302, headers: ["Location: /doc"]),
        ])
        defer { server.stop() }
        let base = "http://127.0.0.1:\(server.port)"
        let client = URLSessionHTTPClient()
        let response = try await client.send(HTTPRequest(url: base + "/doc"), limits: HTTPLimits())
        #expect(response.status == 200)
        #expect(response.body == Array("{\"a\":1}".utf8))
        #expect(response.header("content-type") == "application/json")
        let moved = try await client.send(HTTPRequest(url: base + "/moved"), limits: HTTPLimits())
        #expect(moved.status == 302)
        #expect(moved.header("Location") == "/doc")
        #expect(try await client.send(HTTPRequest(url: base + "/missing"), limits: HTTPLimits()).status == 404)
    }

    @Test func enforcesSizeAndTimeLimits() async throws {
        let server = try LocalHTTPServer([
            "/big": .init(status: 200, body: [UInt8](repeating: 0x61, count: 100_000)),
            "/slow": .init(status: 200, body: [1], delay: 3),
        ])
        defer { server.stop() }
        let base = "http://127.0.0.1:\(server.port)"
        let client = URLSessionHTTPClient()
        let big = await Self.failure(client, base + "/big", limits: HTTPLimits(maxResponseBytes: 1000))
        #expect(big?.reason == .limitExceeded)
        let slow = await Self.failure(client, base + "/slow", limits: HTTPLimits(timeout: .seconds(1)))
        #expect(slow?.reason == .limitExceeded)
        #expect(await Self.failure(client, "ftp://127.0.0.1/")?.reason == .forbiddenAddress)
    }

    @Test func guardedClientRefusesTheLocalServerUnlessAllowed() async throws {
        let server = try LocalHTTPServer(["/doc": .init(status: 200, body: [1])])
        defer { server.stop() }
        let url = "http://localhost:\(server.port)/doc"
        let refused = GuardedHTTPClient(client: URLSessionHTTPClient(), resolver: SystemHostResolver())
        #expect(await Self.failure(refused, url)?.reason == .forbiddenAddress)
        let allowed = GuardedHTTPClient(
            client: URLSessionHTTPClient(), resolver: SystemHostResolver(),
            allowList: AddressAllowList(networks: [IPNetwork("127.0.0.0/8")!, IPNetwork("::1")!]))
        let response = try await allowed.send(
            HTTPRequest(url: "http://127.0.0.1:\(server.port)/doc"), limits: HTTPLimits())
        #expect(response.body == [1])
    }

    @Test func systemResolverFindsLoopbackForLocalhost() async throws {
        let addresses = try await SystemHostResolver().addresses(of: "localhost")
        #expect(!addresses.isEmpty)
        #expect(addresses.allSatisfy { $0.kind == .loopback })
        let literal = try await SystemHostResolver().addresses(of: "127.0.0.1")
        #expect(literal == [IPAddress("127.0.0.1")!])
        do {
            _ = try await SystemHostResolver().addresses(of: "no-such-host.invalid")
            Issue.record("an .invalid name resolved")
        } catch {
            #expect(error.reason == .resolutionFailed)
        }
    }
}
