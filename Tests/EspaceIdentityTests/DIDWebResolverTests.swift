import EspaceIdentity
import EspaceJSON
import Testing

@Suite("did:web resolution")
struct DIDWebResolverTests {
    static let did = "did:web:example.com:user:alice"
    static let url = "https://example.com/user/alice/did.json"

    static func documentBytes(id: String = did) throws -> [UInt8] {
        let key = try PrivateKey.generate(.es256).publicKey
        let document = try DIDDocument.forNode(
            did: id, keys: [.init(fragment: "key-1", publicKey: key, algorithm: .es256)])
        return Array(document.json.jsonText.utf8)
    }

    static func failure(_ resolver: DIDWebResolver, _ did: String = did) async -> IdentityError? {
        do {
            _ = try await resolver.resolve(did)
            return nil
        } catch {
            return error
        }
    }

    @Test func resolvesTheDocument() async throws {
        let client = FakeHTTPClient([Self.url: HTTPResponse(status: 200, body: try Self.documentBytes())])
        let document = try await DIDWebResolver(client: client).resolve(Self.did + "#key-1")
        #expect(document.id == Self.did)
        #expect(client.requested == [Self.url])
    }

    @Test func usesHTTPOnlyWhenConfigured() async throws {
        let client = FakeHTTPClient([
            "http://example.com/user/alice/did.json": HTTPResponse(status: 200, body: try Self.documentBytes())
        ])
        _ = try await DIDWebResolver(client: client, allowInsecureHTTP: true).resolve(Self.did)
        #expect(await Self.failure(DIDWebResolver(client: client))?.reason == .resolutionFailed)
        #expect(client.requested.last == Self.url)
    }

    @Test func notFoundIsAResolutionFailure() async throws {
        let error = await Self.failure(DIDWebResolver(client: FakeHTTPClient([:])))
        #expect(error?.reason == .resolutionFailed)
        #expect(error?.message.contains("404") == true)
    }

    @Test func oversizedDocumentsAreRefused() async throws {
        let client = FakeHTTPClient([Self.url: HTTPResponse(status: 200, body: try Self.documentBytes())])
        let error = await Self.failure(DIDWebResolver(client: client, limits: HTTPLimits(maxResponseBytes: 64)))
        #expect(error?.reason == .limitExceeded)
    }

    @Test func aDocumentForAnotherDIDIsRefused() async throws {
        let client = FakeHTTPClient([
            Self.url: HTTPResponse(status: 200, body: try Self.documentBytes(id: "did:web:evil.example"))
        ])
        let error = await Self.failure(DIDWebResolver(client: client))
        #expect(error?.reason == .resolutionFailed)
        #expect(error?.message.contains("did:web:evil.example") == true)
    }

    @Test func malformedDocumentsAreRefused() async throws {
        let client = FakeHTTPClient([Self.url: HTTPResponse(status: 200, body: Array("{\"id\": 3}".utf8))])
        #expect(await Self.failure(DIDWebResolver(client: client))?.reason == .malformed)
        #expect(await Self.failure(DIDWebResolver(client: client), "did:key:z6Mk")?.reason == .malformed)
    }

    @Test func cachesUntilTheTTLRunsOut() async throws {
        let client = FakeHTTPClient([Self.url: HTTPResponse(status: 200, body: try Self.documentBytes())])
        let clock = ManualClock()
        let cache = DIDDocumentCache(ttl: .seconds(60), maxEntries: 4, now: { clock.now })
        let resolver = DIDWebResolver(client: client, cache: cache)
        let first = try await resolver.resolve(Self.did)
        clock.advance(59)
        let second = try await resolver.resolve(Self.did)
        #expect(first == second)
        #expect(client.requestCount == 1)
        clock.advance(2)
        _ = try await resolver.resolve(Self.did)
        #expect(client.requestCount == 2)
    }

    @Test func cacheIsBounded() async throws {
        let clock = ManualClock()
        let cache = DIDDocumentCache(ttl: .seconds(60), maxEntries: 2, now: { clock.now })
        for name in ["a", "b", "c"] {
            await cache.store(DIDDocument(id: "did:web:\(name).example"), for: "did:web:\(name).example")
        }
        #expect(await cache.count == 2)
        #expect(await cache.document(for: "did:web:a.example") == nil)
        #expect(await cache.document(for: "did:web:c.example")?.id == "did:web:c.example")
    }
}
