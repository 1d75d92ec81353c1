import EspaceJSON
import EspaceNetwork
import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Testing

/// `espace serve --role clearing-house --config FILE`: a clearing house from its
/// configuration file, over HTTP on loopback, with its state in an SQLite file.
@Suite("espace serve --role clearing-house")
struct ClearingHouseServeTests {
    static func get(_ url: String) async throws -> (Int, [UInt8]) {
        let (data, response) = try await URLSession.shared.data(from: try #require(URL(string: url)))
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, Array(data))
    }

    @Test func aClearingHouseServesItsRegistryAndNotaryAndKeepsItsState() async throws {
        let directory = try VCCommandTests.directory()
        #expect(try CLIRunner.run(["key", "generate", "--out", "\(directory)/ch.jwk"]).status == 0)
        #expect(try CLIRunner.run(["ca", "init", "--dir", "\(directory)/ca"]).status == 0)
        try "Terms of the test data space.".write(toFile: "\(directory)/terms.txt", atomically: true, encoding: .utf8)
        let port = try freeLoopbackPort()
        let config = """
            {"publicURL": "http://127.0.0.1:\(port)", "key": "ch.jwk", "store": "ch.sqlite", "operatorToken": "t",
             "trustAnchors": ["ca/ca.pem"], "trustedNotaries": ["did:web:notary.example"],
             "termsAndConditions": {"version": "1", "file": "terms.txt"}, "allowPrivate": true, "insecureHTTP": true}
            """
        try config.write(toFile: "\(directory)/ch.json", atomically: true, encoding: .utf8)
        let server = try ServeCommandTests.serve(["--role", "clearing-house", "--config", "\(directory)/ch.json"], log: "\(directory)/ch.log")
        defer { server.terminate() }
        let base = "http://127.0.0.1:\(port)"
        #expect(try await Self.get(base + "/health").0 == 200)
        let (status, body) = try await Self.get(base + "/v2/api/trustAnchor")
        #expect(status == 200)
        #expect(try JSONParser().parse(body).asArray.count == 1)
        let (issued, jwt) = try await Self.get(
            base + "/v2/registration-numbers/vat-id/BE0123456749?vcId=urn%3Avc%3A1&subjectId=did%3Aweb%3Aparticipant.example")
        #expect(issued == 200, "\(String(decoding: jwt, as: UTF8.self))")
        #expect(String(decoding: jwt, as: UTF8.self).hasPrefix("ey"))
        let (refused, _) = try await Self.get(base + "/v2/registration-numbers/vat-id/BE0123456748?vcId=urn%3Avc%3A1&subjectId=did%3Aweb%3Ax")
        #expect(refused == 422)
        #expect(FileManager.default.fileExists(atPath: "\(directory)/ch.sqlite"))
    }

    @Test func aBadConfigurationIsAClearError() throws {
        let directory = try VCCommandTests.directory()
        try #"{"key": "ch.jwk"}"#.write(toFile: "\(directory)/bad.json", atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["serve", "--role", "clearing-house", "--config", "\(directory)/bad.json"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("publicURL is required"))
        let missing = try CLIRunner.run(["serve", "--role", "clearing-house"])
        #expect(missing.stderr.contains("--config"))
    }
}

