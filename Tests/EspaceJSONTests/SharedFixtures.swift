import Foundation

/// Locates the shared reference data: `$ESPACE_SHARED`, else `../shared` beside the package.
enum SharedFixtures {
    /// The package root, derived from this file's path (`Tests/EspaceJSONTests/…`).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The shared folder.
    static var root: URL {
        if let env = ProcessInfo.processInfo.environment["ESPACE_SHARED"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// A file or folder inside the shared folder.
    static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// The bytes of a shared file.
    static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(relativePath)))
    }
}
