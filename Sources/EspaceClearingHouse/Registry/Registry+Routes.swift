import EspaceIdentity
import EspaceJSON
import EspaceService
import Foundation

extension Registry {
    /// The registry's HTTP API, compatible with the Gaia-X Loire registry paths, plus the
    /// operator's administration routes (bearer `operatorToken`; none when it is nil).
    public func routes(operatorToken: String?, now: @escaping @Sendable () -> Date = Date.init) -> [ServiceRoute] {
        var routes: [ServiceRoute] = [
            ServiceRoute(.get, "/v2/api/trustAnchor") { _ in
                await answer {
                    .json(200, .array(try await store.trustAnchors().map(Self.json)))
                }
            },
            ServiceRoute(.post, "/v2/api/trustAnchor/chain") { request in
                await answer {
                    guard case .success(let body) = request.json(), let certs = body["certs"]?.stringValue else {
                        throw RegistryError(.badRequest, "the body must be {\"certs\": \"<PEM chain, leaf first>\"}")
                    }
                    return try await chainAnswer(try Self.chain(certs), now: now())
                }
            },
            ServiceRoute(.post, "/v2/api/trustAnchor/chain/file") { request in
                await answer {
                    guard case .success(let body) = request.json(), let uri = body["uri"]?.stringValue else {
                        throw RegistryError(.badRequest, "the body must be {\"uri\": \"<x5u URL of a PEM chain>\"}")
                    }
                    guard let fetcher else { throw RegistryError(.unavailable, "this registry does not fetch chains") }
                    let chain: CertificateChain
                    do {
                        chain = try await fetcher.fetch(uri)
                    } catch {
                        throw RegistryError(.conflict, "the chain at \(uri) cannot be read: \(error)")
                    }
                    return try await chainAnswer(chain, now: now())
                }
            },
            ServiceRoute(.get, "/v2/api/trusted-issuers/registration-notary") { _ in
                await answer { .json(200, .array(try await store.trustedIssuers(.notary).map { .string($0) })) }
            },
            ServiceRoute(.get, "/v2/api/complianceIssuers") { _ in
                await answer { .json(200, .array(try await store.trustedIssuers(.clearingHouse).map { .string($0) })) }
            },
            ServiceRoute(.get, "/v2/api/termsAndConditions") { _ in
                guard let terms = termsAndConditions else {
                    return .problem(404, "not_found", "this registry publishes no terms and conditions")
                }
                return .json(200, ["version": .string(terms.version), "text": .string(terms.text), "hash": .string(terms.hash)])
            },
            ServiceRoute(.get, "/v2/api/trusted-shape-registry/v1/shapes") { _ in
                .json(200, .array(shapes.map { .string($0.name) }))
            },
            ServiceRoute(.get, "/v2/api/trusted-shape-registry/v1/shapes/:name") { request in
                guard let found = shapes.first(where: { $0.name == request.parameters["name"] }) else {
                    return .problem(404, "not_found", "no shapes named \(request.parameters["name"] ?? "")")
                }
                return .text(200, found.turtle, contentType: "text/turtle")
            },
        ]
        if let operatorToken {
            routes += administration(operatorToken, now)
        }
        return routes
    }

    /// Trust anchors and trusted issuers, changed by the operator.
    func administration(_ token: String, _ now: @escaping @Sendable () -> Date) -> [ServiceRoute] {
        [
            ServiceRoute(.post, "/v2/admin/trust-anchors") { request in
                await answer {
                    try OperatorAuthorization.check(request, token: token)
                    var pem = request.text
                    if case .success(let body) = request.json(), let given = body["pem"]?.stringValue { pem = given }
                    let records = try await store.addTrustAnchors(pem: pem, now: now())
                    return .json(201, .array(records.map(Self.json)))
                }
            },
            ServiceRoute(.delete, "/v2/admin/trust-anchors/:id") { request in
                await answer {
                    try OperatorAuthorization.check(request, token: token)
                    guard try await store.removeTrustAnchor(id: request.parameters["id"] ?? "") else {
                        throw RegistryError(.notFound, "no trust anchor \(request.parameters["id"] ?? "")")
                    }
                    return .json(200, ["removed": .string(request.parameters["id"] ?? "")])
                }
            },
            ServiceRoute(.post, "/v2/admin/trusted-issuers") { request in
                await answer {
                    try OperatorAuthorization.check(request, token: token)
                    let (did, role) = try Self.issuer(request)
                    try await store.addTrustedIssuer(did, role: role, now: now())
                    return .json(201, ["did": .string(did), "role": .string(role.rawValue)])
                }
            },
            ServiceRoute(.delete, "/v2/admin/trusted-issuers") { request in
                await answer {
                    try OperatorAuthorization.check(request, token: token)
                    let (did, role) = try Self.issuer(request)
                    guard try await store.removeTrustedIssuer(did, role: role) else {
                        throw RegistryError(.notFound, "\(did) is not a trusted \(role.rawValue)")
                    }
                    return .json(200, ["removed": .string(did), "role": .string(role.rawValue)])
                }
            },
        ]
    }

    /// `{"result": true}` for a chain that ends in an anchor, 409 with the reason otherwise.
    func chainAnswer(_ chain: CertificateChain, now: Date) async throws -> ServiceResponse {
        do {
            let validated = try await check(chain, now: now)
            return .json(200, ["result": true, "anchor": .string(validated.anchor.subject.description)])
        } catch {
            return .json(error.httpStatus, ["result": false, "error": .string(error.kind.rawValue), "message": .string(error.message)])
        }
    }

    static func chain(_ pem: String) throws(RegistryError) -> CertificateChain {
        do {
            return try CertificateChain(pem: pem)
        } catch {
            throw RegistryError(.badRequest, "certs is not a PEM certificate chain: \(error.message)")
        }
    }

    static func issuer(_ request: ServiceRequest) throws(RegistryError) -> (String, TrustedIssuerRole) {
        guard case .success(let body) = request.json(), let did = body["did"]?.stringValue,
            let role = body["role"]?.stringValue.flatMap(TrustedIssuerRole.init(rawValue:))
        else {
            throw RegistryError(.badRequest, "the body must be {\"did\": DID, \"role\": \"notary\" or \"clearing-house\"}")
        }
        return (did, role)
    }

    static func json(_ record: TrustAnchorRecord) -> JSONValue {
        [
            "id": .string(record.id), "subject": .string(record.subject),
            "notAfter": .number(JSONNumber(Int(record.notAfter))), "pem": .string(record.pem),
        ]
    }
}

/// Runs a route body, turning thrown errors into problem answers (store failures are 500s
/// whose message names the failure, never a crash).
func answer(_ body: () async throws -> ServiceResponse) async -> ServiceResponse {
    do {
        return try await body()
    } catch let error as RegistryError {
        return .problem(error.httpStatus, error.kind.rawValue, error.message)
    } catch {
        return .problem(500, "internal", "\(error)")
    }
}

/// The operator's bearer token, compared in constant time.
enum OperatorAuthorization {
    static func check(_ request: ServiceRequest, token: String) throws(RegistryError) {
        let given = request.header("authorization").map { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : "" } ?? ""
        let a = Array(given.utf8)
        let b = Array(token.utf8)
        var difference = a.count ^ b.count
        for index in 0..<max(a.count, b.count) {
            difference |= Int((index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0))
        }
        guard difference == 0, !token.isEmpty else {
            throw RegistryError(.unauthorized, "this route needs the operator's bearer token")
        }
    }
}
