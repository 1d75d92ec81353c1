/// The version of this build of Espace (reported by `--version` and in EARL reports).
enum EspaceVersion {
    static let current = "0.1.0-dev"
}
