/// Produces the DID document of a DID of one method.
public protocol DIDResolver: Sendable {
    /// The document of `did` (a plain DID, no fragment), or an `IdentityError` saying why not.
    func resolve(_ did: String) async throws(IdentityError) -> DIDDocument
}

/// Resolves did:key offline: the document is derived from the identifier.
public struct DIDKeyResolver: DIDResolver {
    /// How the generated document presents the key.
    public var representation: DIDKeyRepresentation

    public init(representation: DIDKeyRepresentation = .multikey) {
        self.representation = representation
    }

    public func resolve(_ did: String) async throws(IdentityError) -> DIDDocument {
        try DIDDocument.didKey(did, representation: representation)
    }
}

/// Resolves did:jwk offline: the document is derived from the identifier.
public struct DIDJWKResolver: DIDResolver {
    public init() {}

    public func resolve(_ did: String) async throws(IdentityError) -> DIDDocument {
        try DIDDocument.didJWK(did)
    }
}

/// Dispatches DIDs to the resolver of their method and finds verification methods in the
/// documents, checking the relationship that authorises them.
public struct DIDResolvers: DIDResolver, VerificationMethodResolver {
    /// Resolvers by method name (`key`, `jwk`, `web`).
    public var resolvers: [String: any DIDResolver]

    public init(_ resolvers: [String: any DIDResolver]) {
        self.resolvers = resolvers
    }

    /// did:key and did:jwk, which need no network.
    public static var offline: DIDResolvers {
        DIDResolvers(["key": DIDKeyResolver(), "jwk": DIDJWKResolver()])
    }

    /// Resolves a DID (a DID URL's fragment, path and query are ignored); the document's
    /// `id` must be the DID. Unknown methods are `.unsupported`.
    public func resolve(_ did: String) async throws(IdentityError) -> DIDDocument {
        let url = try DIDURL(did)
        guard let resolver = resolvers[url.method] else {
            throw IdentityError(
                "DID method \"\(url.method)\" is not supported (\(DIDURL.excerpt(did)))", reason: .unsupported)
        }
        let document = try await resolver.resolve(url.did)
        guard document.id == url.did else {
            throw IdentityError(
                "the document resolved for \(url.did) describes \(DIDURL.excerpt(document.id))",
                reason: .resolutionFailed)
        }
        return document
    }

    /// Resolves the method `id` names (an absolute DID URL with a fragment; a bare DID is
    /// accepted when its document lists exactly one method under `relationship`) and checks
    /// that the document lists it under `relationship` (`.notAuthorized` otherwise).
    public func resolveVerificationMethod(
        _ id: String, for relationship: VerificationRelationship
    ) async throws(IdentityError) -> ResolvedVerificationMethod {
        let url = try DIDURL(id)
        let document = try await resolve(url.did)
        let methodID: String
        if url.fragment == nil, url.path.isEmpty, url.query == nil {
            let entries = document.entries(for: relationship)
            guard entries.count == 1 else {
                throw IdentityError(
                    "\(url.did) lists \(entries.count) methods for \(relationship.rawValue); name one with a fragment",
                    reason: entries.isEmpty ? .notAuthorized : .malformed)
            }
            methodID = entries[0].id
        } else {
            methodID = url.description
        }
        guard let method = document.verificationMethod(withID: methodID) else {
            throw IdentityError(
                "\(DIDURL.excerpt(methodID)) is not a verification method of \(url.did)", reason: .resolutionFailed)
        }
        guard document.authorizes(methodID, for: relationship) else {
            throw IdentityError(
                "\(DIDURL.excerpt(methodID)) is not listed under \(relationship.rawValue) in \(url.did)",
                reason: .notAuthorized)
        }
        return ResolvedVerificationMethod(
            id: method.id, controller: method.controller, type: method.type, publicKey: try method.publicKey(),
            publishedJWK: method.publicKeyJwk)
    }

    /// Resolves a key id as a token carries it for issuer `did`: absolute (`did:…#key-1`),
    /// relative (`#key-1`) or a bare fragment (`key-1`). An absolute id of another DID is
    /// `.wrongIssuer`.
    public func resolveVerificationMethod(
        kid: String, of did: String, for relationship: VerificationRelationship
    ) async throws(IdentityError) -> ResolvedVerificationMethod {
        let issuer = try DIDURL(did).did
        let id: String
        if kid.hasPrefix("did:") {
            guard try DIDURL(kid).did == issuer else {
                throw IdentityError("key id \(DIDURL.excerpt(kid)) does not belong to \(issuer)", reason: .wrongIssuer)
            }
            id = kid
        } else {
            id = issuer + (kid.hasPrefix("#") ? "" : "#") + kid
        }
        return try await resolveVerificationMethod(id, for: relationship)
    }
}
