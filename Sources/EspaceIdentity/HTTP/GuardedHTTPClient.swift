import Foundation

/// Resolves host names to addresses (the system resolver in production, a table in tests).
public protocol HostResolving: Sendable {
    /// The addresses of `host`; throws `.resolutionFailed` when there are none.
    func addresses(of host: String) async throws(IdentityError) -> [IPAddress]
}

/// Which non-public destinations a `GuardedHTTPClient` may reach anyway.
public struct AddressAllowList: Sendable, Equatable {
    /// Host names (compared case-insensitively) let through whatever they resolve to.
    public var hosts: Set<String>
    /// Address blocks let through.
    public var networks: [IPNetwork]
    /// Let every address through (development only).
    public var allowAllPrivate: Bool

    public init(hosts: Set<String> = [], networks: [IPNetwork] = [], allowAllPrivate: Bool = false) {
        self.hosts = Set(hosts.map { $0.lowercased() })
        self.networks = networks
        self.allowAllPrivate = allowAllPrivate
    }

    /// Whether `address` may be reached.
    public func permits(_ address: IPAddress) -> Bool {
        allowAllPrivate || address.isPublic || networks.contains { $0.contains(address) }
    }
}

/// The scheme, host and port of an http(s) URL, as the guard reads it.
public struct GuardedURL: Sendable, Equatable {
    public var scheme: String
    /// The host, lowercased, without IPv6 brackets.
    public var host: String
    public var port: Int?

    /// Parses the authority of `url`; refuses other schemes, userinfo and odd hosts.
    public init(_ url: String) throws(IdentityError) {
        guard let schemeEnd = url.range(of: "://") else { throw IdentityError("\(url) is not an absolute URL") }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "https" || scheme == "http" else {
            throw IdentityError("\(url): only http and https URLs are fetched", reason: .forbiddenAddress)
        }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.contains("@") else {
            throw IdentityError("\(url): URLs with user information are refused", reason: .forbiddenAddress)
        }
        guard !authority.contains("%"), !authority.contains("\\") else {
            throw IdentityError("\(url): the host is percent-encoded or malformed", reason: .forbiddenAddress)
        }
        var host = Substring(authority)
        var portText: Substring?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { throw IdentityError("\(url): unterminated IPv6 literal") }
            let after = host[host.index(after: close)...]
            if after.hasPrefix(":") {
                portText = after.dropFirst()
            } else if !after.isEmpty {
                throw IdentityError("\(url): bad authority")
            }
            host = host[host.index(after: host.startIndex)..<close]
        } else if let colon = host.lastIndex(of: ":") {
            portText = host[host.index(after: colon)...]
            host = host[..<colon]
        }
        if let portText {
            guard let port = Int(portText), (1...65535).contains(port),
                portText.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
            else {
                throw IdentityError("\(url): bad port")
            }
            self.port = port
        } else {
            self.port = nil
        }
        guard !host.isEmpty else { throw IdentityError("\(url) has no host") }
        self.scheme = scheme
        self.host = host.lowercased()
    }
}

/// Wraps an `HTTPClient` so requests never reach loopback, private, link-local or other
/// non-public addresses unless the allow-list permits them (against SSRF). Redirects are
/// followed here, up to `limits.maxRedirects`, each target checked again; the inner client
/// is asked never to follow redirects itself.
///
/// The inner client resolves the host again when it connects; run it against a resolver that
/// pins the checked addresses where DNS rebinding matters.
public struct GuardedHTTPClient: HTTPClient {
    public var client: any HTTPClient
    public var resolver: any HostResolving
    public var allowList: AddressAllowList

    public init(client: any HTTPClient, resolver: any HostResolving, allowList: AddressAllowList = AddressAllowList()) {
        self.client = client
        self.resolver = resolver
        self.allowList = allowList
    }

    /// Throws `.forbiddenAddress` when `url` may not be fetched.
    public func check(_ url: String) async throws(IdentityError) {
        let target = try GuardedURL(url)
        if allowList.hosts.contains(target.host) { return }
        if let address = IPAddress(target.host) {
            guard allowList.permits(address) else {
                throw IdentityError(
                    "\(url): \(address) is a \(address.kind.rawValue) address", reason: .forbiddenAddress)
            }
            return
        }
        // Hosts ending in a number are IPv4 forms to URL parsers (`127.1`, `0x7f.0.0.1`, `2130706433`).
        let last = target.host.split(separator: ".").last ?? ""
        if target.host.contains(":") || last.allSatisfy({ $0.isHexDigit || $0 == "x" }) && last.first?.isNumber == true
        {
            throw IdentityError(
                "\(url): host \(target.host) is not a plain IP address or name", reason: .forbiddenAddress)
        }
        try DIDWeb.checkHost(target.host, in: url)
        let addresses = try await resolver.addresses(of: target.host)
        guard !addresses.isEmpty else {
            throw IdentityError("\(target.host) has no addresses", reason: .resolutionFailed)
        }
        for address in addresses where !allowList.permits(address) {
            throw IdentityError(
                "\(url): \(target.host) resolves to \(address), a \(address.kind.rawValue) address",
                reason: .forbiddenAddress)
        }
    }

    public func send(_ request: HTTPRequest, limits: HTTPLimits) async throws(IdentityError) -> HTTPResponse {
        var request = request
        var inner = limits
        inner.maxRedirects = 0
        var redirects = 0
        while true {
            try await check(request.url)
            let response = try await client.send(request, limits: inner)
            guard [301, 302, 303, 307, 308].contains(response.status), let location = response.header("Location") else {
                return response
            }
            guard redirects < limits.maxRedirects else { return response }
            redirects += 1
            request.url = Self.resolve(location, against: request.url)
            if response.status == 303 || (response.status != 307 && response.status != 308 && request.method == "POST")
            {
                request.method = "GET"
                request.body = []
            }
        }
    }

    /// `location` made absolute against `base` (absolute, scheme-relative or path-absolute).
    static func resolve(_ location: String, against base: String) -> String {
        if location.contains("://") { return location }
        guard let schemeEnd = base.range(of: "://") else { return location }
        let scheme = base[..<schemeEnd.lowerBound]
        if location.hasPrefix("//") { return scheme + ":" + location }
        let rest = base[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if location.hasPrefix("/") { return scheme + "://" + authority + location }
        let path = rest.dropFirst(authority.count).prefix { $0 != "?" && $0 != "#" }
        let directory = path.lastIndex(of: "/").map { path[...$0] } ?? "/"
        return scheme + "://" + authority + directory + location
    }
}
