/// RDF compares strings by code points, while Swift's `String ==` uses canonical equivalence
/// ("é" precomposed equals "e" + combining acute). Terms and literals therefore compare and
/// hash their UTF-8 bytes, which also skips Unicode normalization on non-ASCII text.
enum CodePointEquality {
    @inline(__always) static func equal(_ a: String, _ b: String) -> Bool {
        let au = a.utf8
        let bu = b.utf8
        guard au.count == bu.count else { return false }
        let result: Bool? =
            au.withContiguousStorageIfAvailable { pa in
                bu.withContiguousStorageIfAvailable { pb in
                    guard let x = pa.baseAddress, let y = pb.baseAddress else { return true }
                    if x == y { return true }
                    return UnsafeRawBufferPointer(pa).elementsEqual(UnsafeRawBufferPointer(pb))
                }
            } ?? nil
        return result ?? au.elementsEqual(bu)
    }

    @inline(__always) static func equal(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let x?, let y?): return equal(x, y)
        default: return false
        }
    }

    @inline(__always) static func hash(_ s: String, into hasher: inout Hasher) {
        let u = s.utf8
        let done: Void? = u.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil {
            for b in u { hasher.combine(b) }
        }
        hasher.combine(u.count)
    }
}

extension Literal {
    /// Code point equality of lexical form, datatype, language tag and direction.
    public static func == (lhs: Literal, rhs: Literal) -> Bool {
        CodePointEquality.equal(lhs.lexicalForm, rhs.lexicalForm)
            && CodePointEquality.equal(lhs.datatype, rhs.datatype)
            && CodePointEquality.equal(lhs.language, rhs.language)
            && CodePointEquality.equal(lhs.direction, rhs.direction)
    }

    public func hash(into hasher: inout Hasher) {
        CodePointEquality.hash(lexicalForm, into: &hasher)
        CodePointEquality.hash(datatype, into: &hasher)
        if let language { CodePointEquality.hash(language, into: &hasher) }
        if let direction { CodePointEquality.hash(direction, into: &hasher) }
    }
}

extension Term {
    /// Same kind and the same code points (see `CodePointEquality`).
    public static func == (lhs: Term, rhs: Term) -> Bool {
        switch (lhs, rhs) {
        case (.iri(let a), .iri(let b)): return CodePointEquality.equal(a, b)
        case (.blank(let a), .blank(let b)): return CodePointEquality.equal(a, b)
        case (.literal(let a), .literal(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .iri(let s):
            hasher.combine(0 as UInt8)
            CodePointEquality.hash(s, into: &hasher)
        case .blank(let s):
            hasher.combine(1 as UInt8)
            CodePointEquality.hash(s, into: &hasher)
        case .literal(let l):
            hasher.combine(2 as UInt8)
            l.hash(into: &hasher)
        }
    }
}
