import EspaceJSON

extension DCPVerifier {
    /// Answers `POST /identity/verify`: the body names the scopes to require
    /// (`{"scope": ["org.eclipse.dspace.dcp.vc.type:MembershipCredential:read"]}`), the
    /// `Authorization` header carries the caller's ID token. 200 with the verified
    /// participant and its credentials' claims, or the DCP error's status.
    public func handleVerification(authorization: String?, body: JSONValue, now: Double) async -> (status: Int, body: JSONValue) {
        guard case .array(let items)? = body["scope"], !items.isEmpty, items.count <= PresentationQueryMessage.maxScopes else {
            return (400, DCPError.body(.badRequest("the body must be {\"scope\": [one to \(PresentationQueryMessage.maxScopes) scopes]}")))
        }
        var scopes: [DCPScope] = []
        for item in items {
            guard case .string(let text) = item, let scope = try? DCPScope(parsing: text) else {
                return (400, DCPError.body(.badRequest("each scope must be a string of at most 512 bytes")))
            }
            scopes.append(scope)
        }
        do {
            let result = try await verify(authorization: authorization, scopes: scopes, now: now)
            return (200, result.json)
        } catch {
            return (error.status, DCPError.body(error))
        }
    }
}

extension VerifiedParticipant {
    /// The result as JSON: `{"participant", "expires", "credentials": [{id, types, issuer, validUntil, subjects}]}`.
    public var json: JSONValue {
        var list: [JSONValue] = []
        for credential in credentials {
            var o: JSONObject = [
                "types": .array(credential.types.map { .string($0) }), "issuer": .string(credential.issuer),
                "subjects": .array(credential.subjects.map { .object($0) }),
            ]
            if let id = credential.id { o["id"] = .string(id) }
            if let until = credential.validUntil { o["validUntil"] = .number(JSONNumber(Int(until))) }
            list.append(.object(o))
        }
        var o: JSONObject = ["participant": .string(participant), "credentials": .array(list)]
        if expires.isFinite { o["expires"] = .number(JSONNumber(Int(expires))) }
        return .object(o)
    }
}
