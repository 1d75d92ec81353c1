/// The version reported in EARL reports.
enum EspaceVersion {
    static let current = "0.1.0-dev"
}
