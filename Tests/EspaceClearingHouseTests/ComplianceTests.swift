import EspaceClearingHouse
import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import EspaceService
import Foundation
import EspaceTestSupport
import Testing

@Suite("Compliance: the checks and the label credential")
struct ComplianceTests {
    @Test("a conforming participant gets a gx:LabelCredential with the digests of its credentials")
    func issues() async throws {
        let f = try await ComplianceFixture.make()
        let vp = try await f.conformingPresentation()
        let issued = try await f.house.compliance.assess(vp, level: .standardCompliance, vcid: "https://ch.example/c/1", now: ComplianceFixture.now)
        #expect(issued.participant == f.participant)
        let subject = try #require(issued.credential.json["credentialSubject"]?.objectValue)
        #expect(subject["gx:labelLevel"] == "SC")
        let compliant = subject["gx:compliantCredentials"]?.asArray ?? []
        #expect(compliant.count == 3)
        let decoded = try EnvelopedPresentation.decode(vp)
        for (entry, credential) in zip(compliant, decoded.credentials) {
            let sri = try #require(entry["gx:digestSRI"]?.stringValue)
            #expect(try DigestSRI.verify(sri, .object(credential.credential.json)))
        }
        #expect(Set(issued.checks.map(\.name)).isSuperset(of: [.presentationSignature, .credentialSignature, .certificateChain, .trustedNotary, .termsAndConditions, .consistency, .legalPerson]))
        // The label credential verifies for anyone trusting the clearing house.
        var policy = CredentialVerifier.Policy(now: ComplianceFixture.now + 60, resolver: DIDResolvers.offline, trustedIssuers: [f.house.did])
        policy.validatorOptions.checkJSONLD = false
        let report = await CredentialVerifier(policy: policy).verify(issued.jwt)
        #expect(report.isValid, "\(report.failures)")
    }

    @Test("the route answers 201 with a vc+jwt, logs it, and refuses with every failed check")
    func route() async throws {
        let f = try await ComplianceFixture.make()
        let route = try #require(f.house.routes(operatorToken: nil, now: { ComplianceFixture.now }).first { $0.path == "/v2/api/credential-offers/:level" })
        let vp = try await f.conformingPresentation()
        let created = await route.handler(ServiceRequest(parameters: ["level": "standard-compliance"], query: ["vcid": "https://ch.example/c/2"], body: Array(vp.utf8)))
        #expect(created.status == 201)
        #expect(created.contentType == "application/vc+jwt")
        #expect(try await f.house.complianceLog.issued(to: f.participant).count == 1)
        // Level 1 without a criteria declaration: refused on criteria; level 2: not offered.
        let level1 = await route.handler(ServiceRequest(parameters: ["level": "label-level-1"], query: ["vcid": "https://ch.example/c/3"], body: Array(vp.utf8)))
        #expect(level1.status == 409)
        let level2 = await route.handler(ServiceRequest(parameters: ["level": "label-level-2"], query: ["vcid": "https://ch.example/c/3"], body: Array(vp.utf8)))
        #expect(level2.status == 501)
        let unknown = await route.handler(ServiceRequest(parameters: ["level": "gold"], query: ["vcid": "https://ch.example/c/3"], body: Array(vp.utf8)))
        #expect(unknown.status == 404)
        let noVCID = await route.handler(ServiceRequest(parameters: ["level": "standard-compliance"], body: Array(vp.utf8)))
        #expect(noVCID.status == 400)
        let garbage = await route.handler(ServiceRequest(parameters: ["level": "standard-compliance"], query: ["vcid": "https://ch.example/c/4"], body: Array("not a jwt".utf8)))
        #expect(garbage.status == 400)
        let refused = await route.handler(
            ServiceRequest(parameters: ["level": "standard-compliance"], query: ["vcid": "https://ch.example/c/5"], body: Array(try f.presentation([try f.sign(f.legalPerson())]).utf8)))
        #expect(refused.status == 409)
        let body = try JSONParser().parse(refused.body)
        #expect(body["conforms"] == false)
        let names = Set((body["results"]?.asArray ?? []).compactMap { $0["check"]?.stringValue })
        #expect(names.isSuperset(of: ["registration-number", "terms-and-conditions", "consistency"]))
    }

    @Test("a presentation signed with another key than the holder's fails its signature check")
    func badSignature() async throws {
        let f = try await ComplianceFixture.make()
        let credentials = [try f.sign(f.legalPerson()), try f.sign(f.issuerCredential()), try await f.vatID()]
        let failures = await f.failedChecks(try f.presentation(credentials, key: try PrivateKey.generate(.es256)))
        #expect(failures.contains { $0.name == .presentationSignature })
    }

    @Test("a legal person issued by someone else than the participant is refused")
    func legalPersonByAnother() async throws {
        let f = try await ComplianceFixture.make()
        let other = try PrivateKey.generate(.es256)
        let otherDID = try DIDKey.did(for: other.publicKey)
        let foreign = try f.sign(f.legalPerson(issuer: otherDID), key: other, kid: otherDID + "#" + otherDID.dropFirst("did:key:".count))
        let failures = await f.failedChecks(try f.presentation([foreign, try f.sign(f.issuerCredential()), try await f.vatID()]))
        #expect(failures.contains { $0.name == .legalPerson && $0.path.hasSuffix(".issuer") })
    }

