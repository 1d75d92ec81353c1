import EspaceJSON

/// Bounds on a DID document read from outside.
public struct DIDDocumentLimits: Sendable, Equatable {
    /// Verification methods in the document, counting embedded ones.
    public var maxVerificationMethods: Int
    /// Services in the document.
    public var maxServices: Int
    /// Entries in one verification relationship.
    public var maxRelationshipEntries: Int
    /// Largest accepted document, in bytes, when parsing text.
    public var maxBytes: Int

    public init(
        maxVerificationMethods: Int = 64, maxServices: Int = 64, maxRelationshipEntries: Int = 64,
        maxBytes: Int = 256 * 1024
    ) {
        self.maxVerificationMethods = maxVerificationMethods
        self.maxServices = maxServices
        self.maxRelationshipEntries = maxRelationshipEntries
        self.maxBytes = maxBytes
    }
}

extension DIDDocument {
    /// Parses a DID document from JSON bytes (size and depth bounded).
    public init(bytes: some Collection<UInt8>, limits: DIDDocumentLimits = DIDDocumentLimits()) throws(IdentityError) {
        guard bytes.count <= limits.maxBytes else {
            throw IdentityError("DID document larger than \(limits.maxBytes) bytes", reason: .limitExceeded)
        }
        let value: JSONValue
        do {
            value = try JSONParser(limits: JSONLimits(maxBytes: limits.maxBytes, maxDepth: 32)).parse(bytes)
        } catch {
            throw IdentityError("the DID document is not valid JSON: \(error)")
        }
        try self.init(json: value, limits: limits)
    }

    /// Reads and validates a DID document in its JSON representation.
    public init(json: JSONValue, limits: DIDDocumentLimits = DIDDocumentLimits()) throws(IdentityError) {
        guard case .object(var o) = json else { throw IdentityError("a DID document must be a JSON object") }
        guard case .string(let id)? = o.removeValue(forKey: "id") else {
            throw IdentityError("the DID document has no \"id\" string")
        }
        guard DIDURL.isDID(id) else {
            throw IdentityError("the DID document id \"\(DIDURL.excerpt(id))\" is not a DID")
        }
        self.init(context: o.removeValue(forKey: "@context"), id: id)
        controller = try Self.strings(o.removeValue(forKey: "controller"), member: "controller")
        for c in controller where !DIDURL.isDID(c) {
            throw IdentityError("controller \"\(DIDURL.excerpt(c))\" of \(id) is not a DID")
        }
        alsoKnownAs = try Self.strings(o.removeValue(forKey: "alsoKnownAs"), member: "alsoKnownAs")
        var methodCount = 0
        var seen = Set<String>()
        func method(_ value: JSONValue, where place: String) throws(IdentityError) -> VerificationMethod {
            methodCount += 1
            guard methodCount <= limits.maxVerificationMethods else {
                throw IdentityError(
                    "\(id) has more than \(limits.maxVerificationMethods) verification methods", reason: .limitExceeded)
            }
            let m = try VerificationMethod(json: value, base: id, where: place)
            guard seen.insert(m.id).inserted else {
                throw IdentityError("verification method id \(m.id) appears twice in \(id)")
            }
            return m
        }
        switch o.removeValue(forKey: "verificationMethod") {
        case nil: break
        case .array(let items)?:
            for item in items { verificationMethod.append(try method(item, where: "verificationMethod")) }
        default: throw IdentityError("\"verificationMethod\" of \(id) must be an array")
        }
        for relationship in VerificationRelationship.allCases {
            guard let value = o.removeValue(forKey: relationship.rawValue) else { continue }
            guard case .array(let items) = value else {
                throw IdentityError("\"\(relationship.rawValue)\" of \(id) must be an array")
            }
            guard items.count <= limits.maxRelationshipEntries else {
                throw IdentityError(
                    "\"\(relationship.rawValue)\" of \(id) has more than \(limits.maxRelationshipEntries) entries",
                    reason: .limitExceeded)
            }
            var entries: [VerificationMethodEntry] = []
            for item in items {
                switch item {
                case .string(let reference):
                    let absolute = DIDDocument.absolute(reference, base: id)
                    guard (try? DIDURL(absolute)) != nil else {
                        throw IdentityError(
                            "\"\(relationship.rawValue)\" of \(id) references \"\(DIDURL.excerpt(reference))\", not a DID URL"
                        )
                    }
                    entries.append(.reference(absolute))
                case .object:
                    entries.append(.embedded(try method(item, where: relationship.rawValue)))
                default:
                    throw IdentityError("\"\(relationship.rawValue)\" entries of \(id) must be strings or objects")
                }
            }
            relationships[relationship] = entries
        }
        switch o.removeValue(forKey: "service") {
        case nil: break
        case .array(let items)?:
            guard items.count <= limits.maxServices else {
                throw IdentityError("\(id) has more than \(limits.maxServices) services", reason: .limitExceeded)
            }
            var serviceIDs = Set<String>()
            for item in items {
                let s = try DIDService(json: item, base: id)
                guard serviceIDs.insert(s.id).inserted else {
                    throw IdentityError("service id \(s.id) appears twice in \(id)")
                }
                service.append(s)
            }
        default: throw IdentityError("\"service\" of \(id) must be an array")
        }
        extra = o
    }

