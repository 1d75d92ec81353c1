import EspaceService
import Foundation

extension ComplianceService {
    /// `POST /v2/api/credential-offers/{standard-compliance|label-level-1|label-level-2|label-level-3}?vcid=`
    /// with the `vp+jwt` as body (`application/vp+jwt`): 201 with the label credential as
    /// `application/vc+jwt`, or the failed checks as JSON (400, 409, 501).
    public func routes(log: ComplianceLog?, now: @escaping @Sendable () -> Date = Date.init) -> [ServiceRoute] {
        [
            ServiceRoute(.post, "/v2/api/credential-offers/:level") { request in
                guard let level = Level(rawValue: request.parameters["level"] ?? "") else {
                    return .problem(
                        404, "not_found",
                        "no credential offer \(request.parameters["level"] ?? ""); use one of \(Level.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                guard let vcid = request.query["vcid"] ?? request.query["vcId"] else {
                    return .problem(400, "bad_request", "the vcid query parameter (the id of the credential to issue) is required")
                }
                let time = now()
                let issued: Issued
                do throws(ComplianceRefusal) {
                    issued = try await assess(request.text, level: level, vcid: vcid, now: time)
                } catch {
                    return .json(error.status, error.json)
                }
                do {
                    try await log?.record(issued, level: level, vcid: vcid, now: time)
                } catch {
                    return .problem(500, "store", "the credential was issued but could not be recorded: \(error)")
                }
                return .text(201, issued.jwt, contentType: "application/vc+jwt")
            }
        ]
    }
}
