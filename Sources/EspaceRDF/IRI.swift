/// IRI reference helpers: RFC 3986 §5.2 reference resolution and scheme detection.
///
/// Works on the UTF-8 bytes of the strings; non-ASCII characters pass through unchanged, so
/// the functions apply equally to IRIs (RFC 3987).
public enum IRI {
    /// Resolves `reference` against the absolute IRI `base` (RFC 3986 §5.2.2, strict: a
    /// reference with a scheme is taken as is, apart from dot-segment removal).
    ///
    /// `IRI.resolve("../g", against: "http://a/b/c/d;p?q") == "http://a/b/g"`.
    public static func resolve(_ reference: String, against base: String) -> String {
        let r = Array(reference.utf8)
        let rc = Components(r)
        if rc.scheme != nil && !hasDotSegment(r, rc.path) { return reference }
        let b = Array(base.utf8)
        let bc = Components(b)

        var out: [UInt8] = []
        out.reserveCapacity(b.count + r.count)
        let scheme: Range<Int>?
        let schemeSource: [UInt8]
        let authority: (bytes: [UInt8], range: Range<Int>)?
        let query: (bytes: [UInt8], range: Range<Int>)?
        let path: [UInt8]

        if let s = rc.scheme {
            scheme = s
            schemeSource = r
            authority = rc.authority.map { (r, $0) }
            path = removeDotSegments(r[rc.path])
            query = rc.query.map { (r, $0) }
        } else {
            scheme = bc.scheme
            schemeSource = b
            if let a = rc.authority {
                authority = (r, a)
                path = removeDotSegments(r[rc.path])
                query = rc.query.map { (r, $0) }
            } else {
                authority = bc.authority.map { (b, $0) }
                if rc.path.isEmpty {
                    path = Array(b[bc.path])
                    query = rc.query.map { (r, $0) } ?? bc.query.map { (b, $0) }
                } else {
                    if r[rc.path.lowerBound] == UInt8(ascii: "/") {
                        path = removeDotSegments(r[rc.path])
                    } else {
                        // Merge (§5.2.3).
                        var merged: [UInt8] = []
                        if bc.authority != nil && bc.path.isEmpty {
                            merged.append(UInt8(ascii: "/"))
                        } else if let slash = b[bc.path].lastIndex(of: UInt8(ascii: "/")) {
                            merged.append(contentsOf: b[bc.path.lowerBound...slash])
                        }
                        merged.append(contentsOf: r[rc.path])
                        path = removeDotSegments(merged[...])
                    }
                    query = rc.query.map { (r, $0) }
                }
            }
        }
        if let scheme {
            out.append(contentsOf: schemeSource[scheme])
            out.append(UInt8(ascii: ":"))
        }
        if let authority {
            out.append(UInt8(ascii: "/"))
            out.append(UInt8(ascii: "/"))
            out.append(contentsOf: authority.bytes[authority.range])
        }
        out.append(contentsOf: path)
        if let query {
            out.append(UInt8(ascii: "?"))
            out.append(contentsOf: query.bytes[query.range])
        }
        if let fragment = rc.fragment {
            out.append(UInt8(ascii: "#"))
            out.append(contentsOf: r[fragment])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `iri` starts with a scheme (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`),
    /// that is, whether it is absolute rather than relative.
    public static func hasScheme(_ iri: String) -> Bool {
        var utf8 = iri.utf8.makeIterator()
        guard let first = utf8.next(), isAlpha(first) else { return false }
        while let b = utf8.next() {
            if b == UInt8(ascii: ":") { return true }
            guard isAlpha(b) || (b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2D || b == 0x2E else { return false }
        }
        return false
    }

    /// Removes `.` and `..` segments from a path (RFC 3986 §5.2.4).
    public static func removeDotSegments(_ path: String) -> String {
        String(decoding: removeDotSegments(Array(path.utf8)[...]), as: UTF8.self)
    }

    // MARK: Internals

    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
    }

    /// The five components of a reference (§3), as ranges of its bytes; `nil` = undefined.
    struct Components {
        var scheme: Range<Int>?
        var authority: Range<Int>?
        var path: Range<Int>
        var query: Range<Int>?
        var fragment: Range<Int>?

        init(_ s: [UInt8]) {
            let n = s.count
            var i = 0
            scheme = nil
            if n > 0 && IRI.isAlpha(s[0]) {
                var j = 1
                while j < n {
                    let b = s[j]
                    if b == UInt8(ascii: ":") {
                        scheme = 0..<j
                        i = j + 1
                        break
                    }
                    guard IRI.isAlpha(b) || (b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2D || b == 0x2E else {
                        break
                    }
                    j += 1
                }
            }
            authority = nil
            if i + 1 < n && s[i] == UInt8(ascii: "/") && s[i + 1] == UInt8(ascii: "/") {
                let start = i + 2
                var j = start
                while j < n && s[j] != UInt8(ascii: "/") && s[j] != UInt8(ascii: "?") && s[j] != UInt8(ascii: "#") {
                    j += 1
                }
                authority = start..<j
                i = j
            }
            let pathStart = i
            while i < n && s[i] != UInt8(ascii: "?") && s[i] != UInt8(ascii: "#") { i += 1 }
            path = pathStart..<i
            query = nil
            if i < n && s[i] == UInt8(ascii: "?") {
                let start = i + 1
                i = start
                while i < n && s[i] != UInt8(ascii: "#") { i += 1 }
                query = start..<i
            }
            fragment = nil
            if i < n && s[i] == UInt8(ascii: "#") { fragment = (i + 1)..<n }
        }
    }

    /// Whether the path has a `.` or `..` segment.
    static func hasDotSegment(_ s: [UInt8], _ path: Range<Int>) -> Bool {
        var i = path.lowerBound
        var segmentStart = true
        while i < path.upperBound {
            let b = s[i]
            if b == UInt8(ascii: "/") {
                segmentStart = true
            } else {
                if segmentStart && b == UInt8(ascii: ".") { return true }
                segmentStart = false
            }
            i += 1
        }
        return false
    }

    static func removeDotSegments(_ input: ArraySlice<UInt8>) -> [UInt8] {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = input.startIndex
        let end = input.endIndex
        @inline(__always) func at(_ k: Int) -> UInt8 { k < end ? input[k] : 0 }
        func dropLastSegment(_ out: inout [UInt8]) {
            if let last = out.lastIndex(of: slash) {
                out.removeSubrange(last...)
            } else {
                out.removeAll(keepingCapacity: true)
            }
        }
        while i < end {
            let c0 = input[i]
            if c0 == dot {
                // A: "../" or "./"; D: "." or ".."
                if at(i + 1) == dot && (i + 2 == end || at(i + 2) == slash) {
                    i = min(i + 3, end)
                    continue
                }
                if i + 1 == end || at(i + 1) == slash {
                    i = min(i + 2, end)
                    continue
                }
            } else if c0 == slash && at(i + 1) == dot {
                // B: "/./" or "/."
                if i + 2 == end {
                    out.append(slash)
                    i = end
                    continue
                }
                if at(i + 2) == slash {
                    i += 2
                    continue
                }
                // C: "/../" or "/.."
                if at(i + 2) == dot {
                    if i + 3 == end {
                        dropLastSegment(&out)
                        out.append(slash)
                        i = end
                        continue
                    }
                    if at(i + 3) == slash {
                        dropLastSegment(&out)
                        i += 3
                        continue
                    }
                }
            }
            // E: move the first segment (with its leading "/") to the output.
            out.append(c0)
            i += 1
            while i < end && input[i] != slash {
                out.append(input[i])
                i += 1
            }
        }
        return out
    }
}
