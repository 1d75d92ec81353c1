import Foundation

/// Where the shared reference data (`../shared`: conformance suites, contexts, Gaia-X
/// fixtures) lies: `$ESPACE_SHARED` when set, else `../shared` beside the package.
public enum SharedData {
    /// The shared folder, located from the environment or from the package's own path.
    public static func root(packageRoot: String? = nil) -> String {
        if let env = ProcessInfo.processInfo.environment["ESPACE_SHARED"], !env.isEmpty { return env }
        let base = packageRoot ?? FileManager.default.currentDirectoryPath
        return URL(fileURLWithPath: base).deletingLastPathComponent().appendingPathComponent("shared").path
    }
}
