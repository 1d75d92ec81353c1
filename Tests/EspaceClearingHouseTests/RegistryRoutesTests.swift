import EspaceClearingHouse
import EspaceIdentity
import EspaceJSON
import EspaceService
import EspaceStore
import Foundation
import Testing

/// The registry's and notary's HTTP API, called as plain routes (no sockets), on an
/// in-memory store.
@Suite("Clearing house registry and notary routes")
struct RegistryRoutesTests {
    static let now = Date(timeIntervalSince1970: 1_795_953_600)  // 2026-11-29T12:00:00Z
    static let token = "operator-secret"

    struct Fixture {
        let house: ClearingHouse
        let routes: [ServiceRoute]
        let root: DevelopmentCA
        let store: Store

        func call(
            _ method: ServiceRoute.Method, _ path: String, parameters: [String: String] = [:], query: [String: String] = [:],
            body: String = "", token: String? = nil
        ) async throws -> ServiceResponse {
            let route = try #require(routes.first { $0.method == method && $0.path == path }, "no route \(method) \(path)")
            var headers: [String: String] = [:]
            if let token { headers["Authorization"] = "Bearer " + token }
            return await route.handler(ServiceRequest(parameters: parameters, query: query, headers: headers, body: Array(body.utf8)))
        }
    }

    static func fixture(anchors: Bool = true) async throws -> Fixture {
        let key = try PrivateKey.generate(.es256)
        let did = try DIDKey.did(for: key.publicKey)
        let root = try DevelopmentCA.root(subject: "CN=Test Root,O=Espace", notBefore: now - 86_400)
        var settings = ClearingHouse.Settings(did: did, key: key, kid: "#" + did.dropFirst("did:key:".count))
        if anchors { settings.trustAnchors = [try CertificateChain(root.chain).pem()] }
        settings.trustedNotaries = ["did:web:notary.example"]
        settings.termsAndConditions = Registry.TermsAndConditions(version: "1.0", text: "Be fair.")
        settings.shapes = [Registry.Shapes(name: "extra", turtle: "@prefix sh: <http://www.w3.org/ns/shacl#> .")]
        let store = try await Store.sqlite(path: nil)
        let house = try await ClearingHouse.open(settings, store: store, now: now)
        return Fixture(house: house, routes: house.routes(operatorToken: token, now: { now }), root: root, store: store)
    }

    static func leafChain(_ ca: DevelopmentCA) throws -> String {
        try ca.issueChain(publicKey: try PrivateKey.generate(.es256).publicKey, commonName: "participant.example", notBefore: now - 3_600).pem()
    }

    static func json(_ response: ServiceResponse) throws -> JSONValue { try JSONParser().parse(response.body) }

