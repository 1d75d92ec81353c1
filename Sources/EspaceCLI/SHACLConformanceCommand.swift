import ArgumentParser
import EspaceConformance
import Foundation

/// `espace conformance shacl [DIR]`: runs the W3C SHACL Core test suite.
struct SHACLConformanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shacl",
        abstract: "Run the W3C SHACL Core test suite (the folder holding tests/core/manifest.ttl, or core itself).",
        discussion:
            "Prints one line per category (complex, misc, node, path, property, targets, validation-reports), then 'N passed, N failed, N skipped'. Failures are listed on stderr with what differed. Exits non-zero if any test failed."
    )

    @Argument(help: "The suite folder (default: the shared conformance/shacl folder).")
    var directory: String?

    @Option(name: .long, help: "Also write an EARL report (Turtle) to this file.")
    var earl: String?

    @Flag(name: .long, help: "Also list every skipped test with its reason.")
    var verbose = false

    func run() throws {
        let folder = directory ?? SharedData.root() + "/conformance/shacl"
        let report: ConformanceReport
        do {
            report = try SHACLSuite(directory: folder).run()
        } catch {
            throw CommandFailure.exit("\(error)")
        }
        try ConformanceOutput.print(report, earl: earl, verbose: verbose)
    }
}
