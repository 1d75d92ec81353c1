import Crypto
import EspaceIdentity
import EspaceJSON
import Foundation

/// The two payloads JsonWebSignature2020 proofs are signed over in practice.
public enum JsonWebSignature2020Variant: String, Sendable, CaseIterable {
    /// Gaia-X Tagus (GXDCH, `@gaia-x/json-web-signature-2020`): the payload is the ASCII hex
    /// of SHA-256 of the canonical N-Quads of the document without proof.
    case gaiaX = "gaia-x"
    /// W3C JsonWebSignature2020: SHA-256(canonical proof options without `jws`, with the
    /// document's `@context`) ‖ SHA-256(canonical document without proof).
    case w3c
}

/// JsonWebSignature2020 embedded proofs: a detached, unencoded-payload compact JWS (RFC 7797,
/// header `{"alg":…,"b64":false,"crit":["b64"]}`) in the proof's `jws` member.
///
/// Verification tries the Gaia-X payload first, then the W3C one, as the Gaia-X clearing
/// houses do, and reports which matched (`ProofCheck.suite`).
public struct JsonWebSignature2020: EmbeddedProofChecking {
    /// Turns documents into RDF canonical N-Quads (contexts from the bundled loader).
    public var canonicalization: LinkedDataCanonicalization
    /// Most proofs accepted on one document.
    public var maxProofs: Int
    /// JWS algorithms accepted.
    public var allowedAlgorithms: Set<JWSAlgorithm>

    /// A signer and verifier using `canonicalization`, accepting at most `maxProofs` proofs
    /// signed with one of `allowedAlgorithms`.
    public init(
        canonicalization: LinkedDataCanonicalization = LinkedDataCanonicalization(), maxProofs: Int = 16,
        allowedAlgorithms: Set<JWSAlgorithm> = [.edDSA, .es256, .es384, .ps256, .rs256]
    ) {
        self.canonicalization = canonicalization
        self.maxProofs = maxProofs
        self.allowedAlgorithms = allowedAlgorithms
    }

    /// The proof type name.
    public static let proofType = "JsonWebSignature2020"

    /// The contexts JsonWebSignature2020 proof options are defined by.
    public static let suiteContext: JSONValue = [
        "https://www.w3.org/2018/credentials/v1", "https://w3id.org/security/suites/jws-2020/v1",
    ]

    /// The bytes the JWS signs for `variant`: `document` is taken without its `proof`, `proof`
    /// without its `jws`.
    ///
    /// `proofContext` is the `@context` the W3C variant canonicalizes the proof options
    /// with: the document's by default.
    public func payload(
        document: JSONObject, proof: JSONObject, variant: JsonWebSignature2020Variant, proofContext: JSONValue? = nil
    ) throws(IdentityError) -> [UInt8] {
        var unsecured = document
        unsecured["proof"] = nil
        let documentHash = try canonicalization.hash(.object(unsecured), what: "the document")
        switch variant {
        case .gaiaX:
            return Array(Hex.encode(documentHash).utf8)
        case .w3c:
            var options = proof
            options["jws"] = nil
            options["@context"] = proofContext ?? document["@context"]
            return try canonicalization.hash(.object(options), what: "the proof options") + documentHash
        }
    }

    /// Adds a JsonWebSignature2020 proof signed with `key` over the `variant` payload.
    public func addProof(
        to document: JSONObject, key: PrivateKey, verificationMethod: String,
        purpose: VerificationRelationship = .assertionMethod, created: String, variant: JsonWebSignature2020Variant,
        challenge: String? = nil, domain: String? = nil
    ) throws(IdentityError) -> JSONObject {
        guard document["proof"] == nil else {
            throw IdentityError("the document already has a proof; JsonWebSignature2020 signs a document without one")
        }
        var proof: JSONObject = [
            "type": .string(Self.proofType), "created": .string(created), "proofPurpose": .string(purpose.rawValue),
            "verificationMethod": .string(verificationMethod),
        ]
        if let challenge { proof["challenge"] = .string(challenge) }
        if let domain { proof["domain"] = .string(domain) }
        let payload = try payload(document: document, proof: proof, variant: variant)
        let header: JSONObject = ["alg": .string(key.algorithm.rawValue), "b64": false, "crit": ["b64"]]
        proof["jws"] = .string(try JWS.sign(payload, key: key, header: header, detached: true))
        var secured = document
        secured["proof"] = .object(proof)
        return secured
    }


    /// Verifies one proof; returns the variant whose payload the signature covers.
    /// Checks one `JsonWebSignature2020` proof; reports the variant that matched
    /// (`JsonWebSignature2020/gaia-x` or `/w3c`).
    public func checkProof(
        _ proof: JSONObject, of document: JSONObject, all: [JSONObject], resolver: some VerificationMethodResolver,
        expectations: ProofExpectations
    ) async throws(IdentityError) -> String? {
        let variant = try await verifyProof(proof, of: document, resolver: resolver, expectations: expectations)
        return Self.proofType + "/" + variant.rawValue
    }

    func verifyProof(
        _ proof: JSONObject, of document: JSONObject, resolver: some VerificationMethodResolver,
        expectations: ProofExpectations
    ) async throws(IdentityError) -> JsonWebSignature2020Variant {
        let type = try ProofOptionChecks.required(proof, "type")
        guard type == Self.proofType else {
            throw IdentityError("proof type \"\(type)\" is not \(Self.proofType)", reason: .unsupported)
        }
        let jws = try ProofOptionChecks.required(proof, "jws")
        try ProofOptionChecks.check(proof, expectations)
        let vmID = try ProofOptionChecks.required(proof, "verificationMethod")
        let method = try await resolver.resolveVerificationMethod(vmID, for: expectations.purpose)
        var lastError = IdentityError("no payload variant was tried", reason: .signatureInvalid)
        // Gaia-X first, then W3C with the document's context, then W3C with the suite's own
        // contexts (some signers canonicalize the proof options under those only).
        var candidates: [(JsonWebSignature2020Variant, JSONValue?)] = [(.gaiaX, nil), (.w3c, nil)]
        if document["@context"] != Self.suiteContext { candidates.append((.w3c, Self.suiteContext)) }
        for (variant, proofContext) in candidates {
            let payload = try payload(document: document, proof: proof, variant: variant, proofContext: proofContext)
            let verified: JWS.Verified
            do {
                verified = try JWS.verify(jws, key: method.publicKey, allowed: allowedAlgorithms, detachedPayload: payload)
            } catch {
                guard error.reason == .signatureInvalid else { throw error }
                lastError = error
                continue
            }
            guard verified.header["b64"] == .bool(false) else {
                throw IdentityError("a JsonWebSignature2020 JWS must have an unencoded payload (\"b64\": false)")
            }
            if case .string(let published)? = method.publishedJWK?["alg"],
                case .string(let used)? = verified.header["alg"], published != used
            {
                throw IdentityError("the JWS uses \(used) but \(vmID) is published for \(published)", reason: .keyMismatch)
            }
            return variant
        }
        throw IdentityError(
            "the JsonWebSignature2020 signature verifies with \(vmID) over neither the Gaia-X nor the W3C payload: \(lastError.message)",
            reason: .signatureInvalid)
    }
}
