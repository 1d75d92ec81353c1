import Crypto
import EspaceIdentity
import EspaceJSON

/// Data Integrity proofs (W3C VC Data Integrity 1.0) with the EdDSA cryptosuites
/// `eddsa-rdfc-2022` and `eddsa-jcs-2022`: adding a proof, and checking every proof of a
/// document (proof sets and `previousProof` chains).
public struct DataIntegrity: EmbeddedProofChecking {
    /// Turns documents into RDF canonical N-Quads (contexts from the bundled loader).
    public var canonicalization: LinkedDataCanonicalization
    /// Most proofs accepted on one document.
    public var maxProofs: Int

    /// A signer and verifier using `canonicalization`, accepting at most `maxProofs` proofs.
    public init(canonicalization: LinkedDataCanonicalization = LinkedDataCanonicalization(), maxProofs: Int = 16) {
        self.canonicalization = canonicalization
        self.maxProofs = maxProofs
    }

    // MARK: Cryptosuite steps (public so the intermediate values can be checked)

    /// The canonical form of the document without proof (transformation step).
    public func canonicalDocument(_ unsecured: JSONObject, suite: DataIntegrityCryptosuite) throws(IdentityError) -> String {
        switch suite {
        case .eddsaRdfc2022: return try canonicalization.canonicalNQuads(.object(unsecured), what: "the document")
        case .eddsaJcs2022: return try Self.jcs(.object(unsecured), what: "the document")
        }
    }

    /// The canonical proof configuration: the proof without `proofValue`, with `@context` set
    /// to `context` (the document's).
    public func canonicalProofConfiguration(
        _ proof: JSONObject, context: JSONValue?, suite: DataIntegrityCryptosuite
    ) throws(IdentityError) -> String {
        var config = proof
        config["proofValue"] = nil
        if let context { config["@context"] = context }
        if let created = config["created"]?.stringValue {
            _ = try ProofDateTime.parse(created, member: "the proof's \"created\"")
        }
        switch suite {
        case .eddsaRdfc2022: return try canonicalization.canonicalNQuads(.object(config), what: "the proof configuration")
        case .eddsaJcs2022: return try Self.jcs(.object(config), what: "the proof configuration")
        }
    }