    @Test("a key certified by a CA the registry does not hold fails the certificate chain")
    func untrustedAnchor() async throws {
        let f = try await ComplianceFixture.make(anchored: false)
        let failures = await f.failedChecks(try await f.conformingPresentation())
        #expect(failures.contains { $0.name == .certificateChain && $0.path.hasPrefix("verifiableCredential[") })
    }

    @Test("without a registration number, the check is named")
    func missingRegistrationNumber() async throws {
        let f = try await ComplianceFixture.make()
        let failures = await f.failedChecks(try f.presentation([try f.sign(f.legalPerson()), try f.sign(f.issuerCredential())]))
        #expect(failures.contains { $0.name == .registrationNumber })
    }

    @Test("a registration number from a notary the registry does not trust is refused")
    func untrustedNotary() async throws {
        let f = try await ComplianceFixture.make()
        let key = try PrivateKey.generate(.es256)
        let did = try DIDKey.did(for: key.publicKey)
        let rogue = try Notary(did: did, kid: "#" + did.dropFirst("did:key:".count), key: key)
        let failures = await f.failedChecks(try f.presentation([try f.sign(f.legalPerson()), try f.sign(f.issuerCredential()), try await f.vatID(notary: rogue)]))
        #expect(failures.contains { $0.name == .trustedNotary && $0.message.contains(did) })
    }

    @Test("terms and conditions with another hash are refused")
    func wrongTerms() async throws {
        let f = try await ComplianceFixture.make()
        let failures = await f.failedChecks(
            try f.presentation([try f.sign(f.legalPerson()), try f.sign(f.issuerCredential(hash: String(repeating: "0", count: 64))), try await f.vatID()]))
        #expect(failures.contains { $0.name == .termsAndConditions && $0.path.hasSuffix("gaiaxTermsAndConditions") })
    }

    @Test("expired credentials fail the validity check")
    func expired() async throws {
        let f = try await ComplianceFixture.make()
        let failures = await f.failedChecks(try await f.conformingPresentation(), at: ComplianceFixture.now + 400 * 86_400)
        #expect(failures.contains { $0.name == .validity })
    }

    @Test("a legal person whose registration number is not the notary's subject is inconsistent")
    func inconsistent() async throws {
        let f = try await ComplianceFixture.make()
        let failures = await f.failedChecks(
            try f.presentation([try f.sign(f.legalPerson(registrationNumber: "https://elsewhere.example/vat#cs")), try f.sign(f.issuerCredential()), try await f.vatID()]))
        #expect(failures.contains { $0.name == .consistency && $0.message.contains("elsewhere.example") })
    }
}

/// Compliance with the registry enforcing the Gaia-X 25.11 shapes.
@Suite("Compliance: SHACL against the Gaia-X shapes")
struct ComplianceShapesTests {
    static func gaiaXShapes() throws -> Registry.Shapes {
        Registry.Shapes(name: "gx-2511", turtle: String(decoding: try SharedFixtures.bytes("gaiax/loire/gx-2511-shapes.ttl"), as: UTF8.self))
    }

    @Test("conforming credentials pass the shapes; a defect is named with its credential and path")
    func shapes() async throws {
        let f = try await ComplianceFixture.make(shapes: [try Self.gaiaXShapes()])
        let issued = try await f.house.compliance.assess(
            try await f.conformingPresentation(), level: .standardCompliance, vcid: "https://ch.example/c/9", now: ComplianceFixture.now)
        #expect(issued.checks.contains { $0.name == .shapes && $0.passed })
        var defective = f.legalPerson()
        if case .object(var subject)? = defective["credentialSubject"] {
            subject["gx:legalAddress"] = nil
            defective["credentialSubject"] = .object(subject)
        }
        let failures = await f.failedChecks(try f.presentation([try f.sign(defective), try f.sign(f.issuerCredential()), try await f.vatID()]))
        let shapeFailures = failures.filter { $0.name == .shapes }
        // A service offering by the participant conforms and is certified; one naming another
        // provider is inconsistent.
        let base = [try f.sign(f.legalPerson()), try f.sign(f.issuerCredential()), try await f.vatID()]
        let offered = try await f.house.compliance.assess(
            try f.presentation(base + [try f.sign(f.serviceOffering())]), level: .standardCompliance, vcid: "https://ch.example/c/10",
            now: ComplianceFixture.now)
        #expect(offered.checks.contains { $0.name == .consistency && $0.path.hasSuffix("gx:providedBy") && $0.passed })
        let foreign = await f.failedChecks(try f.presentation(base + [try f.sign(f.serviceOffering(provider: "https://other.example/lp#cs"))]))
        #expect(foreign.contains { $0.name == .consistency && $0.path.hasSuffix("gx:providedBy") })
        #expect(shapeFailures.contains { $0.path.hasPrefix("verifiableCredential[0].credentialSubject") && $0.message.contains("MinCount") }, "\(shapeFailures)")
    }
}

