import EspaceConformance
import Foundation
import Testing

/// Runs the W3C SHACL Core test suite (98 tests) and pins the score.
@Suite("W3C SHACL Core test suite")
struct SHACLConformanceTests {
    static let directory = SharedPaths.shared + "/conformance/shacl"

    @Test func allPass() throws {
        let report = try SHACLSuite(directory: Self.directory).run()
        for failure in report.failures {
            Issue.record("\(failure.id) \(failure.name): \(failure.outcome)")
        }
        #expect(report.counts.passed == 98)
        #expect(report.counts.total == 98)
        let byCategory = Dictionary(uniqueKeysWithValues: report.countsByCategory.map { ($0.category, $0.counts.total) })
        #expect(
            byCategory == [
                "complex": 2, "misc": 5, "node": 32, "path": 13, "property": 38, "targets": 7, "validation-reports": 1,
            ])
    }

    /// The comparison is not vacuous: a copy of the suite whose expected report is altered
    /// (one result's value in node/class-001) fails exactly that test.
    @Test func alteredExpectationIsCaught() throws {
        let fm = FileManager.default
        let copy = fm.temporaryDirectory.appendingPathComponent("espace-shacl-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: copy) }
        try fm.copyItem(atPath: Self.directory + "/tests", toPath: copy.path)
        let url = copy.appendingPathComponent("core/node/class-001.ttl")
        let text = try String(contentsOf: url, encoding: .utf8)
        let range = try #require(text.range(of: "sh:value ex:Quokki"))
        try text.replacingCharacters(in: range, with: "sh:value ex:Someone").write(
            to: url, atomically: true, encoding: .utf8)
        let report = try SHACLSuite(directory: copy.path).run()
        #expect(report.failures.map(\.id) == ["urn:x-shacl-test:/core/node/class-001"])
        #expect(report.counts.passed == 97)
    }

    @Test func missingManifestIsAnError() {
        #expect(throws: SHACLSuiteError.self) { try SHACLSuite(directory: "/nonexistent").run() }
    }
}
