import Foundation

/// An IPv4 or IPv6 address, parsed strictly (no octal, hex or shortened IPv4 forms, no
/// IPv6 zone), with the classification the address guard needs.
public enum IPAddress: Sendable, Hashable, CustomStringConvertible {
    case v4(UInt32)
    /// The 16 bytes of an IPv6 address.
    case v6([UInt8])

    /// What kind of address this is (RFC 6890 special-purpose registries).
    public enum Kind: String, Sendable, CaseIterable {
        case publicUnicast = "public"
        case unspecified
        case loopback
        /// RFC 1918 (10/8, 172.16/12, 192.168/16) and deprecated IPv6 site-local fec0::/10.
        case privateUse = "private"
        /// 100.64.0.0/10, carrier-grade NAT (RFC 6598).
        case sharedAddressSpace = "shared (CGNAT)"
        /// 169.254/16 and fe80::/10.
        case linkLocal = "link-local"
        /// fc00::/7.
        case uniqueLocal = "unique-local"
        case multicast
        case broadcast
        /// 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32.
        case documentation
        /// 198.18/15.
        case benchmarking
        /// Other special-purpose or reserved blocks (0/8, 192.0.0/24, 240/4, 100::/64, 2001::/23, …).
        case reserved
    }

    /// Parses dotted-quad IPv4 or RFC 4291 IPv6 text (brackets allowed around IPv6).
    public init?(_ text: String) {
        var text = Substring(text)
        if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        if text.contains(":") {
            guard let bytes = Self.parseV6(text) else { return nil }
            self = .v6(bytes)
        } else {
            guard let value = Self.parseV4(text) else { return nil }
            self = .v4(value)
        }
    }

    static func parseV4(_ text: Substring) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                part == "0" || !part.hasPrefix("0"), let octet = UInt32(part), octet <= 255
            else { return nil }
            value = value << 8 | octet
        }
        return value
    }

    static func parseV6(_ text: Substring) -> [UInt8]? {
        guard text.utf8.count <= 45 else { return nil }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            var out: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (i, piece) in pieces.enumerated() {
                if i == pieces.count - 1, piece.contains(".") {
                    guard let v4 = parseV4(piece) else { return nil }
                    out += [UInt16(v4 >> 16), UInt16(v4 & 0xFFFF)]
                } else {
                    guard !piece.isEmpty, piece.count <= 4, let group = UInt16(piece, radix: 16),
                        piece.utf8.allSatisfy({ DIDURL.isHex($0) })
                    else { return nil }
                    out.append(group)
                }
            }
            return out
        }
        guard let head = groups(halves[0]) else { return nil }
        var all: [UInt16]
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count <= 7 else { return nil }
            all = head + [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            guard head.count == 8 else { return nil }
            all = head
        }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    /// The IPv4 address an IPv6 address embeds: IPv4-mapped `::ffff:a.b.c.d`, NAT64
    /// `64:ff9b::a.b.c.d` or 6to4 `2002:aabb:ccdd::`.
    public var embeddedIPv4: IPAddress? {
        guard case .v6(let b) = self else { return nil }
        func v4(_ s: ArraySlice<UInt8>) -> IPAddress {
            .v4(s.reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
        }
        if b[0..<10].allSatisfy({ $0 == 0 }), b[10] == 0xFF, b[11] == 0xFF { return v4(b[12..<16]) }
        if b[0..<12] == [0, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0] { return v4(b[12..<16]) }
        if b[0] == 0x20, b[1] == 0x02 { return v4(b[2..<6]) }
        return nil
    }

    /// The kind of address.
    public var kind: Kind {
        switch self {
        case .v4(let a):
            func within(_ network: UInt32, _ bits: UInt32) -> Bool { a >> (32 - bits) == network >> (32 - bits) }
            if a == 0xFFFF_FFFF { return .broadcast }
            if within(0x0000_0000, 8) { return a == 0 ? .unspecified : .reserved }
            if within(0x7F00_0000, 8) { return .loopback }
            if within(0x0A00_0000, 8) || within(0xAC10_0000, 12) || within(0xC0A8_0000, 16) { return .privateUse }
            if within(0x6440_0000, 10) { return .sharedAddressSpace }
            if within(0xA9FE_0000, 16) { return .linkLocal }
            if within(0xC000_0200, 24) || within(0xC633_6400, 24) || within(0xCB00_7100, 24) { return .documentation }
            if within(0xC612_0000, 15) { return .benchmarking }
            if within(0xE000_0000, 4) { return .multicast }
            if within(0xC000_0000, 24) || within(0xC058_6300, 24) || within(0xF000_0000, 4) { return .reserved }
            return .publicUnicast
        case .v6(let b):
            if let embedded = embeddedIPv4 { return embedded.kind }
            if b.allSatisfy({ $0 == 0 }) { return .unspecified }
            if b[0..<15].allSatisfy({ $0 == 0 }), b[15] == 1 { return .loopback }
            if b[0..<12].allSatisfy({ $0 == 0 }) { return .reserved }  // IPv4-compatible (deprecated)
            if b[0] == 0xFF { return .multicast }
            if b[0] == 0xFE, b[1] & 0xC0 == 0x80 { return .linkLocal }
            if b[0] == 0xFE, b[1] & 0xC0 == 0xC0 { return .privateUse }
            if b[0] & 0xFE == 0xFC { return .uniqueLocal }
            if b[0] == 0x20, b[1] == 0x01, b[2] == 0x0D, b[3] == 0xB8 { return .documentation }
            if b[0] == 0x01, b[1..<8].allSatisfy({ $0 == 0 }) { return .reserved }  // 100::/64 discard
            if b[0] == 0x20, b[1] == 0x01, b[2] & 0xFE == 0 { return .reserved }  // 2001::/23
            if b[0] & 0xE0 != 0x20 { return .reserved }  // outside global unicast 2000::/3
            return .publicUnicast
        }
    }

    /// Whether the address is publicly routable unicast.
    public var isPublic: Bool { kind == .publicUnicast }

    public var description: String {
        switch self {
        case .v4(let a): return "\(a >> 24).\(a >> 16 & 0xFF).\(a >> 8 & 0xFF).\(a & 0xFF)"
        case .v6(let b):
            return stride(from: 0, to: 16, by: 2).map { String(UInt16(b[$0]) << 8 | UInt16(b[$0 + 1]), radix: 16) }
                .joined(separator: ":")
        }
    }
}

