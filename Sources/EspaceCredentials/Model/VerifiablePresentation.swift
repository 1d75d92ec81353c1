import EspaceIdentity
import EspaceJSON

/// A verifiable presentation (VC Data Model 1.1 or 2.0) over its JSON object, kept as
/// received.
public struct VerifiablePresentation: Sendable, Equatable {
    /// The presentation as received.
    public let json: JSONObject

    public init(json: JSONObject) {
        self.json = json
    }

    /// JSON data-model equality: members in any order, numbers by value.
    public static func == (lhs: VerifiablePresentation, rhs: VerifiablePresentation) -> Bool {
        JSONValue.object(lhs.json) == JSONValue.object(rhs.json)
    }

    /// Parses a presentation from JSON text (bounded by `limits`).
    public init(parsing bytes: some Collection<UInt8>, limits: JSONLimits = JSONLimits(maxBytes: 16 << 20, maxDepth: 64))
        throws(IdentityError)
    {
        self.json = try JSONDocument.object(bytes, what: "presentation", limits: limits)
    }

    /// The `@context` values, in order.
    public var contexts: [JSONValue] { json["@context"]?.asArray ?? [] }
    /// The data model, from the first context.
    public var version: DataModelVersion? { contexts.first?.stringValue.flatMap(DataModelVersion.init(baseContext:)) }
    /// The presentation's `id`.
    public var id: String? { json["id"]?.stringValue }
    /// The `type` values.
    public var types: [String] { json["type"].map { $0.asArray.compactMap(\.stringValue) } ?? [] }
    /// The holder's URL (`holder`, or `holder.id`).
    public var holderID: String? { json["holder"]?.stringValue ?? json["holder"]?["id"]?.stringValue }
    /// Who presents: the holder, or (Gaia-X Loire VPs, which name the participant as
    /// `issuer`) the `issuer` member.
    public var presenterID: String? { holderID ?? json["issuer"]?.stringValue ?? json["issuer"]?["id"]?.stringValue }
    /// The `verifiableCredential` entries as given.
    public var verifiableCredentialEntries: [JSONValue] { json["verifiableCredential"]?.asArray ?? [] }
    /// The embedded credentials (objects), enveloped ones included.
    public var credentials: [VerifiableCredential] {
        verifiableCredentialEntries.compactMap(\.objectValue).map(VerifiableCredential.init(json:))
    }
    /// The `EnvelopedVerifiableCredential` entries' data: URLs.
    public var envelopedCredentialURLs: [String] {
        credentials.filter(\.isEnveloped).compactMap(\.id)
    }
    /// Embedded `proof` entries.
    public var proofs: [JSONObject] { json["proof"].map { $0.asArray.compactMap(\.objectValue) } ?? [] }
}
