import EspaceIdentity
import Testing

@Suite("did:web URL mapping")
struct DIDWebTests {
    @Test(arguments: [
        ("did:web:w3c-ccg.github.io", "https://w3c-ccg.github.io/.well-known/did.json"),
        ("did:web:w3c-ccg.github.io:user:alice", "https://w3c-ccg.github.io/user/alice/did.json"),
        ("did:web:example.com%3A3000", "https://example.com:3000/.well-known/did.json"),
        ("did:web:example.com%3a3000:user:alice", "https://example.com:3000/user/alice/did.json"),
        ("did:web:Example.COM:a%20b", "https://example.com/a%20b/did.json"),
        ("did:web:example.com#key-1", "https://example.com/.well-known/did.json"),
    ])
    func mapsDIDsToURLs(did: String, url: String) throws {
        #expect(try DIDWeb.documentURL(for: did) == url)
    }

    @Test func httpOnlyWhenAsked() throws {
        #expect(
            try DIDWeb.documentURL(for: "did:web:localhost%3A8080", scheme: "http")
                == "http://localhost:8080/.well-known/did.json")
    }

    @Test(arguments: [
        "did:key:z6Mk", "did:web:", "did:web:example.com%3A", "did:web:example.com%3A0", "did:web:example.com%3A70000",
        "did:web:example.com%3Aabc", "did:web:exa_mple.com", "did:web:-example.com", "did:web:example..com",
        "did:web:example.com::alice", "did:web:example.com:%2E%2E", "did:web:example.com:a%2Fb",
        "did:web:example.com%2Fevil",
        "did:web:user%40example.com",
    ])
    func rejectsInvalidDIDs(did: String) {
        let error = try? #require(throws: IdentityError.self) { try DIDWeb.documentURL(for: did) }
        #expect(error?.reason == .malformed, "\(did)")
    }

    @Test func buildsDIDsFromDomains() throws {
        #expect(try DIDWeb.did(for: try DIDWeb.location(domain: "example.com")) == "did:web:example.com")
        #expect(
            try DIDWeb.did(for: try DIDWeb.location(domain: "example.com:8443/user/alice"))
                == "did:web:example.com%3A8443:user:alice")
        #expect(
            try DIDWeb.location(of: "did:web:example.com%3A8443:user:alice")
                == DIDWeb.Location(host: "example.com", port: 8443, path: ["user", "alice"]))
        #expect(throws: IdentityError.self) { try DIDWeb.did(for: try DIDWeb.location(domain: "example.com:99999")) }
        #expect(throws: IdentityError.self) { try DIDWeb.did(for: try DIDWeb.location(domain: "exa mple.com")) }
        #expect(throws: IdentityError.self) { try DIDWeb.did(for: try DIDWeb.location(domain: "example.com/../x")) }
    }
}
