/// A Decentralized Claims Protocol scope: which credentials a verifier may read from a
/// holder's credential service.
///
/// DCP v1.0 writes scopes as `alias:discriminator`; the DCP TCK and EDC add a third part,
/// the operation (`org.eclipse.dspace.dcp.vc.type:MembershipCredential:read`). Both forms
/// are accepted. The discriminator may itself contain colons (`gx:LegalPerson`); a trailing
/// `:read`, `:write`, `:all` or `:*` is taken as the operation.
public struct DCPScope: Sendable, Hashable, CustomStringConvertible {
    /// What the scope selects.
    public enum Selector: Sendable, Hashable {
        /// Credentials having this type (alias `org.eclipse.dspace.dcp.vc.type`).
        case credentialType(String)
        /// The credential with this id (alias `org.eclipse.dspace.dcp.vc.id`).
        case credentialID(String)
        /// A scope with another alias, or none: kept as written, it grants nothing, so a
        /// query naming it gets fewer presentations rather than an error (DCP §5.4.1.2).
        case unrecognized(String)
    }

    /// The alias that selects by credential type, which every implementation must support.
    public static let typeAlias = "org.eclipse.dspace.dcp.vc.type"
    /// The alias that selects by credential id.
    public static let idAlias = "org.eclipse.dspace.dcp.vc.id"
    /// EDC's alias for credential types, accepted as a synonym of `typeAlias`.
    public static let edcTypeAlias = "org.eclipse.edc.vc.type"

    static let operations: Set<String> = ["read", "write", "all", "*"]
    static let maxLength = 512

    public var selector: Selector
    /// `read` when the scope has no operation part.
    public var operation: String

    public init(_ selector: Selector, operation: String = "read") {
        self.selector = selector
        self.operation = operation
    }

    /// Parses a scope string. Unknown aliases and strings without a discriminator become
    /// `.unrecognized`; only an over-long scope throws (`DCPError.badRequest`).
    public init(parsing text: String) throws(DCPError) {
        guard text.utf8.count <= Self.maxLength else {
            throw .badRequest("scope is longer than \(Self.maxLength) bytes")
        }
        guard let colon = text.firstIndex(of: ":") else {
            self.init(.unrecognized(text))
            return
        }
        let alias = String(text[..<colon])
        var rest = Substring(text[text.index(after: colon)...])
        var operation = "read"
        if let last = rest.lastIndex(of: ":"), Self.operations.contains(String(rest[rest.index(after: last)...])) {
            operation = String(rest[rest.index(after: last)...])
            rest = rest[..<last]
        }
        switch alias {
        case _ where rest.isEmpty: self.init(.unrecognized(text))
        case Self.typeAlias, Self.edcTypeAlias: self.init(.credentialType(String(rest)), operation: operation)
        case Self.idAlias: self.init(.credentialID(String(rest)), operation: operation)
        default: self.init(.unrecognized(text))
        }
    }

    /// The canonical three-part form (`alias:discriminator:operation`).
    public var description: String {
        switch selector {
        case .credentialType(let type): return "\(Self.typeAlias):\(type):\(operation)"
        case .credentialID(let id): return "\(Self.idAlias):\(id):\(operation)"
        case .unrecognized(let text): return text
        }
    }

    /// Whether a scope granted to a verifier covers this requested one (same selector; a
    /// granted `all`/`*` covers any operation).
    public func isCovered(by granted: DCPScope) -> Bool {
        if case .unrecognized = selector { return false }
        return granted.selector == selector
            && (granted.operation == operation || granted.operation == "all" || granted.operation == "*")
    }
}
