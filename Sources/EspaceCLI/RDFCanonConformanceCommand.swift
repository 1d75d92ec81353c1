import ArgumentParser
import EspaceConformance
import Foundation

/// `espace conformance rdf-canon DIR [--earl FILE]`: runs the W3C RDFC-1.0 test suite.
struct RDFCanonConformanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rdf-canon",
        abstract: "Run the W3C RDFC-1.0 test suite (the folder holding manifest.jsonld).",
        discussion: "Prints one line per category (eval, map, negative), then 'N passed, N failed, N skipped'. Failures are listed on stderr. Exits non-zero if any test failed."
    )

    @Argument(help: "The suite folder (e.g. ../shared/conformance/rdf-canon/tests).")
    var directory: String

    @Option(name: .long, help: "Also write an EARL report (Turtle) to this file.")
    var earl: String?

    func run() throws {
        let report: ConformanceReport
        do {
            report = try RDFCanonSuite(directory: directory).run()
        } catch {
            throw CommandFailure.exit("\(error)")
        }
        for failure in report.failures {
            if case .failed(let why) = failure.outcome {
                FileHandle.standardError.write(Data("FAIL \(failure.id): \(why)\n".utf8))
            }
        }
        print(report.summary)
        if let earl {
            let date = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC") ?? .current, formatOptions: [.withFullDate])
            let text = report.earl(version: EspaceVersion.current, date: date)
            guard FileManager.default.createFile(atPath: earl, contents: Data(text.utf8)) else {
                throw CommandFailure.exit("cannot write \(earl)")
            }
        }
        if report.counts.failed > 0 { throw ExitCode(1) }
    }
}
