import Foundation

/// Locates the shared reference data for tests: `$ESPACE_SHARED`, else `../shared` beside
/// the package.
public enum SharedFixtures {
    /// The package root, derived from this file's path (`Sources/EspaceTestSupport/…`).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The shared folder.
    public static var root: URL {
        if let env = ProcessInfo.processInfo.environment["ESPACE_SHARED"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// A file or folder inside the shared folder.
    public static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// The path of a file or folder inside the shared folder.
    public static func path(_ relativePath: String) -> String {
        url(relativePath).path
    }

    /// The bytes of a shared file.
    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(relativePath)))
    }

    /// The files under a shared folder whose names end with one of `suffixes`, sorted by
    /// their path relative to that folder.
    public static func files(under relativePath: String, suffixes: [String]) throws -> [(name: String, bytes: [UInt8])] {
        let folder = url(relativePath)
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return []
        }
        var out: [(String, [UInt8])] = []
        for case let file as URL in enumerator where suffixes.contains(where: { file.lastPathComponent.hasSuffix($0) }) {
            out.append((String(file.path.dropFirst(folder.path.count)), [UInt8](try Data(contentsOf: file))))
        }
        return out.sorted { $0.0 < $1.0 }
    }
}
