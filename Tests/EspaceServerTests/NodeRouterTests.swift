import EspaceJSON
import EspaceServer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Node HTTP routes")
struct NodeRouterTests {
    static let document: JSONValue = ["id": "did:web:node.example", "verificationMethod": []]

    static func app(_ endpoints: NodeEndpoints) -> some ApplicationProtocol {
        Application(router: NodeRouter.router(for: endpoints))
    }

    @Test func servesTheDIDDocumentAtEachPath() async throws {
        let endpoints = NodeEndpoints(didDocument: Self.document, didDocumentPaths: ["/.well-known/did.json", "/users/alice/did.json"])
        try await Self.app(endpoints).test(.router) { client in
            for path in ["/.well-known/did.json", "/users/alice/did.json"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "application/did+json")
                    let body = try JSONParser().parse(Array(response.body.readableBytesView))
                    #expect(body == Self.document)
                }
            }
            try await client.execute(uri: "/did.json", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func presentationQueriesReachTheHandlerWithTheirAuthorization() async throws {
        let endpoints = NodeEndpoints(
            presentationQuery: { authorization, body in
                (200, ["authorization": .string(authorization ?? "-"), "echo": body])
            }, credentialServicePath: "/cs", maxRequestBytes: 64)
        try await Self.app(endpoints).test(.router) { client in
            try await client.execute(
                uri: "/cs/presentations/query", method: .post, headers: [.authorization: "Bearer x"],
                body: .init(string: #"{"a":1}"#)
            ) { response in
                #expect(response.status == .ok)
                let body = try JSONParser().parse(Array(response.body.readableBytesView))
                #expect(body == ["authorization": "Bearer x", "echo": ["a": 1]])
            }
            try await client.execute(uri: "/cs/presentations/query", method: .post, body: .init(string: "{nope")) { response in
                #expect(response.status == .badRequest)
                let body = try JSONParser().parse(Array(response.body.readableBytesView))
                #expect(body["error"] == "bad_json")
            }
            try await client.execute(
                uri: "/cs/presentations/query", method: .post, body: .init(string: String(repeating: " ", count: 100) + "{}")
            ) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }
}
