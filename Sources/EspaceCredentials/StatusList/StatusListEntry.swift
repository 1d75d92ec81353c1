import EspaceIdentity
import EspaceJSON

/// Why a status list exists (`statusPurpose`).
public enum StatusPurpose: String, Sendable, CaseIterable {
    /// Set means permanently revoked.
    case revocation
    /// Set means temporarily suspended.
    case suspension
    /// The entry holds a message index (`statusSize` bits, `statusMessage` explains them).
    case message
    /// Set means a fresher credential is available.
    case refresh
}

/// A credential's `credentialStatus` entry pointing into a status list
/// (`BitstringStatusListEntry`, or `StatusList2021Entry`).
public struct StatusListEntry: Sendable, Equatable {
    /// The entry types understood.
    public static let types: Set<String> = ["BitstringStatusListEntry", "StatusList2021Entry"]

    /// What a set entry means.
    public var statusPurpose: StatusPurpose
    /// The entry's position in the list.
    public var statusListIndex: Int
    /// The URL of the status list credential.
    public var statusListCredential: String
    /// Bits per entry (default 1).
    public var statusSize: Int

    /// An entry with the given members.
    public init(statusPurpose: StatusPurpose, statusListIndex: Int, statusListCredential: String, statusSize: Int = 1) {
        self.statusPurpose = statusPurpose
        self.statusListIndex = statusListIndex
        self.statusListCredential = statusListCredential
        self.statusSize = statusSize
    }

    /// Reads a `credentialStatus` object; throws `.unsupported` for other status types and
    /// `.malformed` for missing or ill-typed members.
    public init(json: JSONObject) throws(IdentityError) {
        guard let type = json["type"]?.stringValue else { throw IdentityError("the credentialStatus has no \"type\"") }
        guard Self.types.contains(type) else {
            throw IdentityError("credentialStatus type \"\(type)\" is not supported", reason: .unsupported)
        }
        guard let purposeText = json["statusPurpose"]?.stringValue else {
            throw IdentityError("the \(type) has no \"statusPurpose\"")
        }
        guard let purpose = StatusPurpose(rawValue: purposeText) else {
            throw IdentityError("statusPurpose \"\(purposeText)\" is not supported", reason: .unsupported)
        }
        guard let url = json["statusListCredential"]?.stringValue, !url.isEmpty else {
            throw IdentityError("the \(type) has no \"statusListCredential\" URL")
        }
        let index = try Self.integer(json["statusListIndex"], name: "statusListIndex", required: true) ?? 0
        let size = try Self.integer(json["statusSize"], name: "statusSize", required: false) ?? 1
        guard (1...8).contains(size) else { throw IdentityError("statusSize must be from 1 to 8, not \(size)") }
        guard size == 1 || purpose == .message else {
            throw IdentityError("statusSize \(size) is only allowed for the \"message\" purpose")
        }
        self.init(statusPurpose: purpose, statusListIndex: index, statusListCredential: url, statusSize: size)
    }

    /// The entries of a credential's `credentialStatus` (one object or an array) that point
    /// into status lists; other status types are skipped.
    public static func entries(of credential: JSONObject, limit: Int = 16) throws(IdentityError) -> [StatusListEntry] {
        guard let status = credential["credentialStatus"] else { return [] }
        let items = status.asArray
        guard items.count <= limit else {
            throw IdentityError("the credential has \(items.count) status entries, over \(limit)", reason: .limitExceeded)
        }
        var entries: [StatusListEntry] = []
        for item in items {
            guard let object = item.objectValue else { throw IdentityError("a credentialStatus entry is not an object") }
            guard let type = object["type"]?.stringValue, types.contains(type) else { continue }
            entries.append(try StatusListEntry(json: object))
        }
        return entries
    }

    /// A non-negative integer given as a decimal string (as the specification requires) or a
    /// JSON number (accepted from older issuers).
    static func integer(_ value: JSONValue?, name: String, required: Bool) throws(IdentityError) -> Int? {
        guard let value else {
            if required { throw IdentityError("the status entry has no \"\(name)\"") }
            return nil
        }
        let text: String
        switch value {
        case .string(let s): text = s
        case .number(let n): text = n.description
        default: throw IdentityError("\"\(name)\" must be a string of digits")
        }
        guard !text.isEmpty, text.count <= 12, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(text) else {
            throw IdentityError("\"\(name)\" \"\(text)\" is not a non-negative integer")
        }
        return n
    }
}
