import EspaceJSON

/// An HTTP route of a service as plain logic: a method, a path pattern (`:name` segments are
/// parameters) and an async handler from a `ServiceRequest` to a `ServiceResponse`. Services
/// (the clearing house, the connector) declare their routes with it and are tested without
/// sockets; `EspaceServer` maps them onto Hummingbird.
public struct ServiceRoute: Sendable {
    public enum Method: String, Sendable {
        case get = "GET", post = "POST", put = "PUT", delete = "DELETE"
    }

    public var method: Method
    /// `/v2/registration-numbers/:type/:value`.
    public var path: String
    public var handler: @Sendable (ServiceRequest) async -> ServiceResponse

    public init(_ method: Method, _ path: String, handler: @escaping @Sendable (ServiceRequest) async -> ServiceResponse) {
        self.method = method
        self.path = path
        self.handler = handler
    }
}

/// What a route receives.
public struct ServiceRequest: Sendable {
    /// Path parameters by name (`:type` → `type`), already percent-decoded.
    public var parameters: [String: String]
    /// Query parameters, percent-decoded (the first value of a repeated name).
    public var query: [String: String]
    /// Header values by lowercased name.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(parameters: [String: String] = [:], query: [String: String] = [:], headers: [String: String] = [:], body: [UInt8] = []) {
        self.parameters = parameters
        self.query = query
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }

    /// A header's value (names are case-insensitive).
    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The body parsed as JSON, or the 400 answer to send.
    public func json() -> Result<JSONValue, ServiceResponse> {
        do {
            return .success(try JSONParser().parse(body))
        } catch {
            return .failure(.problem(400, "bad_json", "the request body is not JSON: \(error)"))
        }
    }

    /// The body as UTF-8 text (invalid sequences replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// What a route answers.
public struct ServiceResponse: Sendable, Error {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]
    /// Extra headers (`Location`, say).
    public var headers: [String: String]

    public init(status: Int, contentType: String, body: [UInt8], headers: [String: String] = [:]) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
    }

    /// A JSON answer.
    public static func json(_ status: Int, _ value: JSONValue) -> ServiceResponse {
        let bytes = (try? JSONSerializer().serializeBytes(value)) ?? Array(#"{"error":"unserializable"}"#.utf8)
        return ServiceResponse(status: status, contentType: "application/json", body: bytes)
    }

    /// A text answer (a `vc+jwt`, a Turtle file, a PEM chain…).
    public static func text(_ status: Int, _ text: String, contentType: String) -> ServiceResponse {
        ServiceResponse(status: status, contentType: contentType, body: Array(text.utf8))
    }

    /// A problem answer: `{"error": code, "message": …}` plus any `details`.
    public static func problem(_ status: Int, _ code: String, _ message: String, details: JSONObject? = nil) -> ServiceResponse {
        var object: JSONObject = ["error": .string(code), "message": .string(message)]
        for (key, value) in details ?? [:] { object[key] = value }
        return json(status, .object(object))
    }
}