    @Test("a chain to a held anchor is accepted; others get 409 with the reason")
    func chainCheck() async throws {
        let f = try await Self.fixture()
        let good = try await f.call(.post, "/v2/api/trustAnchor/chain", body: try JSONSerializer().serialize(["certs": .string(try Self.leafChain(f.root))]))
        #expect(good.status == 200)
        #expect(try Self.json(good)["result"] == true)
        let stranger = try DevelopmentCA.root(subject: "CN=Stranger", notBefore: Self.now - 86_400)
        let bad = try await f.call(.post, "/v2/api/trustAnchor/chain", body: try JSONSerializer().serialize(["certs": .string(try Self.leafChain(stranger))]))
        #expect(bad.status == 409)
        #expect(try Self.json(bad)["result"] == false)
        let malformed = try await f.call(.post, "/v2/api/trustAnchor/chain", body: #"{"certs": "not a pem"}"#)
        #expect(malformed.status == 400)
        let noBody = try await f.call(.post, "/v2/api/trustAnchor/chain", body: "{}")
        #expect(noBody.status == 400)
        let fileWithoutFetcher = try await f.call(.post, "/v2/api/trustAnchor/chain/file", body: #"{"uri": "https://x.example/chain.pem"}"#)
        #expect(fileWithoutFetcher.status == 503)
    }

    @Test("the operator adds and removes anchors and trusted issuers; others are refused")
    func administration() async throws {
        let f = try await Self.fixture(anchors: false)
        let noAnchor = try await f.call(.post, "/v2/api/trustAnchor/chain", body: try JSONSerializer().serialize(["certs": .string(try Self.leafChain(f.root))]))
        #expect(noAnchor.status == 409)
        let pem = try CertificateChain(f.root.chain).pem()
        let refused = try await f.call(.post, "/v2/admin/trust-anchors", body: pem, token: "wrong")
        #expect(refused.status == 401)
        let added = try await f.call(.post, "/v2/admin/trust-anchors", body: pem, token: Self.token)
        #expect(added.status == 201)
        let id = try #require(try Self.json(added).asArray.first?["id"]?.stringValue)
        let listed = try await f.call(.get, "/v2/api/trustAnchor")
        #expect(try Self.json(listed).asArray.count == 1)
        let accepted = try await f.call(.post, "/v2/api/trustAnchor/chain", body: try JSONSerializer().serialize(["certs": .string(try Self.leafChain(f.root))]))
        #expect(accepted.status == 200)
        let removed = try await f.call(.delete, "/v2/admin/trust-anchors/:id", parameters: ["id": id], token: Self.token)
        #expect(removed.status == 200)
        let again = try await f.call(.delete, "/v2/admin/trust-anchors/:id", parameters: ["id": id], token: Self.token)
        #expect(again.status == 404)
        let trusted = try await f.call(.post, "/v2/admin/trusted-issuers", body: #"{"did": "did:web:ch2.example", "role": "clearing-house"}"#, token: Self.token)
        #expect(trusted.status == 201)
        let houses = try Self.json(try await f.call(.get, "/v2/api/complianceIssuers")).asArray.compactMap(\.stringValue)
        #expect(houses.contains("did:web:ch2.example"))
        #expect(houses.contains(f.house.did))
        let badRole = try await f.call(.post, "/v2/admin/trusted-issuers", body: #"{"did": "did:web:x", "role": "king"}"#, token: Self.token)
        #expect(badRole.status == 400)
        let untrust = try await f.call(.delete, "/v2/admin/trusted-issuers", body: #"{"did": "did:web:ch2.example", "role": "clearing-house"}"#, token: Self.token)
        #expect(untrust.status == 200)
    }

    @Test("terms and conditions, shapes and notaries are published")
    func publications() async throws {
        let f = try await Self.fixture()
        let terms = try Self.json(try await f.call(.get, "/v2/api/termsAndConditions"))
        #expect(terms["hash"]?.stringValue?.count == 64)
        #expect(terms["text"] == "Be fair.")
        #expect(try Self.json(try await f.call(.get, "/v2/api/trusted-shape-registry/v1/shapes")) == ["extra"])
        let shapes = try await f.call(.get, "/v2/api/trusted-shape-registry/v1/shapes/:name", parameters: ["name": "extra"])
        #expect(shapes.contentType == "text/turtle")
        #expect(try await f.call(.get, "/v2/api/trusted-shape-registry/v1/shapes/:name", parameters: ["name": "nope"]).status == 404)
        let notaries = try Self.json(try await f.call(.get, "/v2/api/trusted-issuers/registration-notary")).asArray.compactMap(\.stringValue)
        #expect(Set(notaries) == [f.house.did, "did:web:notary.example"])
    }

    @Test("the notary route issues a vc+jwt, logs it, and refuses bad numbers with their rule")
    func notaryRoute() async throws {
        let f = try await Self.fixture()
        let path = "/v2/registration-numbers/:type/:value"
        let query = ["vcId": "urn:vc:lei", "subjectId": "did:web:participant.example"]
        let issued = try await f.call(.get, path, parameters: ["type": "lei-code", "value": "529900T8BM49AURSDO55"], query: query)
        #expect(issued.status == 200)
        #expect(issued.contentType == "application/vc+jwt")
        #expect(String(decoding: issued.body, as: UTF8.self).split(separator: ".").count == 3)
        #expect(try await f.house.notaryLog.count(vcId: "urn:vc:lei") == 1)
        let invalid = try await f.call(.get, path, parameters: ["type": "lei-code", "value": "529900T8BM49AURSDO56"], query: query)
        #expect(invalid.status == 422)
        #expect(try Self.json(invalid)["rule"] == "check-digits")
        let unknown = try await f.call(.get, path, parameters: ["type": "shoe-size", "value": "42"], query: query)
        #expect(unknown.status == 400)
        let missing = try await f.call(.get, path, parameters: ["type": "lei-code", "value": "529900T8BM49AURSDO55"])
        #expect(missing.status == 400)
        #expect(try await f.house.notaryLog.count(vcId: "urn:vc:lei") == 1)
    }
}
