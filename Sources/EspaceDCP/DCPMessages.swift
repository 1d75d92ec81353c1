import EspaceJSON

/// The DCP v1.0 JSON-LD context every message names.
public let dcpContext = "https://w3id.org/dspace-dcp/v1.0/dcp.jsonld"

/// `PresentationQueryMessage` (DCP §5.4.1): what a verifier asks a credential service for.
///
/// Processed as plain JSON, as the DCP schemas allow: the compacted form is normative.
public struct PresentationQueryMessage: Sendable, Equatable {
    /// What is asked: scopes (supported) or a DIF presentation definition (answered 501).
    public enum Query: Sendable, Equatable {
        case scopes([DCPScope])
        case presentationDefinition(JSONObject)
    }

    public var query: Query

    /// Largest number of scopes one query may carry.
    public static let maxScopes = 64

    public init(scopes: [DCPScope]) {
        self.query = .scopes(scopes)
    }

    /// Reads and checks a message: `@context` must include the DCP context, `type` must be
    /// `PresentationQueryMessage`, exactly one of `scope` (non-empty) and
    /// `presentationDefinition` must be present (both: 400, neither: 400).
    public init(json: JSONValue) throws(DCPError) {
        guard case .object(let o) = json else { throw .badRequest("the query message must be a JSON object") }
        try Self.checkContext(o["@context"])
        guard o["type"] == .string("PresentationQueryMessage") else {
            throw .badRequest("\"type\" must be \"PresentationQueryMessage\"")
        }
        switch (o["scope"], o["presentationDefinition"]) {
        case (.some, .some):
            throw .badRequest("a query may carry \"scope\" or \"presentationDefinition\", not both")
        case (nil, nil):
            throw .badRequest("a query must carry \"scope\" or \"presentationDefinition\"")
        case (.some(let scope), nil):
            guard case .array(let items) = scope else { throw .badRequest("\"scope\" must be an array of strings") }
            guard !items.isEmpty else { throw .badRequest("\"scope\" must not be empty") }
            guard items.count <= Self.maxScopes else {
                throw .badRequest("\"scope\" has \(items.count) entries; at most \(Self.maxScopes) are accepted")
            }
            var scopes: [DCPScope] = []
            for item in items {
                guard case .string(let text) = item else { throw .badRequest("\"scope\" entries must be strings") }
                scopes.append(try DCPScope(parsing: text))
            }
            query = .scopes(scopes)
        case (nil, .some(let definition)):
            guard case .object(let d) = definition, !d.isEmpty else {
                throw .badRequest("\"presentationDefinition\" must be a non-empty object")
            }
            query = .presentationDefinition(d)
        }
    }

    static func checkContext(_ context: JSONValue?) throws(DCPError) {
        guard let context else { throw .badRequest("the message has no \"@context\"") }
        guard context.asArray.contains(.string(dcpContext)) else {
            throw .badRequest("\"@context\" must include \(dcpContext)")
        }
    }

    /// The message as JSON.
    public var json: JSONValue {
        var o: JSONObject = ["@context": [.string(dcpContext)], "type": "PresentationQueryMessage"]
        switch query {
        case .scopes(let scopes): o["scope"] = .array(scopes.map { .string($0.description) })
        case .presentationDefinition(let d): o["presentationDefinition"] = .object(d)
        }
        return .object(o)
    }
}

/// `PresentationResponseMessage` (DCP §5.4.2): the presentations a credential service returns.
public struct PresentationResponseMessage: Sendable, Equatable {
    /// Each presentation: a compact JWT (`vp+jwt`) or a JSON-LD presentation object.
    public var presentations: [JSONValue]

    /// Largest number of presentations accepted in one response.
    public static let maxPresentations = 64

    public init(presentations: [JSONValue]) {
        self.presentations = presentations
    }

    public init(json: JSONValue) throws(DCPError) {
        guard case .object(let o) = json else { throw .badRequest("the response message must be a JSON object") }
        try PresentationQueryMessage.checkContext(o["@context"])
        guard o["type"] == .string("PresentationResponseMessage") else {
            throw .badRequest("\"type\" must be \"PresentationResponseMessage\"")
        }
        guard case .array(let items)? = o["presentation"] else {
            throw .badRequest("\"presentation\" must be an array")
        }
        guard items.count <= Self.maxPresentations else {
            throw .badRequest("the response carries \(items.count) presentations; at most \(Self.maxPresentations) are accepted")
        }
        for item in items where !(item.isString || item.isObject) {
            throw .badRequest("each presentation must be a string (JWT) or an object, found \(item.typeName)")
        }
        presentations = items
    }

    public var json: JSONValue {
        .object(["@context": [.string(dcpContext)], "type": "PresentationResponseMessage", "presentation": .array(presentations)])
    }
}