/// Label level 1: the criteria declared by the participant, and what the label says of them.
@Suite("Compliance: label levels")
struct ComplianceLabelLevelTests {
    func presentation(_ f: ComplianceFixture, declaration: JSONObject?) async throws -> String {
        var credentials = [try f.sign(f.legalPerson()), try f.sign(f.issuerCredential()), try await f.vatID(), try f.sign(f.serviceOffering())]
        if let declaration { credentials.append(try f.sign(declaration)) }
        return try f.presentation(credentials)
    }

    @Test("a confirmed declaration gives an L1 label saying which criteria were declared")
    func levelOne() async throws {
        let f = try await ComplianceFixture.make()
        let vp = try await presentation(f, declaration: f.levelOneDeclaration(answers: ["P5.1.3": "Not applicable"]))
        let issued = try await f.house.compliance.assess(vp, level: .labelLevel1, vcid: "https://ch.example/l1/1", now: ComplianceFixture.now)
        let subject = try #require(issued.credential.json["credentialSubject"]?.objectValue)
        #expect(subject["gx:labelLevel"] == "L1")
        let evidence = try #require(issued.credential.json["evidence"]?.asArray.first)
        let declared = evidence["gx:declaredCriteria"]?.asArray.compactMap(\.stringValue) ?? []
        #expect(declared.count == 61)
        #expect(declared.contains("gx:P1.1.1"))
        #expect(!declared.contains("gx:P5.1.3"))
        #expect(evidence["gx:verifiedCriteria"]?.asArray.count == 1)
        #expect(issued.checks.contains { $0.name == .criteria && $0.passed })
        let verified = await ComplianceVerifier(trustedClearingHouses: [f.house.did], resolver: DIDResolvers.offline)
            .verify(label: issued.jwt, now: ComplianceFixture.now + 60)
        #expect(verified.isAccepted, "\(verified.failures)")
        #expect(verified.level == "L1")
    }

    @Test("a denied, missing or wrongly inapplicable criterion refuses the label, named")
    func refusals() async throws {
        let f = try await ComplianceFixture.make()
        for (answers, expected) in [(["P2.2.3": "Deny"], "P2.2.3 must be confirmed"), (["P3.1.20": "-"], "P3.1.20 is not answered"), (["P1.1.1": "Not applicable"], "P1.1.1 must be confirmed")] {
            let failures = await f.failedLevelOne(try await presentation(f, declaration: f.levelOneDeclaration(answers: answers)))
            #expect(failures.contains { $0.name == .criteria && $0.message.contains(expected) }, "\(answers): \(failures)")
        }
        let missing = await f.failedLevelOne(try await presentation(f, declaration: nil))
        #expect(missing.contains { $0.name == .criteria && $0.message.contains("exactly one") })
        let unassigned = await f.failedLevelOne(try await presentation(f, declaration: f.levelOneDeclaration(assignedTo: "https://elsewhere.example/so#cs")))
        #expect(unassigned.contains { $0.name == .criteria && $0.path.hasSuffix("gx:assignedTo") })
    }

    @Test("levels without a criteria catalogue are not offered")
    func notOffered() async throws {
        let f = try await ComplianceFixture.make()
        do {
            _ = try await f.house.compliance.assess(try await f.conformingPresentation(), level: .labelLevel2, vcid: "https://ch.example/l2/1", now: ComplianceFixture.now)
            Issue.record("label level 2 should not be offered")
        } catch {
            #expect((error as? ComplianceRefusal)?.status == 501)
        }
    }
}

@Suite("Label criteria catalogues")
struct LabelCriteriaCatalogueTests {
    @Test("an operator's catalogue offers more levels; bad catalogues are refused with the place")
    func catalogue() throws {
        let json = try JSONParser().parse(Array(#"{"label-level-2": [{"id": "P1.1.1"}, {"id": "P6.1.1", "optional": true}]}"#.utf8))
        let merged = try LabelCriteria.gaiaX2210.merging(json: json)
        #expect(merged.levels[.labelLevel2]?.count == 2)
        #expect(merged.levels[.labelLevel2]?[1].optional == true)
        #expect(merged.levels[.labelLevel1]?.count == 62)
        for (text, expected) in [
            (#"{"gold": [{"id": "X"}]}"#, "labelCriteria.gold"), (#"{"label-level-3": []}"#, "1 to 1000"),
            (#"{"label-level-3": [{"optional": true}]}"#, "labelCriteria.label-level-3[0]"), (#"[]"#, "must be an object"),
        ] {
            #expect(throws: RegistryError.self) { try LabelCriteria.gaiaX2210.merging(json: try JSONParser().parse(Array(text.utf8))) }
            let parsed = try JSONParser().parse(Array(text.utf8))
            do throws(RegistryError) {
                _ = try LabelCriteria.gaiaX2210.merging(json: parsed)
            } catch {
                #expect(error.message.contains(expected), "\(text): \(error.message)")
            }
        }
    }
}
