import EspaceJSON

/// How a did:key document presents its key.
public enum DIDKeyRepresentation: String, Sendable, CaseIterable {
    /// `Multikey` with `publicKeyMultibase` (the current did:key specification).
    case multikey
    /// `JsonWebKey2020` with `publicKeyJwk` (the did-method-key test vectors).
    case jsonWebKey2020
    /// `Ed25519VerificationKey2020` with `publicKeyMultibase` (Ed25519 keys only).
    case ed25519VerificationKey2020
    /// The 2018/2019 suites of the did-method-key vectors: `Ed25519VerificationKey2018` with
    /// `publicKeyBase58` and the derived `X25519KeyAgreementKey2019` (Ed25519 and X25519 keys).
    case verificationKey2018
}

extension DIDDocument {
    /// The JSON-LD contexts of the suites.
    static let multikeyContext = "https://w3id.org/security/multikey/v1"
    static let jws2020Context = "https://w3id.org/security/suites/jws-2020/v1"
    static let ed25519Context2020 = "https://w3id.org/security/suites/ed25519-2020/v1"
    static let ed25519Context2018 = "https://w3id.org/security/suites/ed25519-2018/v1"
    static let x25519Context2019 = "https://w3id.org/security/suites/x25519-2019/v1"

    /// The document a `did:key` identifier stands for: one method `did:key:z…#z…` under
    /// authentication, assertionMethod, capabilityInvocation and capabilityDelegation. As the
    /// did-method-key vectors do, `jsonWebKey2020` and `ed25519VerificationKey2018` also list
    /// a keyAgreement method: the same key for NIST curves, the X25519 key derived from an
    /// Ed25519 key (`did:key:z6Mk…#z6LS…`).
    public static func didKey(_ did: String, representation: DIDKeyRepresentation = .multikey) throws(IdentityError)
        -> DIDDocument
    {
        let url = try DIDURL(did)
        guard url.method == "key" else { throw IdentityError("\(did) is not a did:key identifier") }
        let base = url.did
        if url.methodSpecificID.hasPrefix("z6LS"),
            case (Multicodec.x25519Public.rawValue, let payload) = try Multicodec.decode(
                try Base58.decode(url.methodSpecificID.dropFirst()))
        {
            return try x25519Key(
                base, fragment: url.methodSpecificID, key: Array(payload), representation: representation)
        }
        let key = try DIDKey.publicKey(from: base)
        let methodID = base + "#" + url.methodSpecificID
        var method = VerificationMethod(id: methodID, type: "Multikey", controller: base)
        var context: [JSONValue] = [.string(didContext)]
        let relationships: [VerificationRelationship] = [
            .authentication, .assertionMethod, .capabilityInvocation, .capabilityDelegation,
        ]
        switch representation {
        case .multikey:
            method.publicKeyMultibase = url.methodSpecificID
            context.append(.string(multikeyContext))
        case .ed25519VerificationKey2020:
            guard case .ed25519 = key else {
                throw IdentityError(
                    "Ed25519VerificationKey2020 holds Ed25519 keys only, not the key of \(base)", reason: .unsupported)
            }
            method.type = "Ed25519VerificationKey2020"
            method.publicKeyMultibase = url.methodSpecificID
            context.append(.string(ed25519Context2020))
        case .verificationKey2018:
            guard case .ed25519(let ed) = key else {
                throw IdentityError(
                    "Ed25519VerificationKey2018 holds Ed25519 keys only, not the key of \(base)", reason: .unsupported)
            }
            method.type = "Ed25519VerificationKey2018"
            method.publicKeyBase58 = Base58.encode(Array(ed.rawRepresentation))
            context += [.string(ed25519Context2018), .string(x25519Context2019)]
        case .jsonWebKey2020:
            method.type = "JsonWebKey2020"
            method.publicKeyJwk = key.jwk.json.objectValue
            context.append(.string(jws2020Context))
        }
        var methods = [method]
        var agreementID: String?
        switch (representation, key) {
        case (.multikey, _), (.ed25519VerificationKey2020, _): break
        case (_, .ed25519(let ed)):
            let x25519 = try X25519Derivation.x25519PublicKey(ed25519: ed.rawRepresentation)
            let fragment = "z" + Base58.encode(Multicodec.x25519Public.prefix + x25519)
            var agreement = VerificationMethod(
                id: base + "#" + fragment, type: "X25519KeyAgreementKey2019", controller: base)
            if representation == .jsonWebKey2020 {
                agreement.type = "JsonWebKey2020"
                agreement.publicKeyJwk = ["kty": "OKP", "crv": "X25519", "x": .string(Base64URL.encode(x25519))]
            } else {
                agreement.publicKeyBase58 = Base58.encode(x25519)
            }
            methods.append(agreement)
            agreementID = agreement.id
        default: agreementID = methodID
        }
        var document = DIDDocument(context: .array(context), id: base, verificationMethod: methods)
        for relationship in relationships { document.relationships[relationship] = [.reference(methodID)] }
        if let agreementID { document.relationships[.keyAgreement] = [.reference(agreementID)] }
        return document
    }