/// `espace participant onboard` against a clearing house process enforcing the Gaia-X 25.11
/// shapes, then `espace serve --wallet`.
@Suite("espace participant onboard")
struct ParticipantOnboardTests {
    @Test func aParticipantIsCertifiedAndAnUnanchoredOneIsRefused() async throws {
        let directory = try VCCommandTests.directory()
        #expect(try CLIRunner.run(["key", "generate", "--out", "\(directory)/ch.jwk"]).status == 0)
        #expect(try CLIRunner.run(["ca", "init", "--dir", "\(directory)/ca"]).status == 0)
        #expect(try CLIRunner.run(["ca", "init", "--dir", "\(directory)/rogue-ca"]).status == 0)
        try "Gaia-X terms".write(toFile: "\(directory)/terms.txt", atomically: true, encoding: .utf8)
        let port = try freeLoopbackPort()
        let shapes = CLIRunner.sharedRoot.appendingPathComponent("gaiax/loire/gx-2511-shapes.ttl").path
        let config = """
            {"publicURL": "http://127.0.0.1:\(port)", "key": "ch.jwk", "store": ":memory:", "trustAnchors": ["ca/ca.pem"],
             "shapes": [{"name": "gx-2511", "file": "\(shapes)"}],
             "termsAndConditions": {"version": "22.10", "file": "terms.txt", "hash": "4bd7554097444c960292b4726c2efa1373485e8a5565d94d41195214c5e0ceb3"},
             "allowPrivate": true, "insecureHTTP": true}
            """
        try config.write(toFile: "\(directory)/ch.json", atomically: true, encoding: .utf8)
        let server = try ServeCommandTests.serve(["--role", "clearing-house", "--config", "\(directory)/ch.json"], log: "\(directory)/ch.log")
        defer { server.terminate() }
        let acmePort = try freeLoopbackPort()
        func onboard(_ name: String, ca: String, participantPort: Int? = nil) throws -> CLIRunner.Result {
            try CLIRunner.run([
                "participant", "onboard", "--clearing-house", "http://127.0.0.1:\(port)", "--public-url",
                "http://127.0.0.1:\(try participantPort ?? freeLoopbackPort())",
                "--dir", "\(directory)/\(name)", "--ca", "\(directory)/\(ca)", "--legal-name", "\(name) SA", "--country", "BE",
                "--vat-id", "BE0123456749", "--allow-private", "--insecure-http",
            ])
        }
        let accepted = try onboard("acme", ca: "ca", participantPort: acmePort)
        #expect(accepted.status == 0, "\(accepted.stdout)\(accepted.stderr)")
        #expect(accepted.stdout.contains("issued a gx:LabelCredential (SC)"))
        for file in ["key.jwk", "certificate.pem", "did.json", "credentials/compliance.jwt", "credentials/registration-number.jwt"] {
            #expect(FileManager.default.fileExists(atPath: "\(directory)/acme/\(file)"), "\(file)")
        }
        // The onboarded participant certifies a service offering (it must conform to the 25.11 shapes).
        let offering = try CLIRunner.run([
            "offering", "certify", "--wallet", "\(directory)/acme", "--public-url", "http://127.0.0.1:\(acmePort)",
            "--clearing-house", "http://127.0.0.1:\(port)", "--name", "Weather observations", "--description", "Hourly observations",
            "--terms-url", "https://acme.example/terms", "--terms-file", "\(directory)/terms.txt", "--allow-private", "--insecure-http",
        ])
        #expect(offering.status == 0, "\(offering.stdout)\(offering.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(directory)/acme/credentials/offering-weather-observations-compliance.jwt"))
        let refused = try onboard("gamma", ca: "rogue-ca")
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("certificate-chain"))
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/gamma/credentials/compliance.jwt"))
    }
}

/// Evidence (issue 5): the Tagus fixtures validate against the 22.10 trust-framework shapes.
@Suite("Gaia-X Tagus fixtures against the 22.10 shapes")
struct TagusShapesTests {
    static let tagus = CLIRunner.sharedRoot.appendingPathComponent("gaiax/tagus").path

    func validate(_ file: String) throws -> CLIRunner.Result {
        try CLIRunner.run([
            "shacl", "validate", "--shapes", Self.tagus + "/trustframework-2210-shapes.jsonld", "--data", Self.tagus + "/" + file,
            "--document",
            "https://registry.lab.gaia-x.eu/development/api/trusted-shape-registry/v1/shapes/jsonld/trustframework#="
                + Self.tagus + "/trustframework-2210-shapes.jsonld",
        ])
    }

    @Test(arguments: [
        "participant-vp.json", "service-offering-vp.json", "terms-and-conditions-vp.json", "service-offering-and-ressources-vp.json",
        "legitimate-interest.json", "service-offering-label-level-1.json",
    ])
    func conforms(_ file: String) throws {
        let result = try validate(file)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix("Conforms: yes"))
    }

    /// The data-resource example names its producer and service with placeholder text
    /// ("__id of the data provider participant CS__"), not IRIs: JSON-LD drops them, and the
    /// shapes' minimum counts catch it. A removed legal address is caught too.
    @Test func placeholdersAndDefectsAreCaught() throws {
        let resource = try validate("data-resource.json")
        #expect(resource.status == 1)
        #expect(resource.stdout.contains("trustframework#producedBy"))
        #expect(resource.stdout.contains("trustframework#exposedThrough"))
    }
}