    /// The document in its JSON representation (absolute ids; one-element `controller`
    /// and service `type` as strings).
    public var json: JSONValue {
        var o = JSONObject()
        if let context { o["@context"] = context }
        o["id"] = .string(id)
        if !controller.isEmpty {
            o["controller"] = controller.count == 1 ? .string(controller[0]) : .array(controller.map { .string($0) })
        }
        if !alsoKnownAs.isEmpty { o["alsoKnownAs"] = .array(alsoKnownAs.map { .string($0) }) }
        if !verificationMethod.isEmpty { o["verificationMethod"] = .array(verificationMethod.map(\.json)) }
        for relationship in VerificationRelationship.allCases {
            guard let entries = relationships[relationship] else { continue }
            o[relationship.rawValue] = .array(
                entries.map { entry in
                    switch entry {
                    case .reference(let id): return .string(id)
                    case .embedded(let method): return method.json
                    }
                })
        }
        if !service.isEmpty { o["service"] = .array(service.map(\.json)) }
        for (key, value) in extra where o[key] == nil { o[key] = value }
        return .object(o)
    }

    static func strings(_ value: JSONValue?, member: String) throws(IdentityError) -> [String] {
        switch value {
        case nil: return []
        case .string(let s)?: return [s]
        case .array(let items)?:
            var out: [String] = []
            for item in items {
                guard case .string(let s) = item else { throw IdentityError("\"\(member)\" must hold strings") }
                out.append(s)
            }
            return out
        default: throw IdentityError("\"\(member)\" must be a string or an array of strings")
        }
    }
}

