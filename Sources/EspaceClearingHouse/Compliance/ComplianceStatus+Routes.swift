import EspaceCredentials
import EspaceService
import Foundation

extension ComplianceService {
    /// The revocation list of this clearing house's compliance credentials, and the operator's
    /// route to revoke one (bearer `operatorToken`; none when nil).
    public func statusRoutes(log: ComplianceLog, operatorToken: String?, now: @escaping @Sendable () -> Date = Date.init)
        -> [ServiceRoute]
    {
        guard let status else { return [] }
        var routes = [
            ServiceRoute(.get, "/v2/api/status/compliance") { _ in
                await answer {
                    var list = try StatusList()
                    for index in try await log.revokedIndexes() { try list.set(index) }
                    let time = now()
                    let json = StatusListCredential.build(
                        id: status.listURL, issuer: did, purpose: .revocation, list: list, validFrom: time - 60,
                        validUntil: time + 300, ttlMilliseconds: 300_000)
                    let jwt = try EnvelopedCredential.sign(credential: VerifiableCredential(json: json), key: key, kid: kid)
                    return .text(200, jwt, contentType: "application/vc+jwt")
                }
            }
        ]
        if let operatorToken {
            routes.append(
                ServiceRoute(.post, "/v2/admin/revocations") { request in
                    await answer {
                        try OperatorAuthorization.check(request, token: operatorToken)
                        guard case .success(let body) = request.json(), let vcid = body["vcid"]?.stringValue else {
                            throw RegistryError(.badRequest, "the body must be {\"vcid\": the compliance credential's id, \"reason\": …}")
                        }
                        guard try await log.revoke(vcid, reason: body["reason"]?.stringValue ?? "", now: now()) else {
                            throw RegistryError(.notFound, "this clearing house issued no compliance credential \(vcid)")
                        }
                        return .json(200, ["revoked": .string(vcid)])
                    }
                })
        }
        return routes
    }
}
