import EspaceIdentity

/// How a status list's `encodedList` is written.
public enum StatusListFormat: String, Sendable, CaseIterable {
    /// Bitstring Status List v1.0: multibase base64url (`u` prefix, no padding) of the
    /// gzipped bitstring.
    case bitstring
    /// StatusList2021: base64url (no prefix) of the gzipped bitstring.
    case statusList2021
}

/// A status list: a bitstring of `statusSize`-bit entries, entry 0 at the most significant
/// bit of the first byte (Bitstring Status List v1.0 §4).
public struct StatusList: Sendable, Equatable {
    /// The specification's minimum: 131,072 entries (16 KiB at one bit each), for privacy.
    public static let minimumEntries = 131_072
    /// The default most entries accepted when creating or decoding a list.
    public static let defaultMaxBytes = 16 << 20

    /// Bits per entry (1 for revocation and suspension; more for `message` lists).
    public let statusSize: Int
    /// The bitstring.
    public private(set) var bytes: [UInt8]

    /// A list of `entryCount` entries, all zero. `entryCount` is raised to the specification's
    /// minimum; throws on a bad `statusSize` or a list above `maxBytes`.
    public init(entryCount: Int = StatusList.minimumEntries, statusSize: Int = 1, maxBytes: Int = defaultMaxBytes) throws(IdentityError) {
        guard (1...8).contains(statusSize) else { throw IdentityError("statusSize must be from 1 to 8, not \(statusSize)") }
        let entries = max(entryCount, Self.minimumEntries)
        let byteCount = (entries * statusSize + 7) / 8
        guard byteCount <= maxBytes else {
            throw IdentityError("a list of \(entries) entries needs \(byteCount) bytes, over \(maxBytes)", reason: .limitExceeded)
        }
        self.statusSize = statusSize
        self.bytes = [UInt8](repeating: 0, count: byteCount)
    }

    /// A list over an existing bitstring.
    public init(bytes: [UInt8], statusSize: Int = 1) throws(IdentityError) {
        guard (1...8).contains(statusSize) else { throw IdentityError("statusSize must be from 1 to 8, not \(statusSize)") }
        self.statusSize = statusSize
        self.bytes = bytes
    }

    /// How many entries the list holds.
    public var entryCount: Int { bytes.count * 8 / statusSize }

    /// The status value of entry `index`.
    public func value(at index: Int) throws(IdentityError) -> Int {
        try checkIndex(index)
        var value = 0
        for bit in (index * statusSize)..<((index + 1) * statusSize) {
            value = value << 1 | Int(bytes[bit >> 3] >> UInt8(7 - bit & 7) & 1)
        }
        return value
    }

    /// Whether entry `index` is non-zero (revoked, suspended, or a non-default message).
    public func isSet(_ index: Int) throws(IdentityError) -> Bool { try value(at: index) != 0 }

    /// Sets entry `index` to `value` (which must fit `statusSize` bits).
    public mutating func setValue(_ value: Int, at index: Int) throws(IdentityError) {
        try checkIndex(index)
        guard value >= 0, value < 1 << statusSize else {
            throw IdentityError("status value \(value) does not fit \(statusSize) bits")
        }
        for (offset, bit) in ((index * statusSize)..<((index + 1) * statusSize)).enumerated() {
            let mask = UInt8(0x80) >> UInt8(bit & 7)
            if value >> (statusSize - 1 - offset) & 1 == 1 { bytes[bit >> 3] |= mask } else { bytes[bit >> 3] &= ~mask }
        }
    }

    /// Sets or clears a one-bit entry.
    public mutating func set(_ index: Int, _ on: Bool = true) throws(IdentityError) {
        try setValue(on ? 1 : 0, at: index)
    }

    private func checkIndex(_ index: Int) throws(IdentityError) {
        guard index >= 0, index < entryCount else {
            throw IdentityError("status list index \(index) is outside the list's \(entryCount) entries")
        }
    }

    /// The `encodedList` text: gzip, then base64url (with the `u` multibase prefix for
    /// Bitstring Status List).
    public func encoded(_ format: StatusListFormat = .bitstring) -> String {
        let text = Base64URL.encode(GZip.compress(bytes))
        return format == .bitstring ? "u" + text : text
    }

    /// Decodes an `encodedList`, with or without the `u` prefix (both formats accepted).
    /// The bitstring must have at least `minimumBytes` (16 KiB by default, the
    /// specification's minimum) and at most `maxBytes`.
    public static func decode(
        _ encodedList: String, statusSize: Int = 1, minimumBytes: Int = minimumEntries / 8, maxBytes: Int = defaultMaxBytes
    ) throws(IdentityError) -> StatusList {
        guard encodedList.utf8.count <= maxBytes * 2 else {
            throw IdentityError("the encodedList is too long", reason: .limitExceeded)
        }
        var text = encodedList.hasPrefix("u") ? encodedList.dropFirst() : Substring(encodedList)
        while text.hasSuffix("=") { text = text.dropLast() }
        let compressed: [UInt8]
        do {
            compressed = try Base64URL.decode(text)
        } catch {
            throw IdentityError("the encodedList is not base64url: \(error.message)")
        }
        let bytes = try GZip.decompress(compressed, maxOutput: maxBytes)
        guard bytes.count >= minimumBytes else {
            throw IdentityError("the status list has \(bytes.count) bytes, fewer than the required \(minimumBytes)")
        }
        return try StatusList(bytes: bytes, statusSize: statusSize)
    }
}
