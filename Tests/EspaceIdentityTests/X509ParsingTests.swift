import EspaceIdentity
import Foundation
import Testing

@Suite("X.509 chain parsing (PEM bundles and x5c)")
struct X509ParsingTests {
    func expectRejection(
        _ reason: IdentityError.Reason, _ mention: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () throws(IdentityError) -> CertificateChain
    ) {
        do {
            _ = try body()
            Issue.record("accepted", sourceLocation: sourceLocation)
        } catch {
            #expect(error.reason == reason, "\(error.message)", sourceLocation: sourceLocation)
            #expect(error.message.contains(mention), "\(error.message)", sourceLocation: sourceLocation)
        }
    }

    @Test func pemAndX5CRoundTrip() throws {
        let fixtures = try X509Fixtures()
        let intermediate = try fixtures.root.intermediate(subject: "CN=Issuing", notBefore: fixtures.now)
        let chain = try fixtures.chain(for: try PrivateKey.generate(.edDSA).publicKey, under: intermediate)
        let pem = try chain.pem()
        #expect(pem.components(separatedBy: "-----BEGIN CERTIFICATE-----").count == 4)
        #expect(try CertificateChain(pem: "leading text\n" + pem + "trailing") == chain)
        let x5c = try chain.x5c()
        #expect(x5c.count == 3)
        #expect(!x5c[0].contains("-") && !x5c[0].contains("_"))
        #expect(try CertificateChain(x5c: x5c) == chain)
    }

    @Test func malformedPEMIsRejected() throws {
        expectRejection(.malformed, "no -----BEGIN CERTIFICATE-----") { () throws(IdentityError) in
            try CertificateChain(pem: "hello")
        }
        expectRejection(.malformed, "not valid PEM") { () throws(IdentityError) in
            try CertificateChain(pem: "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n")
        }
        expectRejection(.malformed, "not a valid X.509 certificate") { () throws(IdentityError) in
            try CertificateChain(pem: "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----\n")
        }
        let key = try PrivateKey.generate(.es256).publicKey.pem()
        expectRejection(.malformed, "\"PUBLIC KEY\", not a \"CERTIFICATE\"") { () throws(IdentityError) in
            try CertificateChain(pem: key)
        }
    }

    @Test func pemLimitsAreEnforced() throws {
        let fixtures = try X509Fixtures()
        let pem = try fixtures.chain(for: try PrivateKey.generate(.es256).publicKey).pem()
        expectRejection(.limitExceeded, "blocks") { () throws(IdentityError) in
            try CertificateChain(pem: String(repeating: pem, count: 6))
        }
        expectRejection(.limitExceeded, "bytes") { () throws(IdentityError) in
            try CertificateChain(pem: pem, limits: .init(maxPEMBytes: 100))
        }
        expectRejection(.limitExceeded, "PEM block 1") { () throws(IdentityError) in
            try CertificateChain(pem: pem, limits: .init(maxCertificateBytes: 100))
        }
    }

    @Test func malformedX5CIsRejected() throws {
        let fixtures = try X509Fixtures()
        let x5c = try fixtures.chain(for: try PrivateKey.generate(.es256).publicKey).x5c()
        expectRejection(.malformed, "empty") { () throws(IdentityError) in try CertificateChain(x5c: []) }
        // base64url (with - or _) is not what RFC 7517 §4.7 asks for.
        let url = x5c[0].replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_") + "-_"
        expectRejection(.malformed, "\"x5c\"[0] is not standard base64") { () throws(IdentityError) in
            try CertificateChain(x5c: [url])
        }
        expectRejection(.malformed, "\"x5c\"[1] is not a valid X.509") { () throws(IdentityError) in
            try CertificateChain(x5c: [x5c[0], "AAAA"])
        }
        expectRejection(.limitExceeded, "at most 10") { () throws(IdentityError) in
            try CertificateChain(x5c: Array(repeating: x5c[0], count: 11))
        }
    }

    @Test func trustAnchorsLoadFromPEM() throws {
        let a = try X509Fixtures()
        let b = try X509Fixtures(keyType: .p384)
        let anchors = try TrustAnchors(pem: [
            try CertificateChain([a.root.certificate]).pem() + (try CertificateChain([b.root.certificate]).pem())
        ])
        #expect(anchors.certificates == [a.root.certificate, b.root.certificate])
    }

    @Test func developmentCAReloadsFromPEM() async throws {
        let fixtures = try X509Fixtures(keyType: .p384)
        let certificatePEM = try CertificateChain(fixtures.root.chain).pem()
        let reloaded = try DevelopmentCA(
            certificatePEM: certificatePEM, privateKeyPEM: try fixtures.root.privateKey.pem())
        #expect(reloaded.certificate == fixtures.root.certificate)
        let chain = try fixtures.chain(for: try PrivateKey.generate(.ps256).publicKey, under: reloaded)
        _ = try await ChainValidator(anchors: fixtures.anchors, options: fixtures.options()).validate(chain)
        // A key that is not the CA's is refused.
        do {
            _ = try DevelopmentCA(certificatePEM: certificatePEM, privateKeyPEM: try PrivateKey.generate(.es384).pem())
            Issue.record("a foreign key was accepted for the CA")
        } catch {
            #expect(error.reason == .keyMismatch)
        }
        // A leaf is not a CA.
        let leafPEM = try CertificateChain([chain.leaf]).pem()
        #expect(throws: IdentityError.self) {
            try DevelopmentCA(certificatePEM: leafPEM, privateKeyPEM: try fixtures.root.privateKey.pem())
        }
        #expect(throws: IdentityError.self) {
            try DevelopmentCA.root(subject: "CN=x,XX=y", notBefore: fixtures.now)
        }
    }
}
