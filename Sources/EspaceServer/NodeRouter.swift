import EspaceJSON
import EspaceService
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Builds the HTTP routes of a node from its `NodeEndpoints`.
public enum NodeRouter {
    /// The router; usable without a socket (`app.test(.router)`) and by `NodeServer`.
    public static func router(for endpoints: NodeEndpoints) -> Router<BasicRequestContext> {
        let router = Router()
        // One log line per request (method, path, request id as metadata), at info level.
        router.middlewares.add(LogRequestsMiddleware(.info))
        router.get("/health") { _, _ -> Response in JSONResponse.make(status: 200, body: ["status": "ok"]) }
        if let document = endpoints.didDocument {
            let bytes = (try? JSONSerializer(options: .init(pretty: true)).serializeBytes(document)) ?? []
            for path in endpoints.didDocumentPaths {
                router.get(RouterPath(path)) { _, _ -> Response in
                    JSONResponse.make(status: 200, bytes: bytes, contentType: "application/did+json")
                }
            }
        }
        let limit = endpoints.maxRequestBytes
        if let handler = endpoints.presentationQuery {
            addJSONPost(router, endpoints.credentialServicePath + "/presentations/query", limit: limit, handler)
        }
        if let handler = endpoints.identityVerification {
            addJSONPost(router, "/identity/verify", limit: limit, handler)
        }
        for route in endpoints.routes { add(route, to: router, limit: limit) }
        return router
    }

    /// Maps a service route: path parameters, query, headers and body in; status, headers and body out.
    static func add(_ route: ServiceRoute, to router: Router<BasicRequestContext>, limit: Int) {
        let names = route.path.split(separator: "/").filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) }
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, context in
            let buffer: ByteBuffer
            do {
                buffer = try await request.body.collect(upTo: limit)
            } catch {
                return JSONResponse.problem(status: 413, code: "too_large", message: "the request body exceeds \(limit) bytes")
            }
            var parameters: [String: String] = [:]
            for name in names {
                if let value = context.parameters.get(name) { parameters[name] = value.removingPercentEncoding ?? value }
            }
            var query: [String: String] = [:]
            for (name, value) in request.uri.queryParameters where query[String(name)] == nil {
                query[String(name)] = String(value).removingPercentEncoding ?? String(value)
            }
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let answer = await route.handler(
                ServiceRequest(parameters: parameters, query: query, headers: headers, body: Array(buffer.readableBytesView)))
            var response = JSONResponse.make(status: answer.status, bytes: answer.body, contentType: answer.contentType)
            for (name, value) in answer.headers {
                if let field = HTTPField.Name(name) { response.headers[field] = value }
            }
            return response
        }
        let path = RouterPath(route.path)
        switch route.method {
        case .get: router.get(path, use: handler)
        case .post: router.post(path, use: handler)
        case .put: router.put(path, use: handler)
        case .delete: router.delete(path, use: handler)
        }
    }

    /// A POST route taking and answering JSON, handing the `Authorization` header over.
    static func addJSONPost(
        _ router: Router<BasicRequestContext>, _ path: String, limit: Int, _ handler: @escaping NodeEndpoints.PresentationQueryHandler
    ) {
        router.post(RouterPath(path)) { request, _ -> Response in
            let body: JSONValue
            switch await JSONResponse.readJSON(request, limit: limit) {
            case .success(let value): body = value
            case .failure(let error): return error.response
            }
            let answer = await handler(request.headers[.authorization], body)
            return JSONResponse.make(status: answer.status, body: answer.body)
        }
    }
}

/// JSON request and response helpers shared by the routes.
enum JSONResponse {
    static func make(status: Int, body: JSONValue) -> Response {
        let bytes = (try? JSONSerializer().serializeBytes(body)) ?? Array(#"{"error":"unserializable"}"#.utf8)
        return make(status: status, bytes: bytes, contentType: "application/json")
    }

    static func make(status: Int, bytes: [UInt8], contentType: String) -> Response {
        Response(
            status: HTTPResponse.Status(code: status),
            headers: [.contentType: contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A problem answer: `{"error": code, "message": …}`.
    static func problem(status: Int, code: String, message: String) -> Response {
        make(status: status, body: ["error": .string(code), "message": .string(message)])
    }

    /// Reads the body as JSON, or the error response to send (413 too large, 400 not JSON).
    static func readJSON(_ request: Request, limit: Int) async -> Result<JSONValue, ResponseError> {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            return .failure(ResponseError(problem(status: 413, code: "too_large", message: "the request body exceeds \(limit) bytes")))
        }
        do {
            return .success(try JSONParser().parse(Array(buffer.readableBytesView)))
        } catch {
            return .failure(ResponseError(problem(status: 400, code: "bad_json", message: "the request body is not JSON: \(error)")))
        }
    }

    /// A response carried as an error value (so `Result` can hold it).
    struct ResponseError: Error {
        var response: Response
        init(_ response: Response) { self.response = response }
    }
}
