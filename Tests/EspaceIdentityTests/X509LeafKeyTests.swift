import EspaceIdentity
import EspaceJSON
import Foundation
import Testing

@Suite("X.509 leaf key equals the DID document's JWK")
struct X509LeafKeyTests {
    static let algorithms: [JWSAlgorithm] = [.edDSA, .es256, .es384, .ps256]

    @Test(arguments: algorithms)
    func sameKeyPasses(algorithm: JWSAlgorithm) throws {
        let fixtures = try X509Fixtures()
        let key = try PrivateKey.generate(algorithm).publicKey
        let chain = try fixtures.chain(for: key)
        try LeafKeyCheck.check(jwk: key.jwk, leaf: chain.leaf)
        // The certificate's key reads back as the same JWK.
        #expect(try PublicKey(certificate: chain.leaf).jwk == key.jwk)
    }

    @Test(arguments: algorithms)
    func otherKeyIsJWKNotLeafKey(algorithm: JWSAlgorithm) throws {
        let fixtures = try X509Fixtures()
        let chain = try fixtures.chain(for: try PrivateKey.generate(algorithm).publicKey)
        for other in [try PrivateKey.generate(algorithm).publicKey, try PrivateKey.generate(.es256).publicKey] {
            #expect(throws: IdentityError.self) { try LeafKeyCheck.check(jwk: other.jwk, leaf: chain.leaf) }
            do {
                try LeafKeyCheck.check(key: other, leaf: chain.leaf)
                Issue.record("a different key was accepted")
            } catch {
                #expect(error.reason == .jwkNotLeafKey)
            }
        }
    }

    /// P-521 (which `PrivateKey` does not generate): the public key of the did:key NIST-curve
    /// test vector in /work/shared.
    @Test func p521KeyReadsBack() throws {
        let fixtures = try X509Fixtures()
        let jwk = JWK(
            kty: "EC", crv: "P-521",
            x: "ASUHPMyichQ0QbHZ9ofNx_l4y7luncn5feKLo3OpJ2nSbZoC7mffolj5uy7s6KSKXFmnNWxGJ42IOrjZ47qqwqyS",
            y: "AW9ziIC4ZQQVSNmLlp59yYKrjRY0_VqO-GOIYQ9tYpPraBKUloEId6cI_vynCzlZWZtWpgOM3HPhYEgawQ703RjC")
        let chain = try fixtures.chain(for: try PublicKey(jwk: jwk))
        try LeafKeyCheck.check(jwk: jwk, leaf: chain.leaf)
        #expect(try PublicKey(certificate: chain.leaf).jwk == jwk)
    }

    @Test func publicKeyPEMRoundTrips() throws {
        for algorithm in Self.algorithms {
            let key = try PrivateKey.generate(algorithm).publicKey
            let pem = try key.pem()
            #expect(pem.hasPrefix("-----BEGIN PUBLIC KEY-----"))
            #expect(try PublicKey(pem: pem).jwk == key.jwk)
        }
        #expect(throws: IdentityError.self) {
            try PublicKey(pem: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")
        }
    }

    @Test func privateKeyPEMRoundTrips() throws {
        for algorithm in Self.algorithms {
            let key = try PrivateKey.generate(algorithm)
            let back = try PrivateKey(pem: try key.pem())
            #expect(back.publicKey.jwk == key.publicKey.jwk)
            #expect(back.algorithm == algorithm)
        }
        do {
            _ = try PrivateKey(pem: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")
            Issue.record("a certificate was read as a private key")
        } catch {
            #expect(error.reason == .malformed)
        }
    }
}
