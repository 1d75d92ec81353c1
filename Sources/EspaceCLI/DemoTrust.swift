import EspaceClearingHouse
import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import EspaceNetwork
import EspaceServer
import EspaceStore
import Foundation

/// Part 1 of `espace demo`: trust. Two clearing houses (each its own DID, keys and SQLite
/// store) certify two participants over HTTP; each participant verifies the other's
/// compliance credential; an onboarding with a key no trust anchor vouches for is refused,
/// the failed check named.
struct DemoTrust {
    /// The data space's own shapes (added to what the clearing houses check): a legal person
    /// has a name and a legal address in the EU/EEA; terms acceptance states a hash.
    static let dataSpaceShapes = """
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix gx: <https://w3id.org/gaia-x/development#> .
        @prefix schema: <https://schema.org/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix ds: <https://dataspace.espace.example/shapes#> .
        ds:LegalPerson a sh:NodeShape ; sh:targetClass gx:LegalPerson ;
          sh:property [ sh:path schema:name ; sh:minCount 1 ; sh:datatype xsd:string ; sh:message "a legal person has a name" ] ;
          sh:property [ sh:path gx:legalAddress ; sh:minCount 1 ; sh:node ds:Address ] .
        ds:Address a sh:NodeShape ;
          sh:property [ sh:path gx:countryCode ; sh:minCount 1 ;
            sh:in ( "AT" "BE" "BG" "HR" "CY" "CZ" "DK" "EE" "FI" "FR" "DE" "GR" "HU" "IE" "IT" "LV" "LT" "LU" "MT" "NL" "PL" "PT" "RO" "SK" "SI" "ES" "SE" "IS" "LI" "NO" ) ;
            sh:message "the data space admits legal persons registered in the EU or the EEA" ] .
        ds:ServiceOffering a sh:NodeShape ; sh:targetClass gx:ServiceOffering ;
          sh:property [ sh:path gx:providedBy ; sh:minCount 1 ; sh:class gx:LegalPerson ] ;
          sh:property [ sh:path gx:serviceOfferingTermsAndConditions ; sh:minCount 1 ] .
        ds:Issuer a sh:NodeShape ; sh:targetClass gx:Issuer ;
          sh:property [ sh:path gx:gaiaxTermsAndConditions ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:string ] .
        """

    /// The clearing houses' operator token (administration routes).
    static let operatorToken = "demo-operator"

    let out: Narrator
    let folder: URL
    let network: any HTTPClient

    struct House {
        let node: NodeAssembly
        let house: ClearingHouse
        let url: String
    }

    func run() async throws {
        out.step("Part 1 — trust: clearing houses certify participants")
        let now = Date()
        let ca = try IdentitySupport.report {
            try DevelopmentCA.root(subject: "CN=Espace Demo Data Space CA,O=Espace Demo", notBefore: now - 86_400)
        }
        let anchor = try IdentitySupport.report { try CertificateChain(ca.chain).pem() }
        out.say("1. A development CA is the data space's trust anchor: \(ca.certificate.subject)")
        let shapes = try IdentitySupport.report { try GaiaXShapeConformance(shapes: [Self.dataSpaceShapes], rewriting: [:]) }
        let ports = (try freeLoopbackPort(), try freeLoopbackPort(), try freeLoopbackPort(), try freeLoopbackPort(), try freeLoopbackPort())
        let housePorts = [ports.0, ports.1]
        let urls = housePorts.map { "http://127.0.0.1:\($0)" }
        let dids = housePorts.map { "did:web:127.0.0.1%3A\($0)" }
        var houses: [House] = []
        for (index, url) in urls.enumerated() {
            houses.append(try await makeHouse(url: url, name: index == 0 ? "a" : "b", anchor: anchor, peers: dids, shapes: shapes, now: now))
        }
        out.say("2. Two clearing houses, each with its own DID, key and SQLite store (\(folder.path)):")
        for house in houses { out.say("   \(house.house.did) on \(house.url)") }

        let acme = try makeParticipant(port: ports.2, ca: ca, now: now)
        let beta = try makeParticipant(port: ports.3, ca: ca, now: now)
        let rogueCA = try IdentitySupport.report { try DevelopmentCA.root(subject: "CN=Unknown CA", notBefore: now - 86_400) }
        let gamma = try makeParticipant(port: ports.4, ca: rogueCA, now: now)
        let nodes = zip(houses, housePorts).map { ($0.node.endpoints, $1) }
            + [(acme.node.endpoints, ports.2), (beta.node.endpoints, ports.3), (gamma.node.endpoints, ports.4)]
        try await ServingNodes.whileServing(nodes) {
            try await scenario(houses: houses, acme: acme, beta: beta, gamma: gamma, now: now)
        }
    }

