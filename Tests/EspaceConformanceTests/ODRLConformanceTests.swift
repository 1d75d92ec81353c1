import EspaceConformance
import Foundation
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

    /// The comparisons are not vacuous: a copy of the suite whose expected reports are
    /// altered (case 001's activation, one constraint's satisfaction in case 030) fails
    /// exactly those cases.
    @Test func alteredExpectationsAreCaught() throws {
        let fm = FileManager.default
        let copy = fm.temporaryDirectory.appendingPathComponent("espace-odrl-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: copy) }
        try fm.copyItem(atPath: Self.directory + "/data", toPath: copy.path)
        func alter(_ name: String, _ from: String, _ to: String) throws {
            let url = copy.appendingPathComponent("test_cases/" + name)
            let text = try String(contentsOf: url, encoding: .utf8)
            let range = try #require(text.range(of: from))
            try text.replacingCharacters(in: range, with: to).write(to: url, atomically: true, encoding: .utf8)
        }
        try alter(
            "testcase-001-alice.ttl", "report:activationState report:Active", "report:activationState report:Inactive")
        try alter(
            "testcase-030-alice-read-x.ttl", "report:satisfactionState report:Satisfied",
            "report:satisfactionState report:Unsatisfied")
        let report = try ODRLSuite(directory: copy.path).run()
        let failed = report.failures.map { "\($0.category) \($0.id)" }.sorted()
        #expect(
            failed == [
                "constraint-satisfaction urn:uuid:dde40097-f237-40cf-bb1e-03f632f6fd62",
                "constraint-satisfaction urn:uuid:e2123eb7-0707-4f24-bcc0-9d61dd9088a9",
                "rule-activation urn:uuid:e2123eb7-0707-4f24-bcc0-9d61dd9088a9",
            ])
        let why = report.failures.first { $0.category == "rule-activation" }?.outcome
        #expect(
            why
                == .failed(
                    "<urn:uuid:72e248bf-5f4f-472f-af76-8beca297415c> Active (all premises and constraints hold), expected Inactive"
                ))
    }

    @Test func missingIndexIsAnError() {
        #expect(throws: ODRLSuiteError.self) { try ODRLSuite(directory: "/nonexistent").run() }
    }
}
