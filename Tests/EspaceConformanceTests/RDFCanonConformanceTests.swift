import EspaceConformance
import Testing

/// Runs the W3C RDFC-1.0 suite: every one of its 86 entries must pass.
@Suite("RDFC-1.0 test suite")
struct RDFCanonConformanceTests {
    @Test func allEntriesPass() throws {
        let report = try RDFCanonSuite(directory: SharedPaths.shared + "/conformance/rdf-canon/tests").run()
        for failure in report.failures {
            Issue.record("\(failure.id) \(failure.name): \(failure.outcome)")
        }
        #expect(report.counts.passed == 86)
        #expect(report.counts.failed == 0)
        #expect(report.counts.skipped == 0)
        let byCategory = Dictionary(
            uniqueKeysWithValues: report.countsByCategory.map { ($0.category, $0.counts.passed) })
        #expect(byCategory == ["eval": 64, "map": 21, "negative": 1])
        #expect(report.results.allSatisfy { $0.id.hasPrefix(RDFCanonSuite.manifestIRI + "#test") })
    }

    @Test func missingManifestIsAnError() {
        #expect(throws: RDFCanonSuiteError.self) { try RDFCanonSuite(directory: "/nonexistent").run() }
    }
}
