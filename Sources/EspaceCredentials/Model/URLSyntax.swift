/// Syntax checks for the URLs the data models require (RFC 3986 absolute URIs, with the
/// non-ASCII characters RFC 3987 allows in IRIs).
public enum URLSyntax {
    /// Whether `text` is an absolute URL: a scheme (`ALPHA *(ALPHA / DIGIT / "+" / "-" / ".")`),
    /// a colon, and a rest made only of URI characters, percent escapes and non-ASCII
    /// letters (no spaces, controls, or `<>"{}|\^` and backquote).
    public static func isURL(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon + 1 < bytes.count else {
            return false
        }
        guard isAlpha(bytes[0]) else { return false }
        for b in bytes[1..<colon] where !(isAlpha(b) || isDigit(b) || b == 0x2B || b == 0x2D || b == 0x2E) {
            return false
        }
        var i = colon + 1
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, isHex(bytes[i + 1]), isHex(bytes[i + 2]) else { return false }
                i += 3
                continue
            }
            guard b >= 0x80 || allowed[Int(b)] else { return false }
            i += 1
        }
        return true
    }

    private static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isHex(_ b: UInt8) -> Bool { isDigit(b) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66) }

    /// ASCII characters allowed after the scheme: unreserved, reserved (gen-delims and
    /// sub-delims).
    private static let allowed: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(b)] = true }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(b)] = true }
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(b)] = true }
        for c in "-._~:/?#[]@!$&'()*+,;=".utf8 { table[Int(c)] = true }
        return table
    }()
}
