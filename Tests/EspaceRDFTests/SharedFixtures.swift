import Foundation

/// Locates the shared reference data: `$ESPACE_SHARED`, else `../shared` beside the package.
enum SharedFixtures {
    /// The package root, derived from this file's path (`Tests/EspaceRDFTests/…`).
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

    static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// The files under a shared folder whose names end with one of `suffixes`, sorted.
    static func files(under relativePath: String, suffixes: [String]) throws -> [(name: String, bytes: [UInt8])] {
        let folder = url(relativePath)
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return []
        }
        var out: [(String, [UInt8])] = []
        for case let file as URL in enumerator where suffixes.contains(where: { file.lastPathComponent.hasSuffix($0) })
        {
            out.append((String(file.path.dropFirst(folder.path.count)), [UInt8](try Data(contentsOf: file))))
        }
        return out.sorted { $0.0 < $1.0 }
    }
}
