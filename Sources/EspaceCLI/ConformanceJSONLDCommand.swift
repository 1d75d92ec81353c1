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

/// Shared printing of a conformance report: failures on stderr (and skips with
/// `--verbose`), per-category lines, the final count line, an optional EARL file, and a
/// failing exit code when a test failed.
enum ConformanceOutput {
    static func print(_ report: ConformanceReport, earl: String?, verbose: Bool) throws {
        for result in report.results {
            switch result.outcome {
            case .failed(let why):
                FileHandle.standardError.write(Data("FAIL \(result.id) \(result.name)\n  \(why)\n".utf8))
            case .skipped(let why) where verbose:
                Swift.print("SKIP \(result.id): \(why)")
            default: break
            }
        }
        Swift.print(report.summary)
        if let earl {
            let date = ISO8601DateFormatter.string(
                from: Date(), timeZone: TimeZone(identifier: "UTC") ?? .current, formatOptions: [.withFullDate])
            let text = report.earl(version: EspaceVersion.current, date: date)
            guard FileManager.default.createFile(atPath: earl, contents: Data(text.utf8)) else {
                throw CommandFailure.exit("cannot write \(earl)")
            }
        }
        if report.counts.failed > 0 { throw ExitCode(1) }
    }
}
