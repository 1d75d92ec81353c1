/// The W3C Verifiable Credentials data model a document follows, told by its first
/// `@context` value.
public enum DataModelVersion: String, Sendable, CaseIterable {
    /// VC Data Model 1.1 (`https://www.w3.org/2018/credentials/v1`).
    case v1_1 = "1.1"
    /// VC Data Model 2.0 (`https://www.w3.org/ns/credentials/v2`).
    case v2_0 = "2.0"

    /// The base context URL that must come first in `@context`.
    public var baseContext: String {
        switch self {
        case .v1_1: return "https://www.w3.org/2018/credentials/v1"
        case .v2_0: return "https://www.w3.org/ns/credentials/v2"
        }
    }

    /// The version whose base context is `url`, if any.
    public init?(baseContext url: String) {
        guard let version = Self.allCases.first(where: { $0.baseContext == url }) else { return nil }
        self = version
    }
}
