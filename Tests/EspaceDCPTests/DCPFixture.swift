import EspaceCredentials
import EspaceDCP
import EspaceIdentity
import EspaceJSON
import Foundation

/// DID documents from a table (did:web participants of a test data space).
struct TableDIDResolver: DIDResolver {
    var documents: [String: DIDDocument]

    func resolve(_ did: String) async throws(IdentityError) -> DIDDocument {
        guard let document = documents[did] else { throw IdentityError("\(did) is unknown", reason: .resolutionFailed) }
        return document
    }
}

/// Routes credential-service requests to the participants' `CredentialService`s, counting them.
final class InProcessNetwork: HTTPClient, @unchecked Sendable {
    private let lock = NSLock()
    private var services: [String: CredentialService] = [:]
    private var now: Double
    private(set) var requests = 0

    init(now: Double) { self.now = now }

    func register(_ service: CredentialService, at base: String) { lock.withLock { services[base] = service } }
    func setNow(_ value: Double) { lock.withLock { now = value } }
    var requestCount: Int { lock.withLock { requests } }

    func send(_ request: HTTPRequest, limits: HTTPLimits) async throws(IdentityError) -> HTTPResponse {
        let (service, time) = lock.withLock { () -> (CredentialService?, Double) in
            requests += 1
            let base = services.keys.first { request.url == $0 + "/presentations/query" }
            return (base.flatMap { services[$0] }, now)
        }
        guard let service, request.method == "POST" else { return HTTPResponse(status: 404) }
        let body: JSONValue
        do {
            body = try JSONParser().parse(request.body)
        } catch {
            return HTTPResponse(status: 400)
        }
        let authorization = request.headers.first { $0.name.lowercased() == "authorization" }?.value
        let answer = await service.handleQuery(authorization: authorization, body: body, now: time)
        return HTTPResponse(status: answer.status, body: (try? JSONSerializer().serializeBytes(answer.body)) ?? [])
    }
}

/// A small data space: an issuer, a holder with a credential service, a verifier.
struct DataSpace {
    static let now = 1_800_000_000.0
    static let membership = "org.eclipse.dspace.dcp.vc.type:MembershipCredential:read"

    let issuer: TestParticipant
    let holder: TestParticipant
    let verifier: TestParticipant
    let resolver: DIDResolvers
    let network: InProcessNetwork
    let credentialService: CredentialService

    init() throws {
        issuer = try TestParticipant("issuer", algorithm: .ps256)
        holder = try TestParticipant("holder")
        verifier = try TestParticipant("verifier", algorithm: .edDSA)
        var documents: [String: DIDDocument] = [:]
        for participant in [issuer, holder, verifier] {
            let services =
                participant.did == holder.did
                ? [DIDService(id: holder.did + "#cs", type: "CredentialService", endpoint: "https://holder.example/cs")] : []
            documents[participant.did] = try DIDDocument.forNode(
                did: participant.did,
                keys: [.init(fragment: "key-1", publicKey: participant.key.publicKey, algorithm: participant.key.algorithm)],
                services: services)
        }
        resolver = DIDResolvers(["web": TableDIDResolver(documents: documents)])
        network = InProcessNetwork(now: Self.now)
        credentialService = CredentialService(holder: holder.sts, resolver: resolver)
        network.register(credentialService, at: "https://holder.example/cs")
    }

    /// A membership credential for `subject` signed by `signer` (the issuer by default).
    func membership(
        subject: String? = nil, signer: TestParticipant? = nil, type: String = "MembershipCredential",
        validUntil: String = "2030-01-01T00:00:00Z", status: JSONObject? = nil
    ) throws -> String {
        let signer = signer ?? issuer
        var credential: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": .string("https://issuer.example/credentials/\(UUID().uuidString)"),
            "type": ["VerifiableCredential", .string(type)],
            "issuer": .string(signer.did),
            "validFrom": "2026-01-01T00:00:00Z", "validUntil": .string(validUntil),
            "credentialSubject": ["id": .string(subject ?? holder.did), "memberOf": "https://dataspace.example"],
        ]
        if let status { credential["credentialStatus"] = .object(status) }
        return try EnvelopedCredential.sign(credential: VerifiableCredential(json: credential), key: signer.key, kid: signer.kid)
    }

    func dcpVerifier(trusting issuers: Set<String>? = nil, statusChecker: StatusListChecker? = nil) -> DCPVerifier {
        DCPVerifier(
            identity: verifier.sts, resolver: resolver, http: network,
            trustedIssuers: .init(["MembershipCredential": issuers ?? [issuer.did]]), statusChecker: statusChecker)
    }

    /// The Authorization header the holder sends to the verifier, granting `scopes`.
    func authorization(granting scopes: [String] = [membership], at time: Double = now) throws -> String {
        let parsed = try scopes.map { try DCPScope(parsing: $0) }
        return "Bearer " + (try holder.sts.idToken(for: verifier.did, grantingScopes: parsed, now: time))
    }
}
