import Crypto
import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Foundation
import _CryptoExtras

/// Credential verification: enveloped VC-JOSE credentials (`vc+jwt`, signed by jwcrypto with
/// EdDSA, ES256 and PS256) and the eddsa-rdfc-2022 alumni credential of the W3C vectors,
/// beside the raw signature primitive, so the cost outside the primitive shows.
///
/// Inputs: `vcjwt-{EdDSA,ES256,PS256}.jwt` and `.jwk.json`, written by
/// `Benchmarks/peers.py prepare` (credential_peers.py), and the shared signedDataInt.json.
/// The peers (jwcrypto, pyld + cryptography) verify the same inputs.
enum CredentialBenchmarks {
    /// The issuer of the generated tokens (credential_peers.py `ISSUER`).
    static let issuer = "did:web:issuer.espace.example"
    /// The verifier's clock: 2026-11-29T00:00:00Z, inside the tokens' validity period.
    static let now: Double = 1_795_910_400
    static let algorithms: [JWSAlgorithm] = [.edDSA, .es256, .ps256]

    static func all(_ inputs: BenchmarkInputs) throws -> [Benchmark] {
        var list: [Benchmark] = []
        for alg in algorithms {
            guard let tokenBytes = BenchmarkInputs.read(inputs.generated("vcjwt-\(alg.rawValue).jwt")),
                let jwkBytes = BenchmarkInputs.read(inputs.generated("vcjwt-\(alg.rawValue).jwk.json"))
            else { continue }
            let token = String(decoding: tokenBytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            list += try jwtBenchmarks(token: token, jwk: try JSONParser().parse(jwkBytes), alg: alg)
        }
        if let bytes = BenchmarkInputs.read(inputs.signedAlumniCredential) {
            guard let document = try JSONParser().parse(bytes).objectValue else {
                throw IdentityError("\(inputs.signedAlumniCredential.path) is not a JSON object")
            }
            list += dataIntegrityBenchmarks(document)
        }
        return list
    }

    // MARK: VC-JWT

    /// `vc.jwt.verify.ALG` (the whole `EnvelopedCredential.verify`), `crypto.verify.ALG` (the
    /// swift-crypto primitive alone on the token's signing input) and Espace-only stages.
    static func jwtBenchmarks(token: String, jwk: JSONValue, alg: JWSAlgorithm) throws -> [Benchmark] {
        let key = try PublicKey(jwk: try JWK(json: jwk))
        let kid = issuer + "#key-" + alg.rawValue
        let resolver = InMemoryKeyResolver(methods: [
            kid: ResolvedVerificationMethod(
                id: kid, controller: issuer, type: "JsonWebKey", publicKey: key, publishedJWK: jwk.objectValue)
        ])
        let validator = CredentialValidator(options: CredentialValidator.Options(now: now))
        let name = "vc.jwt.verify.\(alg.rawValue)"
        let verify = { (jwt: String) async throws -> Int in
            try await EnvelopedCredential.verify(jwt, resolver: resolver, validator: validator).credential.json.count
        }
        let tampered = try tamper(token)
        var list = [
            Benchmark(
                name,
                asyncCheck: {
                    await expectVerifies(name) { try await verify(token) }
                    await expectRejects(name, tampered: "payload", reason: .signatureInvalid) { try await verify(tampered) }
                },
                run: { try await verify(token) })
        ]

        // The primitive alone: the key and signature objects are made beforehand, as the
        // Python peer makes its `cryptography` key and DER signature beforehand.
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        let signingInput = Array(parts[0].utf8) + [UInt8(ascii: ".")] + Array(parts[1].utf8)
        let signature = try Base64URL.decode(parts[2])
        let primitive = try rawVerifier(key: key, signature: signature, alg: alg)
        let primitiveName = "crypto.verify.\(alg.rawValue)"
        var flipped = signingInput
        flipped[flipped.count - 1] ^= 1
        list.append(
            Benchmark(
                primitiveName,
                check: {
                    guard primitive(signingInput), !primitive(flipped) else {
                        EspaceBenchmarks.fail("check \(primitiveName): the raw signature check is wrong")
                    }
                    report(primitiveName, "ok (a changed message is rejected)")
                },
                run: { primitive(signingInput) ? 1 : 0 }))

        // Stages of the pipeline (Espace only), to attribute its cost.
        list.append(
            Benchmark("vc.jwt.stage.decode.\(alg.rawValue)") {
                try EnvelopedCredential.decode(token).credential.json.count
            })
        list.append(
            Benchmark("vc.jwt.stage.jwsVerify.\(alg.rawValue)") {
                try JWS.verify(token, key: key).payload.count
            })
        let credential = try EnvelopedCredential.decode(token).credential
        list.append(
            Benchmark("vc.jwt.stage.validate.\(alg.rawValue)") {
                try validator.validate(credential: credential)
                return 1
            })
        return list
    }

    /// The token with one claim of its payload changed (header and signature kept).
    static func tamper(_ token: String) throws -> String {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let payload = String(decoding: try Base64URL.decode(parts[1]), as: UTF8.self)
        let changed = payload.replacingOccurrences(of: "Example Participant GmbH", with: "Example Participant AG")
        guard changed != payload, parts.count == 3 else {
            throw IdentityError("the benchmark token does not have the expected payload")
        }
        return parts[0] + "." + Base64URL.encode(Array(changed.utf8)) + "." + parts[2]
    }

    /// The swift-crypto verification of `signature` over a message, for the key's algorithm.
    static func rawVerifier(key: PublicKey, signature: [UInt8], alg: JWSAlgorithm) throws -> ([UInt8]) -> Bool {
        switch (key, alg) {
        case (.ed25519(let key), .edDSA):
            return { key.isValidSignature(signature, for: $0) }
        case (.p256(let key), .es256):
            let ecdsa = try P256.Signing.ECDSASignature(rawRepresentation: signature)
            return { key.isValidSignature(ecdsa, for: $0) }
        case (.rsa(let key, _, _), .ps256):
            let rsa = _RSA.Signing.RSASignature(rawRepresentation: signature)
            return { key.isValidSignature(rsa, for: $0, padding: .PSS) }
        default:
            throw IdentityError("no raw verifier for \(alg.rawValue) with this key", reason: .keyMismatch)
        }
    }

    // MARK: eddsa-rdfc-2022

    /// `vc.di.eddsa-rdfc-2022.verify`: `DataIntegrity.verify` of the alumni credential, the
    /// did:key resolved offline. One `DataIntegrity` value serves every iteration, so its
    /// canonicalization's processed-context cache is reused, as a long-running verifier's is.
    static func dataIntegrityBenchmarks(_ document: JSONObject) -> [Benchmark] {
        let integrity = DataIntegrity()
        let resolver = DIDResolvers.offline
        let expectations = ProofExpectations(now: Date(timeIntervalSince1970: now))
        let name = "vc.di.eddsa-rdfc-2022.verify"
        let verify = { (document: JSONObject) async throws -> Int in
            try await integrity.verify(document, resolver: resolver, expectations: expectations).count
        }
        var tampered = document
        if case .object(var subject)? = tampered["credentialSubject"] {
            subject["alumniOf"] = "The School of Counterexamples"
            tampered["credentialSubject"] = .object(subject)
        }
        var list = [
            Benchmark(
                name,
                asyncCheck: {
                    await expectVerifies(name) { try await verify(document) }
                    // The context cache must be shared by the iterations: once warm, a
                    // verification adds no processed context (a miss would add one).
                    let warm = integrity.canonicalization.contextCache.count
                    await expectVerifies(name) { try await verify(document) }
                    let after = integrity.canonicalization.contextCache.count
                    guard warm > 0, after == warm else {
                        EspaceBenchmarks.fail("check \(name): the context cache is not reused (\(warm) then \(after) entries)")
                    }
                    report(name, "context cache reused (\(warm) processed contexts)")
                    await expectRejects(name, tampered: "credentialSubject", reason: .signatureInvalid) {
                        try await verify(tampered)
                    }
                },
                run: { try await verify(document) })
        ]

        // Stages (Espace only): the two canonicalizations the verification hashes.
        var unsecured = document
        unsecured["proof"] = nil
        let proof = document["proof"]?.objectValue ?? [:]
        list.append(
            Benchmark("vc.di.stage.canonicalDocument") {
                try integrity.canonicalDocument(unsecured, suite: .eddsaRdfc2022).utf8.count
            })
        list.append(
            Benchmark("vc.di.stage.canonicalProof") {
                try integrity.canonicalProofConfiguration(proof, context: document["@context"], suite: .eddsaRdfc2022)
                    .utf8.count
            })
        return list
    }

    // MARK: Checks

    static func report(_ name: String, _ verdict: String) {
        FileHandle.standardError.write(Data("check \(name): \(verdict)\n".utf8))
    }

    /// Fails the run unless `verify` succeeds.
    static func expectVerifies(_ name: String, _ verify: () async throws -> Int) async {
        do {
            _ = try await verify()
            report(name, "ok")
        } catch {
            EspaceBenchmarks.fail("check \(name): verification failed: \(error)")
        }
    }

    /// Fails the run unless `verify` rejects the tampered input with `reason`.
    static func expectRejects(
        _ name: String, tampered what: String, reason: IdentityError.Reason, _ verify: () async throws -> Int
    ) async {
        do {
            _ = try await verify()
            EspaceBenchmarks.fail("check \(name): a credential with a changed \(what) was accepted")
        } catch let error as IdentityError where error.reason == reason {
            report(name, "changed \(what) rejected (\(reason))")
        } catch {
            EspaceBenchmarks.fail("check \(name): a changed \(what) was rejected for another reason: \(error)")
        }
    }
}

/// A `VerificationMethodResolver` over keys already in memory (the keys of the benchmark
/// tokens, by kid), as a verifier that has resolved its issuers' keys beforehand uses.
struct InMemoryKeyResolver: VerificationMethodResolver {
    let methods: [String: ResolvedVerificationMethod]

    func resolveVerificationMethod(
        _ id: String, for relationship: VerificationRelationship
    ) async throws(IdentityError) -> ResolvedVerificationMethod {
        guard let method = methods[id] else {
            throw IdentityError("\(id) is not a key this resolver knows", reason: .resolutionFailed)
        }
        return method
    }
}
