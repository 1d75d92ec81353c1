import EspaceIdentity
import EspaceJSON
import Foundation

/// Chains generated at test time by `DevelopmentCA`, relative to the current time (no fixed
/// dates that would rot).
struct X509Fixtures {
    static let day: TimeInterval = 86_400

    let now: Date
    let root: DevelopmentCA

    init(keyType: DevelopmentCA.KeyType = .p256) throws {
        // Whole seconds, as in the certificates.
        now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        root = try DevelopmentCA.root(
            subject: "CN=Espace Test Root,O=Espace,C=BE", keyType: keyType, notBefore: now - 30 * Self.day)
    }

    var anchors: TrustAnchors { TrustAnchors([root.certificate]) }

    func options(policy: String? = nil) -> ChainValidator.Options {
        ChainValidator.Options(validationTime: now, requiredPolicyOID: policy)
    }

    /// A leaf for `key` under `ca`, valid from `start` (default: a day ago) for `days`.
    func chain(
        for key: PublicKey, under ca: DevelopmentCA? = nil, start: Date? = nil, days: Int = 90, policies: [String] = []
    ) throws -> CertificateChain {
        try (ca ?? root).issueChain(
            publicKey: key, commonName: "participant.example", dnsNames: ["participant.example"],
            policyOIDs: policies, notBefore: start ?? now - Self.day, validityDays: days)
    }

    /// The published JWK of `key` with `member` (x5c or x5u) set to `value`.
    static func jwk(_ key: PublicKey, _ member: String, _ value: JSONValue) -> JSONObject {
        guard case .object(var o) = key.jwk.json else { return [:] }
        o["alg"] = "PS256"
        o[member] = value
        return o
    }
}

/// An `HTTPClient` answering from a table, for `x5u` tests.
struct TableHTTPClient: HTTPClient {
    var responses: [String: HTTPResponse]

    func send(_ request: HTTPRequest, limits: HTTPLimits) async throws(IdentityError) -> HTTPResponse {
        guard let response = responses[request.url] else {
            return HTTPResponse(status: 404, body: Array("not found".utf8))
        }
        return response
    }
}
