import EspaceConformance
import Testing

/// Runs the SolidLab ODRL test suite (68 cases) and pins the scores of both comparisons.
@Suite("SolidLab ODRL test suite")
struct ODRLConformanceTests {
    static let directory = SharedPaths.shared + "/conformance/odrl/solidlab-odrl-test-suite"

    @Test func scores() throws {
        let report = try ODRLSuite(directory: Self.directory).run()
        for failure in report.failures {
            Issue.record("\(failure.category) \(failure.id) \(failure.name): \(failure.outcome)")
        }
        let byCategory = Dictionary(uniqueKeysWithValues: report.countsByCategory.map { ($0.category, $0.counts) })
        #expect(byCategory["rule-activation"]?.passed == 68)
        #expect(byCategory["rule-activation"]?.total == 68)
        #expect(byCategory["constraint-satisfaction"]?.passed == 68)
        #expect(byCategory["constraint-satisfaction"]?.total == 68)
    }

    @Test func missingIndexIsAnError() {
        #expect(throws: ODRLSuiteError.self) { try ODRLSuite(directory: "/nonexistent").run() }
    }
}
