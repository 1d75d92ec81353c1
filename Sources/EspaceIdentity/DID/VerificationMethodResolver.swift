import EspaceJSON

/// The purposes a DID document authorises a verification method for (DID Core §5.3).
public enum VerificationRelationship: String, Sendable, CaseIterable, Hashable {
    case authentication
    case assertionMethod
    case keyAgreement
    case capabilityInvocation
    case capabilityDelegation
}

/// A verification method found in its controller's DID document, with its key.
public struct ResolvedVerificationMethod: Sendable {
    /// The absolute DID URL of the method (`did:…#fragment`).
    public var id: String
    /// The DID that controls the method.
    public var controller: String
    /// The method type (`JsonWebKey2020`, `JsonWebKey`, `Multikey`, `Ed25519VerificationKey2020`, …).
    public var type: String
    /// The public key.
    public var publicKey: PublicKey
    /// The `publicKeyJwk` object as published, with members such as `alg`, `x5u`, `x5c`; nil
    /// when the key was published in another form.
    public var publishedJWK: JSONObject?

    public init(id: String, controller: String, type: String, publicKey: PublicKey, publishedJWK: JSONObject? = nil) {
        self.id = id
        self.controller = controller
        self.type = type
        self.publicKey = publicKey
        self.publishedJWK = publishedJWK
    }
}

/// Finds the key behind a verification method id and checks its controller authorises it.
///
/// Credential, presentation and token verifiers take one of these, so they never fetch
/// anything themselves: a resolver over did:key and did:jwk works offline, and did:web goes
/// through a configured HTTP client.
public protocol VerificationMethodResolver: Sendable {
    /// Resolves `id` (an absolute DID URL) and checks that its controller's DID document
    /// lists it under `relationship`; throws an `IdentityError` saying why not otherwise.
    func resolveVerificationMethod(
        _ id: String, for relationship: VerificationRelationship
    ) async throws(IdentityError) -> ResolvedVerificationMethod
}
