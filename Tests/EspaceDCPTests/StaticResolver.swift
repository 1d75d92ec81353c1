import EspaceIdentity

/// An in-memory verification-method resolver: each method id maps to a key and the
/// relationships its DID document lists it under.
struct StaticResolver: VerificationMethodResolver {
    struct Entry {
        var key: PublicKey
        var relationships: Set<VerificationRelationship>
    }

    var methods: [String: Entry]

    func resolveVerificationMethod(
        _ id: String, for relationship: VerificationRelationship
    ) async throws(IdentityError) -> ResolvedVerificationMethod {
        var id = id
        if !id.contains("#") {
            // A bare DID names its only method for the relationship.
            let candidates = methods.filter { $0.key.hasPrefix(id + "#") && $0.value.relationships.contains(relationship) }
            guard candidates.count == 1, let only = candidates.first else {
                throw IdentityError("\(id) lists \(candidates.count) methods for \(relationship.rawValue)", reason: .notAuthorized)
            }
            id = only.key
        }
        guard let entry = methods[id] else {
            throw IdentityError("no verification method \(id)", reason: .resolutionFailed)
        }
        guard entry.relationships.contains(relationship) else {
            throw IdentityError("\(id) is not listed under \(relationship.rawValue)", reason: .notAuthorized)
        }
        let controller = String(id.prefix { $0 != "#" })
        return ResolvedVerificationMethod(id: id, controller: controller, type: "JsonWebKey2020", publicKey: entry.key)
    }
}

/// A participant with a fresh key, listed under every relationship.
struct TestParticipant {
    var did: String
    var key: PrivateKey
    var kid: String { did + "#key-1" }

    init(_ name: String, algorithm: JWSAlgorithm = .es256) throws {
        did = "did:web:\(name).example"
        key = try PrivateKey.generate(algorithm)
    }

    var entry: (String, StaticResolver.Entry) {
        (kid, .init(key: key.publicKey, relationships: Set(VerificationRelationship.allCases)))
    }

    var sts: SecureTokenService { SecureTokenService(participant: did, key: key, kid: kid) }
}

import EspaceDCP
