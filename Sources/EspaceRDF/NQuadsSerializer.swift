/// Writes terms and quads in canonical N-Quads form (RDF 1.2 N-Triples canonical form, as
/// used by RDFC-1.0): single spaces between terms, ` .\n` after each statement, `<iri>`,
/// `_:label`, `"lex"` (datatype omitted for `xsd:string`), `"lex"@lang`, `"lex"@lang--dir`,
/// `"lex"^^<datatype>`.
///
/// In literals only `"` `\` and the control characters are escaped: `\b \t \n \f \r` as
/// `ECHAR`, the other characters U+0000–U+001F and U+007F as `\u00XX` (upper-case hex).
/// Everything else, including U+0085, is written as UTF-8. IRIs are written as they are,
/// except that characters an `IRIREF` cannot hold are written as `\u00XX` so the output
/// stays parseable.
public enum NQuadsSerializer {
    /// The quads in N-Quads form, in the order given, one statement per line.
    public static func serialize(_ quads: some Sequence<Quad>) -> String {
        var out: [UInt8] = []
        for quad in quads { appendQuad(quad, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// One statement in N-Quads form, with its trailing `\n`.
    public static func line(_ quad: Quad) -> String {
        var out: [UInt8] = []
        appendQuad(quad, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The N-Quads form of one term.
    public static func string(_ term: Term) -> String {
        var out: [UInt8] = []
        append(term, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends one statement with its trailing ` .\n`.
    public static func appendQuad(_ quad: Quad, to out: inout [UInt8]) {
        append(quad.subject, to: &out)
        out.append(0x20)
        append(quad.predicate, to: &out)
        out.append(0x20)
        append(quad.object, to: &out)
        if let graph = quad.graph {
            out.append(0x20)
            append(graph, to: &out)
        }
        out.append(0x20)
        out.append(UInt8(ascii: "."))
        out.append(0x0A)
    }

    /// Appends the canonical form of `term`.
    public static func append(_ term: Term, to out: inout [UInt8]) {
        switch term {
        case .iri(let iri): appendIRI(iri, to: &out)
        case .blank(let label): appendBlank(label, to: &out)
        case .literal(let literal): appendLiteral(literal, to: &out)
        }
    }

    /// Appends `_:label`.
    public static func appendBlank(_ label: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "_"))
        out.append(UInt8(ascii: ":"))
        out.append(contentsOf: label.utf8)
    }

    /// Appends `<iri>`.
    public static func appendIRI(_ iri: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "<"))
        let done: Void? = iri.utf8.withContiguousStorageIfAvailable { bytes in
            var clean = true
            for b in bytes where ByteScanner.isForbiddenInIRI(UInt32(b)) {
                clean = false
                break
            }
            if clean {
                out.append(contentsOf: bytes)
            } else {
                for b in bytes { appendIRIByte(b, to: &out) }
            }
        }
        if done == nil {
            for b in iri.utf8 { appendIRIByte(b, to: &out) }
        }
        out.append(UInt8(ascii: ">"))
    }

    @inline(__always) private static func appendIRIByte(_ b: UInt8, to out: inout [UInt8]) {
        if ByteScanner.isForbiddenInIRI(UInt32(b)) {
            appendUCHAR(b, to: &out)
        } else {
            out.append(b)
        }
    }

    /// Appends `"lex"`, `"lex"@lang`, `"lex"@lang--dir` or `"lex"^^<datatype>`.
    public static func appendLiteral(_ literal: Literal, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(literal.lexicalForm, to: &out)
        out.append(UInt8(ascii: "\""))
        if let language = literal.language {
            out.append(UInt8(ascii: "@"))
            out.append(contentsOf: language.utf8)
            if let direction = literal.direction {
                out.append(UInt8(ascii: "-"))
                out.append(UInt8(ascii: "-"))
                out.append(contentsOf: direction.utf8)
            }
        } else if literal.datatype != Vocabulary.xsdString {
            out.append(UInt8(ascii: "^"))
            out.append(UInt8(ascii: "^"))
            appendIRI(literal.datatype, to: &out)
        }
    }

    @inline(__always) static func needsEscape(_ b: UInt8) -> Bool {
        b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F
    }

    /// Appends a string literal's content with canonical escaping.
    static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { bytes in
            var clean = true
            for b in bytes where needsEscape(b) {
                clean = false
                break
            }
            if clean {
                out.append(contentsOf: bytes)
            } else {
                for b in bytes { appendEscapedByte(b, to: &out) }
            }
        }
        if done == nil {
            for b in s.utf8 { appendEscapedByte(b, to: &out) }
        }
    }

    @inline(__always) private static func appendEscapedByte(_ b: UInt8, to out: inout [UInt8]) {
        guard needsEscape(b) else {
            out.append(b)
            return
        }
        let short: UInt8
        switch b {
        case 0x22: short = UInt8(ascii: "\"")
        case 0x5C: short = UInt8(ascii: "\\")
        case 0x0A: short = UInt8(ascii: "n")
        case 0x0D: short = UInt8(ascii: "r")
        case 0x09: short = UInt8(ascii: "t")
        case 0x08: short = UInt8(ascii: "b")
        case 0x0C: short = UInt8(ascii: "f")
        default:
            appendUCHAR(b, to: &out)
            return
        }
        out.append(UInt8(ascii: "\\"))
        out.append(short)
    }

    private static func appendUCHAR(_ b: UInt8, to out: inout [UInt8]) {
        @inline(__always) func digit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x37 + v }
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "u"))
        out.append(UInt8(ascii: "0"))
        out.append(UInt8(ascii: "0"))
        out.append(digit(b >> 4))
        out.append(digit(b & 0x0F))
    }
}
