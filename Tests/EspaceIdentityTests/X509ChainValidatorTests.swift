import EspaceIdentity
import Foundation
import Testing

@Suite("X.509 chain validation to trust anchors")
struct X509ChainValidatorTests {
    let fixtures: X509Fixtures
    let leafKey: PublicKey

    init() throws {
        fixtures = try X509Fixtures()
        leafKey = try PrivateKey.generate(.es256).publicKey
    }

    func validate(_ chain: CertificateChain, anchors: TrustAnchors? = nil, options: ChainValidator.Options? = nil)
        async throws(IdentityError) -> ChainValidator.ValidatedChain
    {
        try await ChainValidator(anchors: anchors ?? fixtures.anchors, options: options ?? fixtures.options())
            .validate(chain)
    }

    func expectRejection(
        _ reason: IdentityError.Reason, _ chain: CertificateChain, anchors: TrustAnchors? = nil,
        options: ChainValidator.Options? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) async {
        do {
            _ = try await validate(chain, anchors: anchors, options: options)
            Issue.record("the chain was accepted", sourceLocation: sourceLocation)
        } catch {
            #expect(error.reason == reason, "\(error.message)", sourceLocation: sourceLocation)
        }
    }

    @Test func rootToLeafIsValid() async throws {
        let chain = try fixtures.chain(for: leafKey)
        #expect(chain.certificates.count == 2)
        let validated = try await validate(chain)
        #expect(validated.certificates.count == 2)
        #expect(validated.anchor == fixtures.root.certificate)
        let summary = try CertificateSummary(validated.leaf)
        #expect(summary.subject.contains("CN=participant.example"))
        #expect(summary.issuer.contains("CN=Espace Test Root"))
        #expect(summary.dnsNames == ["participant.example"])
    }

    @Test func rootToIntermediateToLeafIsValid() async throws {
        let intermediate = try fixtures.root.intermediate(
            subject: "CN=Espace Test Issuing CA", keyType: .p384, notBefore: fixtures.now - 10 * X509Fixtures.day)
        let chain = try fixtures.chain(for: leafKey, under: intermediate)
        #expect(chain.certificates.count == 3)
        let validated = try await validate(chain)
        #expect(validated.certificates.count == 3)
        #expect(validated.anchor == fixtures.root.certificate)
        // Without the intermediate there is no path.
        await expectRejection(.chainNotAnchored, try CertificateChain([chain.leaf]))
    }

    @Test func chainOfAnotherRootIsNotAnchored() async throws {
        let other = try X509Fixtures()
        let chain = try other.chain(for: leafKey)
        await expectRejection(.chainNotAnchored, chain)
        // Nor with no anchors at all.
        await expectRejection(.chainNotAnchored, try fixtures.chain(for: leafKey), anchors: TrustAnchors([]))
    }

    @Test func sameSubjectDifferentRootKeyIsNotAnchored() async throws {
        // A forged root with the same name but another key: the signature does not verify.
        let forged = try DevelopmentCA.root(
            subject: "CN=Espace Test Root,O=Espace,C=BE", notBefore: fixtures.now - X509Fixtures.day)
        let chain = try fixtures.chain(for: leafKey, under: forged)
        await expectRejection(.chainNotAnchored, chain)
    }

    @Test func expiredLeafIsExpired() async throws {
        let chain = try fixtures.chain(for: leafKey, start: fixtures.now - 20 * X509Fixtures.day, days: 10)
        await expectRejection(.expired, chain)
    }

    @Test func futureLeafIsNotYetValid() async throws {
        let chain = try fixtures.chain(for: leafKey, start: fixtures.now + X509Fixtures.day, days: 10)
        await expectRejection(.notYetValid, chain)
        // Valid once its time has come.
        var later = fixtures.options()
        later.validationTime = fixtures.now + 2 * X509Fixtures.day
        _ = try await validate(chain, options: later)
    }

    @Test func expiredIntermediateIsExpired() async throws {
        let intermediate = try fixtures.root.intermediate(
            subject: "CN=Short Lived CA", notBefore: fixtures.now - 20 * X509Fixtures.day, validityDays: 5)
        let chain = try fixtures.chain(for: leafKey, under: intermediate)
        await expectRejection(.expired, chain)
    }

    @Test func expiredAnchorIsExpired() async throws {
        let old = try DevelopmentCA.root(
            subject: "CN=Old Root", notBefore: fixtures.now - 40 * X509Fixtures.day, validityDays: 20)
        let chain = try old.issueChain(
            publicKey: leafKey, commonName: "participant.example", notBefore: fixtures.now - 30 * X509Fixtures.day,
            validityDays: 60)
        await expectRejection(.expired, chain, anchors: TrustAnchors([old.certificate]))
    }

    @Test func evPolicyRequiredAndMissingIsUnsupported() async throws {
        let chain = try fixtures.chain(for: leafKey, policies: ["2.23.140.1.2.1"])
        await expectRejection(.unsupported, chain, options: .gaiaXProduction(validationTime: fixtures.now))
        // Without the requirement the same chain passes.
        _ = try await validate(chain)
    }

    @Test func evPolicyPresentIsAccepted() async throws {
        let chain = try fixtures.chain(for: leafKey, policies: ["2.23.140.1.2.1", "2.23.140.1.1"])
        let validated = try await validate(chain, options: .gaiaXProduction(validationTime: fixtures.now))
        #expect(try CertificateSummary(validated.leaf).policyOIDs == ["2.23.140.1.2.1", "2.23.140.1.1"])
    }

    @Test func leafWithoutDigitalSignatureIsKeyMismatch() async throws {
        let leaf = try fixtures.root.issue(
            publicKey: leafKey, commonName: "encrypt-only.example", notBefore: fixtures.now - X509Fixtures.day,
            keyUsageDigitalSignature: false)
        let chain = try CertificateChain([leaf, fixtures.root.certificate])
        await expectRejection(.keyMismatch, chain)
        var lenient = fixtures.options()
        lenient.requireDigitalSignature = false
        _ = try await validate(chain, options: lenient)
    }

    @Test func tooLongChainIsRefused() async throws {
        var ca = fixtures.root
        for level in 1...3 {
            ca = try ca.intermediate(subject: "CN=Level \(level)", notBefore: fixtures.now - X509Fixtures.day)
        }
        let chain = try fixtures.chain(for: leafKey, under: ca)
        #expect(chain.certificates.count == 5)
        var short = fixtures.options()
        short.maxChainLength = 4
        await expectRejection(.limitExceeded, chain, options: short)
        _ = try await validate(chain)
    }

    @Test func badPolicyOptionIsMalformed() async throws {
        await expectRejection(.malformed, try fixtures.chain(for: leafKey), options: fixtures.options(policy: "EV"))
    }
}
