import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Foundation
import Testing

/// Keys, credentials and policies shared by the verifier tests.
struct VerifierParty {
    let key: PrivateKey
    let did: String
    var kid: String { did + "#0" }

    /// A party with a did:jwk identifier for a fresh key signing with `algorithm`.
    init(_ algorithm: JWSAlgorithm = .es256) throws {
        key = try PrivateKey.generate(algorithm)
        did = DIDJWK.did(for: key.publicKey)
    }
}

enum VerifierFixtures {
    static let day: TimeInterval = 86_400
    /// 2026-01-01T00:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_767_225_600)

    /// A VC 2.0 credential from `issuer` about `subject`, valid around `now`.
    static func credential(
        issuer: String, subject: String = "did:example:subject", from: Date? = nil, until: Date? = nil,
        status: JSONObject? = nil, type: String = "ExampleCredential"
    ) -> VerifiableCredential {
        var json: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"], "id": "urn:uuid:0b6a2d1e-7c55-4c8e-9a55-3b1f1d2c9e01",
            "type": ["VerifiableCredential", .string(type)], "issuer": .string(issuer),
            "validFrom": .string(ProofDateTime.format(from ?? now - 30 * day)),
            "validUntil": .string(ProofDateTime.format(until ?? now + 30 * day)),
            "credentialSubject": ["id": .string(subject)],
        ]
        if let status { json["credentialStatus"] = .object(status) }
        return VerifiableCredential(json: json)
    }

    /// A policy at `now` over the offline resolvers, trusting `issuers`.
    static func policy(
        trusting issuers: Set<String> = [], at time: Date = now, resolver: any VerificationMethodResolver = DIDResolvers.offline
    ) -> CredentialVerifier.Policy {
        CredentialVerifier.Policy(now: time, resolver: resolver, trustedIssuers: issuers)
    }

    /// The failing check named `name`, asserting it failed with `reason`.
    static func expectFailure(
        _ report: VerificationReport, _ name: VerificationCheck.Name, _ reason: IdentityError.Reason,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(!report.isValid, sourceLocation: sourceLocation)
        let check = report.check(name)
        #expect(check?.error?.reason == reason, "\(name): \(String(describing: check))", sourceLocation: sourceLocation)
    }

    /// Replaces the payload of a compact JWS, keeping header and signature.
    static func tamper(_ jwt: String, _ change: (inout JSONObject) -> Void) throws -> String {
        let parts = jwt.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var payload = try #require(try JSONParser().parse(try Base64URL.decode(parts[1])).objectValue)
        change(&payload)
        let bytes = try JSONSerializer().serializeBytes(.object(payload))
        return [parts[0], Base64URL.encode(bytes), parts[2]].joined(separator: ".")
    }
}

/// An `HTTPClient` answering from a table (status lists, x5u chains).
struct FakeHTTPClient: HTTPClient {
    var responses: [String: HTTPResponse]

    func send(_ request: HTTPRequest, limits: HTTPLimits) async throws(IdentityError) -> HTTPResponse {
        responses[request.url] ?? HTTPResponse(status: 404, body: Array("not found".utf8))
    }
}
