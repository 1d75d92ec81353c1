import ArgumentParser
import EspaceConformance
import Foundation

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
