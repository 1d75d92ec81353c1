/// RFC 3986 IRI reference helpers used by JSON-LD: absolute-IRI detection and
/// reference resolution (§5.2, the basic algorithm, without normalization).
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
        var sawHash = false
        for b in s.utf8 {
            if b == UInt8(ascii: "#") {
                if sawHash { return false }
                sawHash = true
            }
            switch b {
            case 0x00...0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"),
                UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "`"):
                return false
            default: continue
            }
        }
        return true
    }

    struct Components {
        var scheme: Substring?
        var authority: Substring?
        var path: Substring
        var query: Substring?
        var fragment: Substring?
    }

    /// Splits a reference into its five components (RFC 3986 appendix B).
    static func parse(_ s: String) -> Components {
        var rest = Substring(s)
        var fragment: Substring?
        if let hash = rest.firstIndex(of: "#") {
            fragment = rest[rest.index(after: hash)...]
            rest = rest[..<hash]
        }
        var query: Substring?
        if let q = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: q)...]
            rest = rest[..<q]
        }
        var scheme: Substring?
        if let colon = rest.firstIndex(of: ":"), isAbsolute(String(rest[...colon])) {
            let candidate = rest[..<colon]
            if !candidate.contains("/") {
                scheme = candidate
                rest = rest[rest.index(after: colon)...]
            }
        }
        var authority: Substring?
        if rest.hasPrefix("//") {
            let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
            let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
            authority = rest[afterSlashes..<end]
            rest = rest[end...]
        }
        return Components(scheme: scheme, authority: authority, path: rest, query: query, fragment: fragment)
    }

    /// Resolves `reference` against `base` (RFC 3986 §5.2.2). Returns `reference` unchanged
    /// when it is absolute and `base` is nil.
    public static func resolve(_ reference: String, against base: String?) -> String {
        guard let base else { return reference }
        let r = parse(reference)
        let b = parse(base)
        var scheme: Substring?
        var authority: Substring?
        var path: String
        var query: Substring?
        if let rs = r.scheme {
            scheme = rs
            authority = r.authority
            path = removeDotSegments(String(r.path))
            query = r.query
        } else {
            scheme = b.scheme
            if let ra = r.authority {
                authority = ra
                path = removeDotSegments(String(r.path))
                query = r.query
            } else {
                authority = b.authority
                if r.path.isEmpty {
                    path = String(b.path)
                    query = r.query ?? b.query
                } else {
                    if r.path.hasPrefix("/") {
                        path = removeDotSegments(String(r.path))
                    } else {
                        path = removeDotSegments(merge(base: b, path: r.path))
                    }
                    query = r.query
                }
            }
        }
        var out = ""
        if let scheme { out += scheme + ":" }
        if let authority { out += "//" + authority }
        out += path
        if let query { out += "?" + query }
        if let fragment = r.fragment { out += "#" + fragment }
        return out
    }

    private static func merge(base: Components, path: Substring) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        if let slash = base.path.lastIndex(of: "/") {
            return String(base.path[...slash]) + path
        }
        return String(path)
    }

    /// RFC 3986 §5.2.4 Remove Dot Segments, as written there, on UTF-8 bytes.
    static func removeDotSegments(_ path: String) -> String {
        guard path.utf8.contains(UInt8(ascii: ".")) else { return path }
        let dot = UInt8(ascii: "."), slash = UInt8(ascii: "/")
        var input = Array(path.utf8)[...]
        var output: [UInt8] = []
        func removeLastSegment() {
            if let last = output.lastIndex(of: slash) {
                output.removeSubrange(last...)
            } else {
                output.removeAll()
            }
        }
        while !input.isEmpty {
            if input.starts(with: [dot, dot, slash]) {
                input = input.dropFirst(3)
            } else if input.starts(with: [dot, slash]) {
                input = input.dropFirst(2)
            } else if input.starts(with: [slash, dot, slash]) {
                input = input.dropFirst(2)
            } else if input.elementsEqual([slash, dot]) {
                input = [slash][...]
            } else if input.starts(with: [slash, dot, dot, slash]) {
                input = input.dropFirst(3)
                removeLastSegment()
            } else if input.elementsEqual([slash, dot, dot]) {
                input = [slash][...]
                removeLastSegment()
            } else if input.elementsEqual([dot]) || input.elementsEqual([dot, dot]) {
                input = []
            } else {
                var end = input.startIndex
                if input[end] == slash { end += 1 }
                while end < input.endIndex && input[end] != slash { end += 1 }
                output.append(contentsOf: input[input.startIndex..<end])
                input = input[end...]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