    func scenario(houses: [House], acme: Participant, beta: Participant, gamma: Participant, now: Date) async throws {
        out.step("3. Acme Data SA (BE) onboards through the first clearing house")
        let acmeOutcome = try await acme.onboarding(out, network, .init(legalName: "Acme Data SA", countryCode: "BE", vatID: "BE0123456749"))
            .onboard(clearingHouse: houses[0].url, now: now)
        out.expect(acmeOutcome.label != nil, "Acme's onboarding: \(acmeOutcome.refusal)")

        out.step("4. Beta Analytics GmbH (DE) onboards through the second clearing house")
        let betaOutcome = try await beta.onboarding(out, network, .init(legalName: "Beta Analytics GmbH", countryCode: "DE", vatID: "DE123456788"))
            .onboard(clearingHouse: houses[1].url, now: now)
        out.expect(betaOutcome.label != nil, "Beta's onboarding: \(betaOutcome.refusal)")

        out.step("5. Each verifies the other's compliance credential (any clearing house the registry lists)")
        for (verifier, house, other, outcome, name) in [
            (acme, houses[0], beta, betaOutcome, "Beta"), (beta, houses[1], acme, acmeOutcome, "Acme"),
        ] {
            guard let label = outcome.label else { continue }
            let (status, body) = try await fetch(house.url + "/v2/api/complianceIssuers")
            let listed = Set(((try? JSONParser().parse(body))?.asArray ?? []).compactMap(\.stringValue))
            out.expect(status == 200, "the registry's clearing-house list")
            let verified = await ComplianceVerifier.fetchingStatus(
                trustedClearingHouses: listed, resolver: verifier.resolver, http: network, now: now.addingTimeInterval(1)
            ).verify(label: label, credentials: outcome.credentials, now: now.addingTimeInterval(1))
            if verified.isAccepted {
                out.say("   ✔ \(verifier.node.did) accepts \(name)'s label \(verified.level ?? "?") from \(verified.issuer ?? "?") for \(other.node.did)")
            } else {
                out.expect(false, "\(name)'s label: \(verified.failures.joined(separator: "; "))")
            }
        }

        if let label = betaOutcome.label, let vcid = try? EnvelopedCredential.decode(label).credential.json["id"]?.stringValue {
            out.step("6. The second clearing house's operator revokes Beta's label; Acme checks it again")
            let body = try JSONSerializer().serialize(["vcid": .string(vcid), "reason": "demo: the participant left the data space"])
            let request = HTTPRequest(
                method: "POST", url: houses[1].url + "/v2/admin/revocations",
                headers: [(name: "Authorization", value: "Bearer " + Self.operatorToken), (name: "Content-Type", value: "application/json")],
                body: Array(body.utf8))
            let answer = try await network.send(request, limits: HTTPLimits())
            out.expect(answer.status == 200, "the revocation: HTTP \(answer.status)")
            let (_, listed) = try await fetch(houses[0].url + "/v2/api/complianceIssuers")
            let trusted = Set(((try? JSONParser().parse(listed))?.asArray ?? []).compactMap(\.stringValue))
            let again = await ComplianceVerifier.fetchingStatus(
                trustedClearingHouses: trusted, resolver: acme.resolver, http: network, now: now.addingTimeInterval(2)
            ).verify(label: label, credentials: betaOutcome.credentials, now: now.addingTimeInterval(2))
            let refusedOnStatus = again.failures.contains { $0.hasPrefix("status") }
            out.expect(!again.isAccepted && refusedOnStatus, "Beta's revoked label: \(again.failures)")
            if refusedOnStatus { out.say("   ✔ Acme now refuses Beta's label: \(again.failures.first { $0.hasPrefix("status") } ?? "")") }
        }

        out.step("7. Acme certifies a service offering with the same clearing house")
        if acmeOutcome.label != nil {
            let offering = try await acme.onboarding(out, network, .init(legalName: "Acme Data SA", countryCode: "BE", vatID: "BE0123456749"))
                .certifyOffering(
                    slug: "weather", name: "Weather observations", description: "Hourly observations from 120 stations",
                    termsURL: "https://acme.example/terms/weather", termsHash: String(repeating: "ab", count: 32),
                    keywords: ["weather", "open data"], onboarded: acmeOutcome.credentials, house: houses[0].url, now: now)
            out.expect(offering.label != nil, "Acme's offering: \(offering.refusal)")
        }

        out.step("8. Gamma Ltd, whose key is certified by a CA the registry does not hold, is refused")
        let gammaOutcome = try await gamma.onboarding(out, network, .init(legalName: "Gamma Ltd", countryCode: "BE", vatID: "BE0765432146"))
            .onboard(clearingHouse: houses[0].url, now: now)
        let named = gammaOutcome.refusal.contains { $0.hasPrefix("certificate-chain") }
        out.expect(gammaOutcome.label == nil && named, "Gamma should be refused on certificate-chain, got \(gammaOutcome.refusal)")
        if gammaOutcome.label == nil && named { out.say("   ✔ refused, the failed check named: certificate-chain") }
    }

