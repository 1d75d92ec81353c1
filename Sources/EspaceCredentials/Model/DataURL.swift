import EspaceIdentity

/// A `data:` URL (RFC 2397) as used by enveloped credentials
/// (`data:application/vc+jwt,<compact JWT>`).
public struct DataURL: Sendable, Equatable {
    /// The media type, lowercased (`application/vc+jwt`).
    public var mediaType: String
    /// Parameters after the media type (`base64url` in `;base64url`, `charset=…`).
    public var parameters: [String]
    /// The data after the comma, as written.
    public var data: String

    /// Longest data: URL accepted (a VC-JWT is a few kilobytes; a large VP a few hundred).
    public static let maxLength = 1 << 20

    /// Parses `text`; throws `.malformed` when it is not a data: URL with a media type.
    public init(_ text: String) throws(IdentityError) {
        guard text.utf8.count <= Self.maxLength else {
            throw IdentityError("the data: URL is longer than \(Self.maxLength) bytes", reason: .limitExceeded)
        }
        guard text.prefix(5).lowercased() == "data:", let comma = text.firstIndex(of: ",") else {
            throw IdentityError("\"\(text.prefix(60))\" is not a data: URL (data:<media type>,<data>)")
        }
        let head = text[text.index(text.startIndex, offsetBy: 5)..<comma]
        let parts = head.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard let type = parts.first, type.contains("/") else {
            throw IdentityError("the data: URL \"\(text.prefix(60))…\" names no media type")
        }
        mediaType = type.lowercased()
        parameters = Array(parts.dropFirst())
        data = String(text[text.index(after: comma)...])
    }
}
