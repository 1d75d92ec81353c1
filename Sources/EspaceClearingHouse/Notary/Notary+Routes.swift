import EspaceJSON
import EspaceService
import Foundation

extension Notary {
    /// `GET /v2/registration-numbers/{type}/{value}?vcId=&subjectId=` (the Loire notary API):
    /// 200 with the credential as `application/vc+jwt`, or the refusal as JSON (400, 422, 503
    /// with `Retry-After` when known). Each issuance is recorded in `log`.
    public func routes(log: NotaryLog?, now: @escaping @Sendable () -> Date = Date.init) -> [ServiceRoute] {
        [
            ServiceRoute(.get, "/v2/registration-numbers/:type/:value") { request in
                let issued: Issued
                let notaryRequest: NotaryRequest
                do throws(NotaryError) {
                    notaryRequest = try NotaryRequest(
                        typeSegment: request.parameters["type"] ?? "", value: request.parameters["value"] ?? "",
                        vcId: request.query["vcId"], subjectId: request.query["subjectId"])
                    issued = try await issue(notaryRequest, now: now())
                } catch {
                    var response = ServiceResponse.json(error.httpStatus, .object(error.jsonBody))
                    if let seconds = error.retryAfterSeconds { response.headers["Retry-After"] = String(seconds) }
                    return response
                }
                do {
                    try await log?.record(issued, request: notaryRequest, now: now())
                } catch {
                    return .problem(500, "store", "the credential was issued but could not be recorded: \(error)")
                }
                return .text(200, issued.jwt, contentType: "application/vc+jwt")
            }
        ]
    }
}
