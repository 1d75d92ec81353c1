import Foundation
import Testing

/// `espace shacl validate` and `espace conformance shacl`, run as a user would.
@Suite("espace shacl")
struct SHACLCommandTests {
    static let shapes = """
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix ex: <http://example.org/> .
        ex:PersonShape a sh:NodeShape ;
          sh:targetClass ex:Person ;
          sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:datatype xsd:string ] .
        """

    /// Writes `files` (name → text) to a fresh folder and returns its path.
    static func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("espace-shacl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func conformingDataExitsZero() throws {
        let dir = try Self.folder([
            "shapes.ttl": Self.shapes,
            "data.nt": "<http://example.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/Person> .\n<http://example.org/a> <http://example.org/name> \"Ann\" .\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLIRunner.run([
            "shacl", "validate", "--shapes", dir.appendingPathComponent("shapes.ttl").path,
            "--data", dir.appendingPathComponent("data.nt").path, "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"conforms\": true"))
    }

    @Test func violationExitsOneWithTheReport() throws {
        let dir = try Self.folder([
            "shapes.ttl": Self.shapes,
            "data.jsonld": """
                {"@id": "http://example.org/b", "@type": "http://example.org/Person", "http://example.org/age": 3}
                """,
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = [
            "shacl", "validate", "--shapes", dir.appendingPathComponent("shapes.ttl").path,
            "--data", dir.appendingPathComponent("data.jsonld").path,
        ]
        let json = try CLIRunner.run(args + ["--format", "json"])
        #expect(json.status == 1)
        #expect(json.stdout.contains("\"sourceConstraintComponent\": \"http://www.w3.org/ns/shacl#MinCountConstraintComponent\""))
        #expect(json.stdout.contains("\"focusNode\": \"http://example.org/b\""))
        let turtle = try CLIRunner.run(args + ["--format", "turtle"])
        #expect(turtle.status == 1)
        #expect(turtle.stdout.contains("sh:conforms false"))
        let text = try CLIRunner.run(args)
        #expect(text.status == 1)
        #expect(text.stdout.hasPrefix("Conforms: no (1 result)"))
    }

    @Test func badInputExitsTwo() throws {
        let dir = try Self.folder([
            "bad-shapes.ttl": """
                @prefix sh: <http://www.w3.org/ns/shacl#> .
                @prefix ex: <http://example.org/> .
                ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:minCount "x" ] .
                """,
            "broken.ttl": "<http://example.org/a> <http://example.org/p> .",
            "data.ttl": "<http://example.org/a> <http://example.org/p> 1 .",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let illFormed = try CLIRunner.run([
            "shacl", "validate", "--shapes", dir.appendingPathComponent("bad-shapes.ttl").path,
            "--data", dir.appendingPathComponent("data.ttl").path,
        ])
        #expect(illFormed.status == 2)
        #expect(illFormed.stderr.contains("sh:minCount must be a non-negative integer, got \"x\""))
        let syntax = try CLIRunner.run([
            "shacl", "validate", "--shapes", dir.appendingPathComponent("bad-shapes.ttl").path,
            "--data", dir.appendingPathComponent("broken.ttl").path,
        ])
        #expect(syntax.status == 2)
        #expect(syntax.stderr.contains("broken.ttl"))
        #expect(syntax.stderr.contains("line 1"))
        let missing = try CLIRunner.run(["shacl", "validate", "--shapes", "/nonexistent.ttl", "--data", "-"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read /nonexistent.ttl"))
    }

    @Test func conformanceSuiteCounts() throws {
        let suite = CLIRunner.sharedRoot.appendingPathComponent("conformance/shacl").path
        let result = try CLIRunner.run(["conformance", "shacl", suite])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("shacl node: 32 passed, 0 failed, 0 skipped\n"))
        #expect(result.stdout.hasSuffix("98 passed, 0 failed, 0 skipped\n"))
    }
}
