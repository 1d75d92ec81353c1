import Crypto

/// The hash function RDFC-1.0 uses for every hash it computes.
public enum RDFCanonHashAlgorithm: String, Sendable, CaseIterable {
    /// SHA-256, the RDFC-1.0 default.
    case sha256 = "SHA256"
    /// SHA-384.
    case sha384 = "SHA384"

    /// Parses `SHA256` / `sha256` / `SHA-256` (and the same for 384).
    public init?(name: String) {
        switch String(name.lowercased().filter { $0 != "-" }) {
        case "sha256": self = .sha256
        case "sha384": self = .sha384
        default: return nil
        }
    }
}

/// An incremental hash producing lower-case hexadecimal bytes.
struct HexHasher {
    private enum State {
        case sha256(SHA256)
        case sha384(SHA384)
    }

    private var state: State

    init(_ algorithm: RDFCanonHashAlgorithm) {
        switch algorithm {
        case .sha256: state = .sha256(SHA256())
        case .sha384: state = .sha384(SHA384())
        }
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        switch state {
        case .sha256(var h):
            h.update(bufferPointer: bytes)
            state = .sha256(h)
        case .sha384(var h):
            h.update(bufferPointer: bytes)
            state = .sha384(h)
        }
    }

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    mutating func update(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { update($0) }
    }

    func finalizeHex() -> [UInt8] {
        switch state {
        case .sha256(let h): return Self.hex(h.finalize())
        case .sha384(let h): return Self.hex(h.finalize())
        }
    }

    static func hex(of bytes: [UInt8], _ algorithm: RDFCanonHashAlgorithm) -> [UInt8] {
        var h = HexHasher(algorithm)
        h.update(bytes)
        return h.finalizeHex()
    }

    private static func hex(_ digest: some Digest) -> [UInt8] {
        digest.withUnsafeBytes { raw in
            var out = [UInt8](repeating: 0, count: raw.count * 2)
            for (i, b) in raw.enumerated() {
                out[2 * i] = digit(b >> 4)
                out[2 * i + 1] = digit(b & 0x0F)
            }
            return out
        }
    }

    @inline(__always) private static func digit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x57 + v }
}