extension VerificationMethod {
    /// Reads a verification method; relative ids and controllers resolve against `base`.
    public init(json: JSONValue, base: String, where place: String = "verificationMethod") throws(IdentityError) {
        guard case .object(var o) = json else { throw IdentityError("a \(place) entry of \(base) must be an object") }
        guard case .string(let rawID)? = o.removeValue(forKey: "id") else {
            throw IdentityError("a \(place) entry of \(base) has no \"id\" string")
        }
        let id = DIDDocument.absolute(rawID, base: base)
        guard (try? DIDURL(id)) != nil else {
            throw IdentityError("verification method id \"\(DIDURL.excerpt(rawID))\" in \(base) is not a DID URL")
        }
        guard case .string(let type)? = o.removeValue(forKey: "type"), !type.isEmpty else {
            throw IdentityError("verification method \(id) has no \"type\" string")
        }
        guard case .string(let controller)? = o.removeValue(forKey: "controller"), DIDURL.isDID(controller) else {
            throw IdentityError("verification method \(id) has no \"controller\" DID")
        }
        self.init(id: id, type: type, controller: controller)
        var forms = 0
        switch o.removeValue(forKey: "publicKeyJwk") {
        case nil: break
        case .object(let jwk)?:
            guard case .string? = jwk["kty"] else { throw IdentityError("publicKeyJwk of \(id) has no \"kty\" string") }
            for member in ["d", "p", "q", "dp", "dq", "qi", "k"] where jwk[member] != nil {
                throw IdentityError("publicKeyJwk of \(id) carries private key material (\"\(member)\")")
            }
            publicKeyJwk = jwk
            forms += 1
        default: throw IdentityError("publicKeyJwk of \(id) must be an object")
        }
        switch o.removeValue(forKey: "publicKeyMultibase") {
        case nil: break
        case .string(let text)?:
            guard text.first == "z", (try? Base58.decode(text.dropFirst())) != nil else {
                throw IdentityError("publicKeyMultibase of \(id) is not base58btc multibase (\"z…\")")
            }
            publicKeyMultibase = text
            forms += 1
        default: throw IdentityError("publicKeyMultibase of \(id) must be a string")
        }
        switch o.removeValue(forKey: "publicKeyBase58") {
        case nil: break
        case .string(let text)?:
            guard (try? Base58.decode(text)) != nil else {
                throw IdentityError("publicKeyBase58 of \(id) is not base58")
            }
            publicKeyBase58 = text
            forms += 1
        default: throw IdentityError("publicKeyBase58 of \(id) must be a string")
        }
        guard forms <= 1 else {
            throw IdentityError("verification method \(id) publishes its key in more than one form")
        }
        extra = o
        // Key material Espace reads must be valid; kinds it does not use (X25519…) are kept as published.
        if forms == 1 {
            do {
                _ = try publicKey()
            } catch  where error.reason != .unsupported {
                throw IdentityError(
                    "verification method \(id) has bad key material: \(error.message)", reason: error.reason)
            } catch {}
        }
    }

    /// The method in its JSON representation.
    public var json: JSONValue {
        var o: JSONObject = ["id": .string(id), "type": .string(type), "controller": .string(controller)]
        if let publicKeyJwk { o["publicKeyJwk"] = .object(publicKeyJwk) }
        if let publicKeyMultibase { o["publicKeyMultibase"] = .string(publicKeyMultibase) }
        if let publicKeyBase58 { o["publicKeyBase58"] = .string(publicKeyBase58) }
        for (key, value) in extra where o[key] == nil { o[key] = value }
        return .object(o)
    }
}

extension DIDService {
    /// Reads a service; a relative id resolves against `base`.
    public init(json: JSONValue, base: String) throws(IdentityError) {
        guard case .object(var o) = json else { throw IdentityError("a service of \(base) must be an object") }
        guard case .string(let rawID)? = o.removeValue(forKey: "id"), !rawID.isEmpty else {
            throw IdentityError("a service of \(base) has no \"id\" string")
        }
        let id = DIDDocument.absolute(rawID, base: base)
        let types = try DIDDocument.strings(o.removeValue(forKey: "type"), member: "type")
        guard !types.isEmpty else { throw IdentityError("service \(id) has no \"type\"") }
        guard let endpoint = o.removeValue(forKey: "serviceEndpoint") else {
            throw IdentityError("service \(id) has no \"serviceEndpoint\"")
        }
        func check(_ value: JSONValue, nested: Bool) throws(IdentityError) {
            switch value {
            case .string, .object: return
            case .array(let items) where !nested:
                for item in items { try check(item, nested: true) }
            default: throw IdentityError("serviceEndpoint of \(id) must be a string, a map, or an array of these")
            }
        }
        try check(endpoint, nested: false)
        self.init(id: id, types: types, serviceEndpoint: endpoint, extra: o)
    }

    /// The service in its JSON representation.
    public var json: JSONValue {
        var o: JSONObject = ["id": .string(id)]
        o["type"] = types.count == 1 ? .string(types[0]) : .array(types.map { .string($0) })
        o["serviceEndpoint"] = serviceEndpoint
        for (key, value) in extra where o[key] == nil { o[key] = value }
        return .object(o)
    }
}
