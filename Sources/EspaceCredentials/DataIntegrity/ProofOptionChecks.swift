import EspaceIdentity
import EspaceJSON
import Foundation

/// The checks every embedded proof gets before its signature: purpose, validity period,
/// challenge and domain.
enum ProofOptionChecks {
    /// The proofs of `document` (`proof` may be one object or an array of them).
    static func proofs(of document: JSONObject, limit: Int) throws(IdentityError) -> [JSONObject] {
        guard let value = document["proof"] else { throw IdentityError("the document has no \"proof\"") }
        let items = value.asArray
        guard !items.isEmpty else { throw IdentityError("the document's \"proof\" is empty") }
        guard items.count <= limit else {
            throw IdentityError("the document has \(items.count) proofs, more than the \(limit) accepted", reason: .limitExceeded)
        }
        var result: [JSONObject] = []
        for (i, item) in items.enumerated() {
            guard let object = item.objectValue else { throw IdentityError("proof \(i) is not a JSON object") }
            result.append(object)
        }
        return result
    }

    /// A string member of the proof, or nil; throws when present with another type.
    static func string(_ proof: JSONObject, _ name: String) throws(IdentityError) -> String? {
        guard let value = proof[name] else { return nil }
        guard let s = value.stringValue else { throw IdentityError("the proof's \"\(name)\" is not a string") }
        return s
    }

    /// A required string member of the proof.
    static func required(_ proof: JSONObject, _ name: String) throws(IdentityError) -> String {
        guard let s = try string(proof, name) else { throw IdentityError("the proof has no \"\(name)\"") }
        return s
    }

    /// Checks `proofPurpose`, `created`, `expires`, `challenge` and `domain`.
    static func check(_ proof: JSONObject, _ expectations: ProofExpectations) throws(IdentityError) {
        let purpose = try required(proof, "proofPurpose")
        guard purpose == expectations.purpose.rawValue else {
            throw IdentityError(
                "the proof's purpose is \"\(purpose)\" but \"\(expectations.purpose.rawValue)\" is required",
                reason: .notAuthorized)
        }
        if let created = try string(proof, "created") {
            let date = try ProofDateTime.parse(created, member: "the proof's \"created\"")
            guard date <= expectations.now.addingTimeInterval(expectations.clockSkew) else {
                throw IdentityError("the proof was created in the future (\(created))", reason: .notYetValid)
            }
        }
        if let expires = try string(proof, "expires") {
            let date = try ProofDateTime.parse(expires, member: "the proof's \"expires\"")
            guard date > expectations.now.addingTimeInterval(-expectations.clockSkew) else {
                throw IdentityError("the proof expired at \(expires)", reason: .expired)
            }
        }
        if let challenge = expectations.challenge {
            guard let given = try string(proof, "challenge") else {
                throw IdentityError("the proof has no \"challenge\" but one is required", reason: .wrongAudience)
            }
            guard given == challenge else {
                throw IdentityError("the proof's challenge \"\(given)\" is not the expected one", reason: .wrongAudience)
            }
        }
        if let domain = expectations.domain {
            guard let given = proof["domain"] else {
                throw IdentityError("the proof has no \"domain\" but \"\(domain)\" is required", reason: .wrongAudience)
            }
            let domains = given.asArray.compactMap(\.stringValue)
            guard domains.contains(domain) else {
                throw IdentityError("the proof's domain does not include \"\(domain)\"", reason: .wrongAudience)
            }
        }
    }
}
