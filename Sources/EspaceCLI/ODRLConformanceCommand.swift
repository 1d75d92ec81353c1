import ArgumentParser
import EspaceConformance
import Foundation

/// `espace conformance odrl DIR`: runs the SolidLab ODRL evaluation test suite.
struct ODRLConformanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "odrl",
        abstract: "Run the SolidLab ODRL test suite (the folder holding data/index.ttl, or data/ itself).",
        discussion:
            "Prints one line per test case with both comparisons (rule activation; plus constraint satisfaction), then the counts per comparison and 'N passed, N failed, N skipped'. Misses are listed on stderr with their reason. Exits non-zero if any comparison failed."
    )

    @Argument(help: "The suite folder (e.g. ../shared/conformance/odrl/solidlab-odrl-test-suite).")
    var directory: String

    @Option(name: .long, help: "Also write an EARL report (Turtle) to this file.")
    var earl: String?

    func run() throws {
        let report: ConformanceReport
        do {
            report = try ODRLSuite(directory: directory).run()
        } catch {
            throw CommandFailure.exit("\(error)")
        }
        var lines: [String: [String]] = [:]
        var order: [String] = []
        for result in report.results {
            if lines[result.id] == nil { order.append(result.id) }
            let mark: String
            switch result.outcome {
            case .passed: mark = "pass"
            case .failed: mark = "FAIL"
            case .skipped: mark = "skip"
            }
            lines[result.id, default: []].append("\(result.category)=\(mark)")
        }
        for id in order {
            let name = report.results.first { $0.id == id }?.name ?? ""
            Swift.print("\(id)  \((lines[id] ?? []).joined(separator: " "))  \(name)")
        }
        try ConformanceOutput.print(report, earl: earl, verbose: false)
    }
}
