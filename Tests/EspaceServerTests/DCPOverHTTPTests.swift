import EspaceCredentials
import EspaceDCP
import EspaceIdentity
import EspaceJSON
import EspaceNetwork
import EspaceServer
import Foundation
import Testing


/// Two nodes on loopback, over real HTTP: the verifier resolves the holder's did:web
/// document, queries its credential service, and the holder's credential service resolves
/// the verifier's did:web document to check the verifier's ID token.
@Suite("DCP between two nodes over HTTP")
struct DCPOverHTTPTests {
    static func freePort() throws -> Int { try freeLoopbackPort() }

    struct Node {
        var port: Int
        var did: String
        var key: PrivateKey
        var sts: SecureTokenService { SecureTokenService(participant: did, key: key, kid: did + "#key-1") }

        init(algorithm: JWSAlgorithm) throws {
            port = try DCPOverHTTPTests.freePort()
            did = "did:web:127.0.0.1%3A\(port)"
            key = try PrivateKey.generate(algorithm)
        }

        func document() throws -> DIDDocument {
            try DIDDocument.forNode(
                did: did, keys: [.init(fragment: "key-1", publicKey: key.publicKey, algorithm: key.algorithm)],
                services: [DIDService(id: did + "#cs", type: "CredentialService", endpoint: "http://127.0.0.1:\(port)")])
        }
    }

    struct Issuer: DIDResolver {
        var document: DIDDocument
        var web: DIDWebResolver
        func resolve(_ did: String) async throws(IdentityError) -> DIDDocument {
            did == document.id ? document : try await web.resolve(did)
        }
    }

    static func post(_ url: String, authorization: String?, body: JSONValue) async throws -> (Int, JSONValue) {
        var request = HTTPRequest(method: "POST", url: url, headers: [("Content-Type", "application/json")], body: try JSONSerializer().serializeBytes(body))
        if let authorization { request.headers.append(("Authorization", authorization)) }
        let response = try await URLSessionHTTPClient().send(request, limits: HTTPLimits())
        return (response.status, try JSONParser().parse(response.body))
    }

    @Test func aVerifierNodeChecksAHolderNodesMembership() async throws {
        let now = Date().timeIntervalSince1970
        let issuerKey = try PrivateKey.generate(.ps256)
        let issuerDID = "did:web:issuer.example"
        let issuerDocument = try DIDDocument.forNode(
            did: issuerDID, keys: [.init(fragment: "key-1", publicKey: issuerKey.publicKey, algorithm: .ps256)])
        let holder = try Node(algorithm: .es256)
        let verifierNode = try Node(algorithm: .edDSA)

        // Both nodes resolve did:web over loopback HTTP (allowed explicitly, as for a local data space).
        let network = GuardedHTTPClient(
            client: URLSessionHTTPClient(), resolver: SystemHostResolver(), allowList: AddressAllowList(allowAllPrivate: true))
        let web = DIDWebResolver(client: network, allowInsecureHTTP: true)
        var resolvers = DIDResolvers.offline
        resolvers.resolvers["web"] = Issuer(document: issuerDocument, web: web)

        let wallet = CredentialService(holder: holder.sts, resolver: resolvers)
        let credential: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "id": "https://issuer.example/credentials/1",
            "type": ["VerifiableCredential", "MembershipCredential"], "issuer": .string(issuerDID),
            "validFrom": "2026-01-01T00:00:00Z", "validUntil": "2099-01-01T00:00:00Z",
            "credentialSubject": ["id": .string(holder.did), "memberOf": "https://dataspace.example"],
        ]
        let jwt = try EnvelopedCredential.sign(credential: VerifiableCredential(json: credential), key: issuerKey, kid: issuerDID + "#key-1")
        try await wallet.store(jwt, now: now)
        let verifier = DCPVerifier(
            identity: verifierNode.sts, resolver: resolvers, http: network,
            trustedIssuers: .init(["MembershipCredential": [issuerDID]]), allowInsecureHTTP: true)

        let holderEndpoints = NodeEndpoints(
            didDocument: try holder.document().json,
            presentationQuery: { authorization, body in
                await wallet.handleQuery(authorization: authorization, body: body, now: Date().timeIntervalSince1970)
            })
        let verifierEndpoints = NodeEndpoints(
            didDocument: try verifierNode.document().json,
            identityVerification: { authorization, body in
                await verifier.handleVerification(authorization: authorization, body: body, now: Date().timeIntervalSince1970)
            })
        let ready = AsyncStream<Int>.makeStream()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (endpoints, port) in [(holderEndpoints, holder.port), (verifierEndpoints, verifierNode.port)] {
                group.addTask {
                    try await NodeServer.run(endpoints: endpoints, host: "127.0.0.1", port: port, logLevel: .error) { bound in
                        ready.continuation.yield(bound)
                    }
                }
            }
            var started = 0
            for await _ in ready.stream {
                started += 1
                if started == 2 { break }
            }
            let scope = "org.eclipse.dspace.dcp.vc.type:MembershipCredential:read"
            let token = try holder.sts.idToken(for: verifierNode.did, grantingScopes: [try DCPScope(parsing: scope)], now: now)
            let url = "http://127.0.0.1:\(verifierNode.port)/identity/verify"
            let (status, body) = try await Self.post(url, authorization: "Bearer " + token, body: ["scope": [.string(scope)]])
            #expect(status == 200, "\(body.jsonText)")
            #expect(body["participant"] == .string(holder.did))
            let first = body["credentials"]?.asArray.first
            #expect(first?["subjects"]?.asArray.first?["memberOf"] == "https://dataspace.example")
            let (refused, _) = try await Self.post(url, authorization: nil, body: ["scope": [.string(scope)]])
            #expect(refused == 401)
            group.cancelAll()
        }
    }
}
