/// The version of this build of Espace.
enum EspaceVersion {
    static let current = "0.1.0-dev"
}
