import EspaceJSON

/// A DID document (DID Core 1.0 §5): the subject's verification methods, what each is
/// authorised for, and its services. Ids are kept absolute (relative `#fragment` ids are
/// resolved against the document `id` when parsing); members Espace does not model are kept
/// in `extra` so a document serializes back as published.
public struct DIDDocument: Sendable, Equatable {
    /// `@context`, as published (nil when absent, as in the JSON representation).
    public var context: JSONValue?
    /// The DID this document describes.
    public var id: String
    /// DIDs allowed to change this document.
    public var controller: [String]
    /// Other identifiers of the subject.
    public var alsoKnownAs: [String]
    /// The verification methods listed under `verificationMethod`.
    public var verificationMethod: [VerificationMethod]
    /// The methods each relationship authorises, by reference or embedded.
    public var relationships: [VerificationRelationship: [VerificationMethodEntry]]
    /// The services (`service`).
    public var service: [DIDService]
    /// Other top-level members, kept as published.
    public var extra: JSONObject

    /// The `@context` a DID document carries: DID v1.
    public static let didContext = "https://www.w3.org/ns/did/v1"

    public init(
        context: JSONValue? = .array([.string(DIDDocument.didContext)]), id: String, controller: [String] = [],
        alsoKnownAs: [String] = [], verificationMethod: [VerificationMethod] = [],
        relationships: [VerificationRelationship: [VerificationMethodEntry]] = [:], service: [DIDService] = [],
        extra: JSONObject? = nil
    ) {
        self.context = context
        self.id = id
        self.controller = controller
        self.alsoKnownAs = alsoKnownAs
        self.verificationMethod = verificationMethod
        self.relationships = relationships
        self.service = service
        self.extra = extra ?? JSONObject()
    }

    /// The entries listed under `relationship` (empty when absent).
    public func entries(for relationship: VerificationRelationship) -> [VerificationMethodEntry] {
        relationships[relationship] ?? []
    }

    /// The verification method with absolute id `id`, listed in `verificationMethod` or
    /// embedded in a relationship.
    public func verificationMethod(withID id: String) -> VerificationMethod? {
        if let method = verificationMethod.first(where: { $0.id == id }) { return method }
        for relationship in VerificationRelationship.allCases {
            for case .embedded(let method) in entries(for: relationship) where method.id == id { return method }
        }
        return nil
    }

    /// Whether the method with absolute id `id` is listed (by reference or embedded) under `relationship`.
    public func authorizes(_ id: String, for relationship: VerificationRelationship) -> Bool {
        entries(for: relationship).contains { $0.id == id }
    }

    /// `reference` made absolute against this document's DID (`#key-1` → `did:…#key-1`).
    public func absolute(_ reference: String) -> String {
        Self.absolute(reference, base: id)
    }

    static func absolute(_ reference: String, base: String) -> String {
        if reference.hasPrefix("#") || reference.hasPrefix("?") || reference.hasPrefix(";") { return base + reference }
        if reference.hasPrefix("/") { return base + reference }
        return reference
    }
}

/// A verification method (DID Core 1.0 §5.2): an id, a type, a controller and public key
/// material as `publicKeyJwk`, `publicKeyMultibase` or (Ed25519VerificationKey2018)
/// `publicKeyBase58`.
public struct VerificationMethod: Sendable, Equatable {
    /// The absolute DID URL of the method.
    public var id: String
    /// `JsonWebKey2020`, `JsonWebKey`, `Multikey`, `Ed25519VerificationKey2020`, …
    public var type: String
    /// The DID that controls the method.
    public var controller: String
    /// The `publicKeyJwk` object as published (with `alg`, `kid`, `x5u`, `x5c` if present).
    public var publicKeyJwk: JSONObject?
    /// A multibase (base58btc, multicodec-prefixed) key.
    public var publicKeyMultibase: String?
    /// The raw key in base58btc (the 2018 suites).
    public var publicKeyBase58: String?
    /// Other members, kept as published.
    public var extra: JSONObject

    public init(
        id: String, type: String, controller: String, publicKeyJwk: JSONObject? = nil,
        publicKeyMultibase: String? = nil, publicKeyBase58: String? = nil, extra: JSONObject? = nil
    ) {
        self.id = id
        self.type = type
        self.controller = controller
        self.publicKeyJwk = publicKeyJwk
        self.publicKeyMultibase = publicKeyMultibase
        self.publicKeyBase58 = publicKeyBase58
        self.extra = extra ?? JSONObject()
    }
}

/// One entry of a verification relationship: a reference to a method or an embedded one.
public enum VerificationMethodEntry: Sendable, Equatable {
    /// The absolute id of a method listed elsewhere in the document.
    case reference(String)
    /// A method defined only for this relationship.
    case embedded(VerificationMethod)

    /// The absolute id this entry names.
    public var id: String {
        switch self {
        case .reference(let id): return id
        case .embedded(let method): return method.id
        }
    }
}

/// A service endpoint (DID Core 1.0 §5.4).
public struct DIDService: Sendable, Equatable {
    /// The absolute id of the service (a URI; `#frag` ids are resolved against the DID).
    public var id: String
    /// One or more types (serialized as a string when there is one).
    public var types: [String]
    /// The endpoint: a URL string, a map, or an array of these, as published.
    public var serviceEndpoint: JSONValue
    /// Other members, kept as published.
    public var extra: JSONObject

    public init(id: String, types: [String], serviceEndpoint: JSONValue, extra: JSONObject? = nil) {
        self.id = id
        self.types = types
        self.serviceEndpoint = serviceEndpoint
        self.extra = extra ?? JSONObject()
    }

    /// A service with one type and one URL endpoint.
    public init(id: String, type: String, endpoint: String) {
        self.init(id: id, types: [type], serviceEndpoint: .string(endpoint))
    }
}
