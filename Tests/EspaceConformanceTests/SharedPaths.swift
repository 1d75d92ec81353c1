import EspaceConformance
import Foundation

/// Locations of the shared reference data for these tests.
enum SharedPaths {
    /// The package root, derived from this file's path.
    static let packageRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    /// `$ESPACE_SHARED`, else `<package root>/../shared`.
    static let shared = SharedData.root(packageRoot: packageRoot)

    static let jsonLDTests = shared + "/conformance/json-ld-api/tests"
}
