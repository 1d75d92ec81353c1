import Foundation
import Testing

/// `espace rdf canonicalize` and `espace conformance rdf-canon`, run as a user would run them.
@Suite("espace rdf")
struct RDFCommandTests {
    static let rdfc = "conformance/rdf-canon/tests"

    private func shared(_ path: String) -> String { CLIRunner.sharedRoot.appendingPathComponent(path).path }

    private func sharedBytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: CLIRunner.sharedRoot.appendingPathComponent(path)))
    }

    @Test(arguments: ["test001", "test016", "test044", "test060"])
    func canonicalizeSuiteInput(name: String) throws {
        let result = try CLIRunner.run(["rdf", "canonicalize", shared("\(Self.rdfc)/rdfc10/\(name)-in.nq")])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdoutBytes == (try sharedBytes("\(Self.rdfc)/rdfc10/\(name)-rdfc10.nq")))
    }

    @Test func sha384() throws {
        let result = try CLIRunner.run([
            "rdf", "canonicalize", "--hash", "sha384", shared("\(Self.rdfc)/rdfc10/test075-in.nq"),
        ])
        #expect(result.status == 0)
        #expect(result.stdoutBytes == (try sharedBytes("\(Self.rdfc)/rdfc10/test075-rdfc10.nq")))
    }

    @Test func turtleFromStandardInput() throws {
        let turtle = "@prefix : <http://example.org/> .\n:s :p [ :q \"x\" ] .\n"
        let result = try CLIRunner.run(["rdf", "canonicalize", "--input", "turtle", "-"], input: Array(turtle.utf8))
        #expect(result.status == 0)
        #expect(
            result.stdout
                == "<http://example.org/s> <http://example.org/p> _:c14n0 .\n_:c14n0 <http://example.org/q> \"x\" .\n")
    }

    @Test func trigFile() throws {
        let path = try CLIRunner.temporaryFile(
            Array("<http://g> { _:a <http://p> <http://o> }\n".utf8), name: "in.trig")
        let result = try CLIRunner.run(["rdf", "canonicalize", path])
        #expect(result.status == 0)
        #expect(result.stdout == "_:c14n0 <http://p> <http://o> <http://g> .\n")
    }

    @Test func syntaxErrorIsReported() throws {
        let result = try CLIRunner.run(
            ["rdf", "canonicalize", "-"], input: Array("<http://s> <http://p> \"open .\n".utf8))
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: <stdin>: line 1, column 30: line break in string literal"))
    }

    @Test func poisonGraphIsAnError() throws {
        let result = try CLIRunner.run(["rdf", "canonicalize", shared("\(Self.rdfc)/rdfc10/test074-in.nq")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("error: "))
        #expect(result.stderr.contains("work limit exceeded"))
    }

    @Test func missingFile() throws {
        let result = try CLIRunner.run(["rdf", "canonicalize", "/nonexistent/file.nq"])
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("error: "))
    }

    @Test(arguments: [["rdf", "--help"], ["rdf", "canonicalize", "--help"], ["conformance", "rdf-canon", "--help"]])
    func help(arguments: [String]) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE"))
    }

    @Test func conformanceSuite() throws {
        let earl = FileManager.default.temporaryDirectory.appendingPathComponent("rdfc-\(UUID().uuidString).earl.ttl")
            .path
        defer { try? FileManager.default.removeItem(atPath: earl) }
        let result = try CLIRunner.run(["conformance", "rdf-canon", shared(Self.rdfc), "--earl", earl])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.last == "86 passed, 0 failed, 0 skipped")
        #expect(lines.contains("rdf-canon eval: 64 passed, 0 failed, 0 skipped"))
        let report = try String(contentsOfFile: earl, encoding: .utf8)
        #expect(report.contains("earl:passed"))
        #expect(report.contains("<https://w3c.github.io/rdf-canon/tests/manifest#test074c>"))
    }
}