    func fetch(_ url: String) async throws -> (Int, [UInt8]) {
        do {
            let response = try await network.send(HTTPRequest(url: url), limits: HTTPLimits())
            return (response.status, response.body)
        } catch {
            throw IdentitySupport.Failure("GET \(url): \(error.message)")
        }
    }

    func makeHouse(url: String, name: String, anchor: String, peers: [String], shapes: GaiaXShapeConformance, now: Date) async throws -> House {
        let key = try IdentitySupport.report { try PrivateKey.generate(.es256) }
        var settings = NodeAssembly.Settings(publicURL: url)
        settings.allowPrivate = true
        settings.insecureHTTP = true
        var node = try NodeAssembly(key: key, settings: settings)
        var house = ClearingHouse.Settings(did: node.did, key: key, kid: node.did + "#key-1")
        house.trustAnchors = [anchor]
        house.trustedClearingHouses = peers
        house.termsAndConditions = Registry.TermsAndConditions(version: "1.0", text: "The Espace demo data space's rules: share fairly, log every use.")
        house.resolver = node.resolvers
        house.http = network
        house.allowInsecureHTTP = true
        house.shapeConformance = shapes
        house.engineVersion = "espace \(EspaceVersion.current)"
        house.publicURL = url
        let store = try await Store.sqlite(path: folder.appendingPathComponent("clearing-house-\(name).sqlite").path)
        let clearingHouse = try await ClearingHouse.open(house, store: store, now: now)
        node.endpoints.routes = clearingHouse.routes(operatorToken: Self.operatorToken)
        return House(node: node, house: clearingHouse, url: url)
    }

    /// A participant node whose key is certified by `ca` (published as `x5c`).
    struct Participant {
        let node: NodeAssembly
        let key: PrivateKey
        var resolver: any VerificationMethodResolver { node.resolvers }

        func onboarding(_ out: Narrator, _ http: any HTTPClient, _ profile: ParticipantOnboarding.Profile) -> ParticipantOnboarding {
            ParticipantOnboarding(node: node, key: key, profile: profile, http: http, out: out)
        }
    }

    func makeParticipant(port: Int, ca: DevelopmentCA, now: Date) throws -> Participant {
        let key = try IdentitySupport.report { try PrivateKey.generate(.es256) }
        let chain = try IdentitySupport.report {
            try ca.issueChain(publicKey: key.publicKey, commonName: "127.0.0.1", notBefore: now - 3_600).x5c()
        }
        var settings = NodeAssembly.Settings(publicURL: "http://127.0.0.1:\(port)")
        settings.allowPrivate = true
        settings.insecureHTTP = true
        settings.certificateChain = chain
        return Participant(node: try NodeAssembly(key: key, settings: settings), key: key)
    }
}
