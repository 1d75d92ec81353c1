import ArgumentParser
import EspaceConformance
import Foundation

/// `espace conformance rdf-canon DIR [--earl FILE]`: runs the W3C RDFC-1.0 test suite.
struct RDFCanonConformanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rdf-canon",
        abstract: "Run the W3C RDFC-1.0 test suite (the folder holding manifest.jsonld).",
        discussion:
            "Prints one line per category (eval, map, negative), then 'N passed, N failed, N skipped'. Failures are listed on stderr. Exits non-zero if any test failed."
    )

    @Argument(help: "The suite folder (e.g. ../shared/conformance/rdf-canon/tests).")
    var directory: String

    @Option(name: .long, help: "Also write an EARL report (Turtle) to this file.")
    var earl: String?

    @Flag(name: .long, help: "Also list every skipped test with its reason.")
    var verbose = false

    func run() throws {
        let report: ConformanceReport
        do {
            report = try RDFCanonSuite(directory: directory).run()
        } catch {
            throw CommandFailure.exit("\(error)")
        }
        try ConformanceOutput.print(report, earl: earl, verbose: verbose)
    }
}
