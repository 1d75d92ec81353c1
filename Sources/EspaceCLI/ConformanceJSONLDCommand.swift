import ArgumentParser
import EspaceConformance
import Foundation

/// `espace conformance jsonld DIR`: runs the W3C JSON-LD 1.1 API test suite.
struct ConformanceJSONLDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jsonld",
        abstract: "Run the W3C JSON-LD 1.1 API test suite (expand, compact, flatten, toRdf, fromRdf, remote-doc, html).")

    @Argument(help: "The suite's tests folder (e.g. ../shared/conformance/json-ld-api/tests).")
    var directory: String

    @Option(name: .long, help: "Write an EARL report (Turtle) to this file.")
    var earl: String?

    @Option(name: .long, parsing: .upToNextOption, help: "Run only these manifests (expand compact flatten toRdf fromRdf remote-doc html).")
    var manifest: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: "Run only tests whose id ends with one of these (e.g. expand-manifest#t0001).")
    var only: [String] = []

    @Flag(name: .long, help: "Also list every skipped test with its reason.")
    var verbose = false

    func run() throws {
        let suite = JSONLDSuite(directory: directory)
        let report = suite.run(manifests: manifest.isEmpty ? JSONLDSuite.manifests : manifest, only: only)
        try ConformanceOutput.print(report, earl: earl, verbose: verbose)
    }
}
