import EspaceIdentity
import EspaceJSON

/// A resolver over a fixed table of verification methods (tests only), falling back to
/// did:jwk identifiers, which decode offline and authorise their key for every purpose.
struct InMemoryResolver: VerificationMethodResolver {
    struct Entry {
        var method: ResolvedVerificationMethod
        var relationships: Set<VerificationRelationship>
    }

    var entries: [String: Entry] = [:]

    /// Publishes `key` as `id` (`did:…#fragment`) for `relationships`, with an optional JWK `alg`.
    mutating func publish(
        _ id: String, key: PublicKey, for relationships: Set<VerificationRelationship> = [.assertionMethod, .authentication],
        alg: String? = nil
    ) {
        var jwk = key.jwk.json.objectValue ?? [:]
        if let alg { jwk["alg"] = .string(alg) }
        let controller = String(id.split(separator: "#").first ?? Substring(id))
        entries[id] = Entry(
            method: ResolvedVerificationMethod(id: id, controller: controller, type: "JsonWebKey2020", publicKey: key, publishedJWK: jwk),
            relationships: relationships)
    }

    func resolveVerificationMethod(_ id: String, for relationship: VerificationRelationship) async throws(IdentityError)
        -> ResolvedVerificationMethod
    {
        if let entry = entries[id] {
            guard entry.relationships.contains(relationship) else {
                throw IdentityError("\(id) is not listed under \(relationship.rawValue)", reason: .notAuthorized)
            }
            return entry.method
        }
        if id.hasPrefix("did:jwk:") {
            let (jwk, key) = try DIDJWK.publicKey(from: id)
            let did = String(id.split(separator: "#").first ?? Substring(id))
            return ResolvedVerificationMethod(id: id, controller: did, type: "JsonWebKey", publicKey: key, publishedJWK: jwk.json.objectValue)
        }
        throw IdentityError("no verification method \(id)", reason: .resolutionFailed)
    }
}