    /// SHA-256(proof configuration) ‖ SHA-256(document): the 64 bytes Ed25519 signs.
    public static func hashData(canonicalProofConfiguration: String, canonicalDocument: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(canonicalProofConfiguration.utf8)))
            + Array(SHA256.hash(data: Array(canonicalDocument.utf8)))
    }

    // MARK: Signing

    /// Adds a proof made with `key` (an Ed25519 key) to `document`. Existing proofs are kept
    /// (the result's `proof` becomes an array); those named in `previousProof` are signed over.
    public func addProof(
        to document: JSONObject, options: DataIntegrityProofOptions, key: PrivateKey
    ) throws(IdentityError) -> JSONObject {
        guard case .ed25519 = key else {
            throw IdentityError("\(options.cryptosuite.rawValue) signs with Ed25519 keys only", reason: .keyMismatch)
        }
        let existing = document["proof"] == nil ? [] : try ProofOptionChecks.proofs(of: document, limit: maxProofs - 1)
        var proof = options.proofObject
        // eddsa-jcs-2022 keeps the document's context in the proof (VC DI EdDSA §3.3.1).
        if options.cryptosuite == .eddsaJcs2022, let context = document["@context"] { proof["@context"] = context }
        let unsecured = try Self.unsecuredDocument(document, existing: existing, previousProof: options.previousProof)
        let hash = Self.hashData(
            canonicalProofConfiguration: try canonicalProofConfiguration(
                proof, context: document["@context"], suite: options.cryptosuite),
            canonicalDocument: try canonicalDocument(unsecured, suite: options.cryptosuite))
        proof["proofValue"] = .string("z" + Base58.encode(try key.sign(hash)))
        var secured = document
        secured["proof"] = existing.isEmpty ? .object(proof) : .array(existing.map { .object($0) } + [.object(proof)])
        return secured
    }

    // MARK: Verification


    /// Verifies one proof of a document whose proofs are `all`.
    /// Checks one `DataIntegrityProof` of a proof set (`all`, for `previousProof` chains).
    public func checkProof(
        _ proof: JSONObject, of document: JSONObject, all: [JSONObject], resolver: some VerificationMethodResolver,
        expectations: ProofExpectations
    ) async throws(IdentityError) -> String? {
        try await verifyProof(proof, of: document, all: all, resolver: resolver, expectations: expectations)
        return nil
    }

    func verifyProof(
        _ proof: JSONObject, of document: JSONObject, all: [JSONObject],
        resolver: some VerificationMethodResolver, expectations: ProofExpectations
    ) async throws(IdentityError) {
        let type = try ProofOptionChecks.required(proof, "type")
        guard type == "DataIntegrityProof" else {
            throw IdentityError("proof type \"\(type)\" is not a Data Integrity proof", reason: .unsupported)
        }
        let suiteName = try ProofOptionChecks.required(proof, "cryptosuite")
        guard let suite = DataIntegrityCryptosuite(rawValue: suiteName) else {
            throw IdentityError("cryptosuite \"\(suiteName)\" is not supported", reason: .unsupported)
        }
        let proofValue = try ProofOptionChecks.required(proof, "proofValue")
        guard proofValue.first == "z" else {
            throw IdentityError("the proofValue is not multibase base58btc (it must start with \"z\")")
        }
        let signature = try Base58.decode(proofValue.dropFirst())
        guard signature.count == 64 else {
            throw IdentityError("the proofValue holds \(signature.count) bytes, an Ed25519 signature has 64")
        }
        try ProofOptionChecks.check(proof, expectations)
        var context = document["@context"]
        if let proofContext = proof["@context"] {
            let documentContexts = document["@context"]?.asArray ?? []
            let required = proofContext.asArray
            guard required.count <= documentContexts.count, Array(documentContexts.prefix(required.count)) == required else {
                throw IdentityError("the proof's @context is not a prefix of the document's @context")
            }
            context = proofContext
        }
        let previous = try Self.previousProofIDs(proof)
        var unsecured = try Self.unsecuredDocument(document, existing: all, previousProof: previous)
        if let context { unsecured["@context"] = context }
        let vmID = try ProofOptionChecks.required(proof, "verificationMethod")
        let method = try await resolver.resolveVerificationMethod(vmID, for: expectations.purpose)
        guard case .ed25519 = method.publicKey else {
            throw IdentityError("\(vmID) is not an Ed25519 key, which \(suiteName) requires", reason: .keyMismatch)
        }
        let hash = Self.hashData(
            canonicalProofConfiguration: try canonicalProofConfiguration(proof, context: context, suite: suite),
            canonicalDocument: try canonicalDocument(unsecured, suite: suite))
        guard method.publicKey.isValidSignature(signature, for: hash, algorithm: .edDSA) else {
            throw IdentityError("the \(suiteName) signature does not verify with \(vmID)", reason: .signatureInvalid)
        }
    }

    /// The document a proof covers: without proofs, except those it names in `previousProof`.
    static func unsecuredDocument(
        _ document: JSONObject, existing: [JSONObject], previousProof: [String]
    ) throws(IdentityError) -> JSONObject {
        var unsecured = document
        unsecured["proof"] = nil
        guard !previousProof.isEmpty else { return unsecured }
        var included: [JSONValue] = []
        for id in previousProof {
            guard let match = existing.first(where: { $0["id"]?.stringValue == id }) else {
                throw IdentityError("previousProof \"\(id)\" names no proof of the document")
            }
            included.append(.object(match))
        }
        unsecured["proof"] = .array(included)
        return unsecured
    }

    /// The `previousProof` ids of a proof (a string or an array of strings).
    static func previousProofIDs(_ proof: JSONObject) throws(IdentityError) -> [String] {
        guard let value = proof["previousProof"] else { return [] }
        var ids: [String] = []
        for item in value.asArray {
            guard let id = item.stringValue else { throw IdentityError("previousProof must hold strings") }
            ids.append(id)
        }
        return ids
    }

    static func jcs(_ value: JSONValue, what: String) throws(IdentityError) -> String {
        do {
            return try JSONCanonicalization.canonicalize(value)
        } catch {
            throw IdentityError("\(what) cannot be serialized with JCS: \(error)")
        }
    }
}
