import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import EspaceTestSupport
import Foundation

/// An in-memory resolver for tests: did:key methods decode offline, other ids come from
/// `keys`; only the relationships in `authorized` are granted.
struct ProofKeyResolver: VerificationMethodResolver {
    var keys: [String: PublicKey] = [:]
    var publishedAlg: [String: String] = [:]
    var authorized: Set<VerificationRelationship> = [.assertionMethod, .authentication]

    func resolveVerificationMethod(
        _ id: String, for relationship: VerificationRelationship
    ) async throws(IdentityError) -> ResolvedVerificationMethod {
        guard authorized.contains(relationship) else {
            throw IdentityError("\(id) is not listed under \(relationship.rawValue)", reason: .notAuthorized)
        }
        let controller = String(id.prefix { $0 != "#" })
        let key: PublicKey
        if let known = keys[id] {
            key = known
        } else if id.hasPrefix("did:key:") {
            key = try DIDKey.publicKey(from: id)
        } else {
            throw IdentityError("\(id) cannot be resolved", reason: .resolutionFailed)
        }
        var jwk: JSONObject?
        if let alg = publishedAlg[id] { jwk = ["alg": .string(alg)] }
        return ResolvedVerificationMethod(id: id, controller: controller, type: "Multikey", publicKey: key, publishedJWK: jwk)
    }
}

enum Fixture {
    static func json(_ path: String) throws -> JSONObject {
        let value = try JSONParser().parse(try SharedFixtures.bytes(path))
        guard let object = value.objectValue else { throw IdentityError("\(path) is not a JSON object") }
        return object
    }

    static func text(_ path: String) throws -> String {
        String(decoding: try SharedFixtures.bytes(path), as: UTF8.self)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// 2023-06-01, after every vector's `created`.
    static let now = Date(timeIntervalSince1970: 1_685_577_600)
}
