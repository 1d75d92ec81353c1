import EspaceClearingHouse
import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Foundation
import Synchronization

/// A notary on a did:key (resolvable offline), a fixed clock, and a scripted registry.
enum NotaryFixtures {
    static let now = Date(timeIntervalSince1970: 1_772_700_961)  // 2026-03-05T08:56:01Z, as the live VatID
    static let vcId = "https://gaia-x.eu/.well-known/vatID.json"
    static let subjectId = "https://gaia-x.eu/.well-known/vatID.json#cs"

    static func notary(registries: OnlineRegistries = .off) throws -> Notary {
        let key = try PrivateKey.generate(.es256)
        let did = try DIDKey.did(for: key.publicKey)
        return try Notary(did: did, kid: "#" + did.dropFirst("did:key:".count), key: key, registries: registries)
    }

    static func request(_ type: RegistrationNumberType, _ value: String) throws(NotaryError) -> NotaryRequest {
        try NotaryRequest(type: type, value: value, vcId: vcId, subjectId: subjectId)
    }

    /// A verifier at `now` (+1 day) resolving did:key offline, trusting `trusted`.
    static func verifier(trusting trusted: Set<String>, checkJSONLD: Bool = true) -> CredentialVerifier {
        var policy = CredentialVerifier.Policy(
            now: now + 86_400, resolver: DIDResolvers.offline, trustedIssuers: trusted)
        policy.validatorOptions.checkJSONLD = checkJSONLD
        policy.validatorOptions.rejectUndefinedTerms = checkJSONLD
        return CredentialVerifier(policy: policy)
    }
}

/// A registry test double: answers with `answer` and counts its calls.
final class ScriptedRegistry: OnlineRegistry {
    let name: String
    let answer: @Sendable (ValidRegistrationNumber) -> OnlineRegistryAnswer
    private let count = Mutex(0)

    init(name: String, answer: @escaping @Sendable (ValidRegistrationNumber) -> OnlineRegistryAnswer) {
        self.name = name
        self.answer = answer
    }

    var calls: Int { count.withLock { $0 } }

    func lookUp(_ number: ValidRegistrationNumber) async -> OnlineRegistryAnswer {
        count.withLock { $0 += 1 }
        return answer(number)
    }

    /// VIES-like: knows `known` VAT IDs, says `.invalid` for the others.
    static func vies(knowing known: Set<String>) -> ScriptedRegistry {
        ScriptedRegistry(name: "VIES") { number in
            known.contains(number.value)
                ? .valid(
                    OnlineRecord(
                        registry: "VIES", evidenceURL: OnlineRegistries.Endpoint.vies, countryCode: number.countryCode))
                : .invalid(registry: "VIES", reason: "is not registered (valid: false)")
        }
    }

    /// A registry that cannot answer (VIES MS_UNAVAILABLE).
    static func down(_ name: String) -> ScriptedRegistry {
        ScriptedRegistry(name: name) { _ in
            .unavailable(registry: name, reason: "MS_UNAVAILABLE", retryAfterSeconds: 30)
        }
    }
}
