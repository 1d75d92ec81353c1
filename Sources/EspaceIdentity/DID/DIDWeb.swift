import Foundation

/// The did:web method's mapping between DIDs and the HTTPS URLs of their documents
/// (did:web specification §3.2): `did:web:example.com` ↔
/// `https://example.com/.well-known/did.json`, `did:web:example.com:user:alice` ↔
/// `https://example.com/user/alice/did.json`, a port written `%3A`.
public enum DIDWeb {
    /// The parts of a did:web identifier.
    public struct Location: Sendable, Equatable {
        /// The host name (lowercased).
        public var host: String
        /// The port, if one is given.
        public var port: Int?
        /// The path segments (empty for the `.well-known` location).
        public var path: [String]

        public init(host: String, port: Int? = nil, path: [String] = []) {
            self.host = host
            self.port = port
            self.path = path
        }
    }

    /// Splits a did:web DID (a fragment, query or path is ignored) into host, port and path.
    public static func location(of did: String) throws(IdentityError) -> Location {
        let url = try DIDURL(did)
        guard url.method == "web" else { throw IdentityError("\(DIDURL.excerpt(did)) is not a did:web identifier") }
        let parts = url.methodSpecificID.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let authority = parts[0]
        var host = authority
        var port: Int?
        if let range = authority.range(of: "%3A", options: .caseInsensitive) {
            host = String(authority[..<range.lowerBound])
            let digits = authority[range.upperBound...]
            guard let value = Int(digits), digits.allSatisfy(\.isASCII), (1...65535).contains(value),
                !digits.hasPrefix("0")
            else {
                throw IdentityError("\(url.did) has an invalid port \"\(digits)\"")
            }
            port = value
        }
        try checkHost(host, in: url.did)
        var path: [String] = []
        for segment in parts.dropFirst() {
            let decoded = try percentDecode(segment, in: url.did)
            guard !decoded.isEmpty, decoded != ".", decoded != "..", !decoded.contains("/"), !decoded.contains("?"),
                !decoded.contains("#")
            else {
                throw IdentityError("\(url.did) has an invalid path segment \"\(segment)\"")
            }
            path.append(decoded)
        }
        return Location(host: host.lowercased(), port: port, path: path)
    }

    /// The URL of the DID document of `did`; `scheme` is `https` (or `http` only where a
    /// test or development setup asks for it).
    public static func documentURL(for did: String, scheme: String = "https") throws(IdentityError) -> String {
        let location = try location(of: did)
        var url = scheme + "://" + location.host
        if let port = location.port { url += ":\(port)" }
        if location.path.isEmpty {
            url += "/.well-known/did.json"
        } else {
            url += "/" + location.path.map(percentEncode).joined(separator: "/") + "/did.json"
        }
        return url
    }

    /// The did:web DID of a host, optional port and path (`example.com:8443/user/alice`
    /// gives `did:web:example.com%3A8443:user:alice`).
    public static func did(for location: Location) throws(IdentityError) -> String {
        try checkHost(location.host, in: location.host)
        var did = "did:web:" + location.host.lowercased()
        if let port = location.port {
            guard (1...65535).contains(port) else { throw IdentityError("port \(port) is out of range") }
            did += "%3A\(port)"
        }
        for segment in location.path {
            guard !segment.isEmpty, segment != ".", segment != ".." else {
                throw IdentityError("invalid path segment \"\(segment)\" for a did:web identifier")
            }
            did += ":" + percentEncode(segment)
        }
        _ = try DIDURL(did)
        return did
    }

    /// Parses `host[:port][/path…]` as the CLI's `--domain` takes it.
    public static func location(domain: String) throws(IdentityError) -> Location {
        var rest = Substring(domain)
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        let slash = rest.firstIndex(of: "/")
        let authority = slash.map { rest[..<$0] } ?? rest
        let path =
            slash.map {
                rest[rest.index(after: $0)...].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            } ?? []
        var host = String(authority)
        var port: Int?
        if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            let digits = authority[authority.index(after: colon)...]
            guard let value = Int(digits), digits.allSatisfy(\.isASCII) else {
                throw IdentityError("\"\(domain)\" has an invalid port")
            }
            port = value
        }
        return Location(host: host, port: port, path: path)
    }

    /// A host name: dot-separated labels of letters, digits and hyphens.
    static func checkHost(_ host: String, in context: String) throws(IdentityError) {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard !host.isEmpty, host.utf8.count <= 253,
            labels.allSatisfy({ label in
                !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.utf8.allSatisfy { DIDURL.isAlnum($0) || $0 == UInt8(ascii: "-") }
            })
        else {
            throw IdentityError("\(context) does not name a valid host (\"\(host)\")")
        }
    }

    static func percentDecode(_ text: String, in context: String) throws(IdentityError) -> String {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%") {
                guard i + 2 < bytes.count,
                    let value = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
                else {
                    throw IdentityError("bad percent-encoding in \(context)")
                }
                out.append(value)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        guard let decoded = String(validating: out, as: UTF8.self) else {
            throw IdentityError("\(context) is not UTF-8 once decoded")
        }
        return decoded
    }

    static func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if DIDURL.isIDChar(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
