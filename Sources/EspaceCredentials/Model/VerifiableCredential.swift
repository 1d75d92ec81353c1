import EspaceIdentity
import EspaceJSON

/// A verifiable credential (VC Data Model 1.1 or 2.0) over its JSON object.
///
/// The original object is kept unchanged (`json`), so digests and signatures are computed
/// over exactly what was received; the accessors read it leniently (a member of the wrong
/// shape reads as absent) and `CredentialValidator` says what is wrong with it.
public struct VerifiableCredential: Sendable, Equatable {
    /// The credential as received.
    public let json: JSONObject

    public init(json: JSONObject) {
        self.json = json
    }

    /// JSON data-model equality: members in any order, numbers by value.
    public static func == (lhs: VerifiableCredential, rhs: VerifiableCredential) -> Bool {
        JSONValue.object(lhs.json) == JSONValue.object(rhs.json)
    }

    /// Parses a credential from JSON text (bounded by `limits`).
    public init(parsing bytes: some Collection<UInt8>, limits: JSONLimits = JSONLimits(maxBytes: 4 << 20, maxDepth: 64))
        throws(IdentityError)
    {
        self.json = try JSONDocument.object(bytes, what: "credential", limits: limits)
    }

    /// The `@context` values, in order.
    public var contexts: [JSONValue] { json["@context"]?.asArray ?? [] }
    /// The data model, from the first context.
    public var version: DataModelVersion? { contexts.first?.stringValue.flatMap(DataModelVersion.init(baseContext:)) }
    /// The credential's `id`.
    public var id: String? { json["id"]?.stringValue }
    /// The `type` values.
    public var types: [String] { json["type"].map { $0.asArray.compactMap(\.stringValue) } ?? [] }
    /// The `issuer` as given: a URL string or an object with an `id`.
    public var issuer: JSONValue? { json["issuer"] }
    /// The issuer's URL (`issuer`, or `issuer.id`).
    public var issuerID: String? { json["issuer"]?.stringValue ?? json["issuer"]?["id"]?.stringValue }
    /// `validFrom` (2.0).
    public var validFrom: String? { json["validFrom"]?.stringValue }
    /// `validUntil` (2.0).
    public var validUntil: String? { json["validUntil"]?.stringValue }
    /// `issuanceDate` (1.1).
    public var issuanceDate: String? { json["issuanceDate"]?.stringValue }
    /// `expirationDate` (1.1).
    public var expirationDate: String? { json["expirationDate"]?.stringValue }
    /// The credential subjects (one or many).
    public var credentialSubjects: [JSONObject] { objects("credentialSubject") }
    /// `credentialStatus` entries.
    public var credentialStatus: [JSONObject] { objects("credentialStatus") }
    /// `credentialSchema` entries.
    public var credentialSchemas: [JSONObject] { objects("credentialSchema") }
    /// `evidence` entries.
    public var evidence: [JSONObject] { objects("evidence") }
    /// `termsOfUse` entries.
    public var termsOfUse: [JSONObject] { objects("termsOfUse") }
    /// `refreshService` entries.
    public var refreshServices: [JSONObject] { objects("refreshService") }
    /// Embedded `proof` entries (a proof set or chain is an array).
    public var proofs: [JSONObject] { objects("proof") }
    /// `name` as given (a string, a language value object, or an array of them).
    public var nameValue: JSONValue? { json["name"] }
    /// `description` as given (a string, a language value object, or an array of them).
    public var descriptionValue: JSONValue? { json["description"] }
    /// Whether this is an `EnvelopedVerifiableCredential` (a secured credential in an `id`
    /// data: URL) rather than a credential.
    public var isEnveloped: Bool { types.contains("EnvelopedVerifiableCredential") }

    /// The object members of property `name` (a single object or an array).
    func objects(_ name: String) -> [JSONObject] {
        json[name].map { $0.asArray.compactMap(\.objectValue) } ?? []
    }
}

/// Parsing JSON documents into objects, with errors as `IdentityError`.
enum JSONDocument {
    static func object(_ bytes: some Collection<UInt8>, what: String, limits: JSONLimits) throws(IdentityError) -> JSONObject {
        let value: JSONValue
        do {
            value = try JSONParser(limits: limits).parse(bytes)
        } catch {
            throw IdentityError("the \(what) is not valid JSON: \(error)")
        }
        guard case .object(let object) = value else {
            throw IdentityError("the \(what) must be a JSON object, found \(value.typeName)")
        }
        return object
    }
}
