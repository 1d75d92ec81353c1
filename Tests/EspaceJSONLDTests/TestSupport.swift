import EspaceJSON
import EspaceTestSupport
import Foundation

/// Test helpers: the shared conformance folder and JSON parsing.
enum TestSupport {
    /// `../shared` beside the package (or `$ESPACE_SHARED`).
    static var sharedRoot: String { SharedFixtures.root.path }

    static var jsonldTests: String { sharedRoot + "/conformance/json-ld-api/tests" }

    static func parse(_ text: String) throws -> JSONValue {
        try JSONParser().parse(text)
    }

    static func load(_ path: String) throws -> JSONValue {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONParser().parse(Array(data))
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }
}
