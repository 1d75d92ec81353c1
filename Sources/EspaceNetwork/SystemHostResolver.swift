import EspaceIdentity
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Resolves host names with the system resolver (`getaddrinfo`).
public struct SystemHostResolver: HostResolving {
    /// Most addresses returned for one host.
    public var maxAddresses: Int

    public init(maxAddresses: Int = 32) {
        self.maxAddresses = maxAddresses
    }

    public func addresses(of host: String) async throws(IdentityError) -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Darwin)
            hints.ai_socktype = SOCK_STREAM
        #else
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let first = list else {
            let message = String(cString: gai_strerror(status))
            throw IdentityError("cannot resolve \(host): \(message)", reason: .resolutionFailed)
        }
        defer { freeaddrinfo(first) }
        var out: [IPAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor, out.count < maxAddresses {
            if let address = entry.pointee.ai_addr {
                switch Int32(address.pointee.sa_family) {
                case AF_INET:
                    let value = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                        UInt32(bigEndian: $0.pointee.sin_addr.s_addr)
                    }
                    out.append(.v4(value))
                case AF_INET6:
                    let bytes = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                        withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) }
                    }
                    out.append(.v6(bytes))
                default: break
                }
            }
            cursor = entry.pointee.ai_next
        }
        guard !out.isEmpty else {
            throw IdentityError("\(host) has no IPv4 or IPv6 address", reason: .resolutionFailed)
        }
        return Array(Set(out)).sorted { $0.description < $1.description }
    }
}