/// An address block in CIDR notation (`10.0.0.0/8`, `fd00::/8`).
public struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    public var address: IPAddress
    public var prefixLength: Int

    /// Parses `address/prefix` (a bare address is a single-host block).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let address = IPAddress(String(parts[0])) else { return nil }
        let maxLength: Int
        switch address {
        case .v4: maxLength = 32
        case .v6: maxLength = 128
        }
        if parts.count == 2 {
            guard let length = Int(parts[1]), (0...maxLength).contains(length),
                parts[1].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
            else {
                return nil
            }
            prefixLength = length
        } else {
            prefixLength = maxLength
        }
        self.address = address
    }

    /// Whether `candidate` lies in this block (IPv4-mapped IPv6 addresses match IPv4 blocks).
    public func contains(_ candidate: IPAddress) -> Bool {
        switch (address, candidate) {
        case (.v4(let network), .v4(let a)):
            guard prefixLength > 0 else { return true }
            let shift = UInt32(32 - prefixLength)
            return prefixLength == 32 ? network == a : network >> shift == a >> shift
        case (.v6(let network), .v6(let a)):
            var remaining = prefixLength
            for i in 0..<16 where remaining > 0 {
                let bits = min(8, remaining)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                if network[i] & mask != a[i] & mask { return false }
                remaining -= bits
            }
            return true
        case (.v4, .v6):
            guard case .v6(let b) = candidate, b[0..<10].allSatisfy({ $0 == 0 }), b[10] == 0xFF, b[11] == 0xFF,
                let embedded = candidate.embeddedIPv4
            else { return false }
            return contains(embedded)
        case (.v6, .v4):
            return false
        }
    }

    public var description: String { "\(address)/\(prefixLength)" }
}
