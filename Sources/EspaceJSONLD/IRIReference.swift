import EspaceRDF

/// IRI reference helpers used by JSON-LD: absolute-IRI and blank-node detection, the
/// well-formedness RDF needs, and reference resolution.
public enum IRIReference {
    /// Whether `s` has the form of an absolute IRI: a scheme followed by `:`.
    public static func isAbsolute(_ s: String) -> Bool {
        var sawLetter = false
        for b in s.utf8 {
            if b == UInt8(ascii: ":") { return sawLetter }
            let isAlpha = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            if !sawLetter {
                guard isAlpha else { return false }
                sawLetter = true
                continue
            }
            let isDigit = b >= 0x30 && b <= 0x39
            guard isAlpha || isDigit || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") else {
                return false
            }
        }
        return false
    }

    /// Whether `s` is a blank node identifier (`_:` prefix).
    public static func isBlankNode(_ s: String) -> Bool {
        s.utf8.starts(with: "_:".utf8)
    }

    /// Whether `s` looks like an IRI usable as an RDF IRI: absolute and free of characters
    /// IRIs may never contain (spaces, `<>"{}|\^` and backtick, controls).
    public static func isWellFormedAbsolute(_ s: String) -> Bool {
        guard isAbsolute(s) else { return false }
        var s = s
        return s.withUTF8 { bytes in
            var sawHash = false
            for b in bytes {
                if forbiddenInIRI[Int(b)] { return false }
                if b == UInt8(ascii: "#") {
                    if sawHash { return false }
                    sawHash = true
                }
            }
            return true
        }
    }

    /// Bytes that never appear in an IRI: controls, space, `<>"{}|\^` and backtick.
    private static let forbiddenInIRI: [Bool] = (0..<256).map { b in
        b <= 0x20 || "<>\"{}|\\^`".utf8.contains(UInt8(b))
    }

    /// Resolves `reference` against `base` (RFC 3986 §5.2.2, via `EspaceRDF.IRI`).
    /// Returns `reference` unchanged when `base` is nil.
    public static func resolve(_ reference: String, against base: String?) -> String {
        guard let base else { return reference }
        return IRI.resolve(reference, against: base)
    }
}