    /// The document of an X25519 did:key: one key-agreement method.
    static func x25519Key(
        _ did: String, fragment: String, key: [UInt8], representation: DIDKeyRepresentation
    ) throws(IdentityError) -> DIDDocument {
        guard key.count == 32 else { throw IdentityError("\(did) does not hold a 32-byte X25519 key") }
        var method = VerificationMethod(id: did + "#" + fragment, type: "Multikey", controller: did)
        let context: String
        switch representation {
        case .multikey:
            method.publicKeyMultibase = fragment
            context = multikeyContext
        case .ed25519VerificationKey2020:
            method.type = "X25519KeyAgreementKey2020"
            method.publicKeyMultibase = fragment
            context = "https://w3id.org/security/suites/x25519-2020/v1"
        case .verificationKey2018:
            method.type = "X25519KeyAgreementKey2019"
            method.publicKeyBase58 = Base58.encode(key)
            context = x25519Context2019
        case .jsonWebKey2020:
            method.type = "JsonWebKey2020"
            method.publicKeyJwk = ["kty": "OKP", "crv": "X25519", "x": .string(Base64URL.encode(key))]
            context = jws2020Context
        }
        return DIDDocument(
            context: .array([.string(didContext), .string(context)]), id: did, verificationMethod: [method],
            relationships: [.keyAgreement: [.reference(method.id)]])
    }

    /// The document a `did:jwk` identifier stands for (did:jwk specification): method `#0`
    /// of type JsonWebKey2020 with the encoded JWK; listed under the signing relationships
    /// unless `use` is `enc`, and under keyAgreement unless `use` is `sig`.
    public static func didJWK(_ did: String) throws(IdentityError) -> DIDDocument {
        let url = try DIDURL(did)
        guard url.method == "jwk" else { throw IdentityError("\(did) is not a did:jwk identifier") }
        let base = url.did
        let object = try DIDJWK.jwkObject(from: base)
        let jwk = try JWK(json: .object(object))
        let use = object["use"]?.stringValue
        // Signing keys must be readable; encryption-only keys (X25519…) are published as they are.
        if use != "enc" { _ = try PublicKey(jwk: jwk) }
        let methodID = base + "#0"
        let method = VerificationMethod(id: methodID, type: "JsonWebKey2020", controller: base, publicKeyJwk: object)
        var document = DIDDocument(
            context: .array([.string(didContext), .string(jws2020Context)]), id: base, verificationMethod: [method])
        if use != "enc" {
            for relationship in [
                VerificationRelationship.assertionMethod, .authentication, .capabilityInvocation, .capabilityDelegation,
            ] {
                document.relationships[relationship] = [.reference(methodID)]
            }
        }
        if use != "sig" { document.relationships[.keyAgreement] = [.reference(methodID)] }
        return document
    }

    /// A key a node publishes in its own DID document.
    public struct NodeKey: Sendable {
        /// The fragment of the method id (`key-1` gives `did:…#key-1`).
        public var fragment: String
        /// The public key.
        public var publicKey: PublicKey
        /// The JWS algorithm to publish as `alg`, if any.
        public var algorithm: JWSAlgorithm?
        /// A URL of the key's X.509 chain, published as `x5u`.
        public var x5u: String?
        /// The key's X.509 chain (base64 DER, leaf first), published as `x5c`; its leaf must
        /// certify this key (the Gaia-X rule).
        public var x5c: [String]?

        public init(
            fragment: String, publicKey: PublicKey, algorithm: JWSAlgorithm? = nil, x5u: String? = nil, x5c: [String]? = nil
        ) {
            self.fragment = fragment
            self.publicKey = publicKey
            self.algorithm = algorithm
            self.x5u = x5u
            self.x5c = x5c
        }
    }

    /// The document an Espace node serves as its `did.json`: each key as a JsonWebKey2020
    /// method with `publicKeyJwk` (with `kid`, and `alg`/`x5u`/`x5c` when given) under
    /// authentication, assertionMethod and capabilityInvocation, plus `services`.
    public static func forNode(did: String, keys: [NodeKey], services: [DIDService] = []) throws(IdentityError)
        -> DIDDocument
    {
        guard DIDURL.isDID(did) else { throw IdentityError("\"\(DIDURL.excerpt(did))\" is not a DID") }
        guard !keys.isEmpty else { throw IdentityError("a node's DID document needs at least one key") }
        var document = DIDDocument(context: .array([.string(didContext), .string(jws2020Context)]), id: did)
        var seen = Set<String>()
        for key in keys {
            let id = did + "#" + key.fragment
            guard (try? DIDURL(id))?.fragment == key.fragment, !key.fragment.isEmpty else {
                throw IdentityError("\"\(key.fragment)\" is not a valid DID URL fragment")
            }
            guard seen.insert(id).inserted else { throw IdentityError("key fragment \(key.fragment) is used twice") }
            var jwk = key.publicKey.jwk.json.objectValue ?? [:]
            jwk["kid"] = .string(id)
            if let algorithm = key.algorithm {
                guard key.publicKey.supports(algorithm) else {
                    throw IdentityError("key \(key.fragment) cannot verify \(algorithm.rawValue)", reason: .keyMismatch)
                }
                jwk["alg"] = .string(algorithm.rawValue)
            }
            if let x5u = key.x5u { jwk["x5u"] = .string(x5u) }
            if let x5c = key.x5c { jwk["x5c"] = .array(x5c.map { .string($0) }) }
            document.verificationMethod.append(
                VerificationMethod(id: id, type: "JsonWebKey2020", controller: did, publicKeyJwk: jwk))
        }
        for relationship in [VerificationRelationship.authentication, .assertionMethod, .capabilityInvocation] {
            document.relationships[relationship] = document.verificationMethod.map { .reference($0.id) }
        }
        var serviceIDs = Set<String>()
        for service in services {
            guard serviceIDs.insert(service.id).inserted else {
                throw IdentityError("service id \(service.id) is used twice")
            }
        }
        document.service = services
        return document
    }
}
