/// A parser for W3C Turtle and TriG (RDF 1.1 grammars, plus RDF 1.2 directional language
/// tags): `@prefix`/`@base` and SPARQL-style `PREFIX`/`BASE`, relative IRI resolution
/// (RFC 3986), prefixed names with escapes, `a`, collections, blank node property lists,
/// numeric and boolean literals, long strings, and in TriG graphs `{ }` and `GRAPH`.
///
/// Nesting of `[ ]` and `( )` is bounded by `limits.maxNestingDepth`, so deep input yields an
/// error rather than exhausting the stack. Blank node labels from the document are kept;
/// anonymous blank nodes get fresh labels that do not clash with them.
public struct TurtleParser: Sendable {
    /// The concrete syntax.
    public enum Syntax: Sendable, Equatable {
        case turtle
        case trig
    }

    public var syntax: Syntax
    /// The base IRI for relative IRIs until an `@base` / `BASE` directive changes it.
    public var baseIRI: String?
    public var limits: RDFParserLimits

    public init(syntax: Syntax = .turtle, baseIRI: String? = nil, limits: RDFParserLimits = .default) {
        self.syntax = syntax
        self.baseIRI = baseIRI
        self.limits = limits
    }

    /// Parses a document into a dataset.
    public func parse(_ text: String) throws(RDFSyntaxError) -> Dataset {
        Dataset(try parseQuads(Array(text.utf8)))
    }

    /// Parses a document given as UTF-8 bytes into a dataset.
    public func parse(_ bytes: some Collection<UInt8>) throws(RDFSyntaxError) -> Dataset {
        Dataset(try parseQuads(bytes))
    }

    /// Parses a document and returns its statements in the order they were read.
    public func parseQuads(_ bytes: some Collection<UInt8>) throws(RDFSyntaxError) -> [Quad] {
        let result: Result<[Quad], RDFSyntaxError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(RDFSyntaxError) in try parseQuads(buffer) }
        }
        if let result { return try result.get() }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { buffer in
            Result { () throws(RDFSyntaxError) in try parseQuads(buffer) }
        }.get()
    }

    /// Parses a buffer of UTF-8 bytes and returns its statements in the order they were read.
    public func parseQuads(_ buffer: UnsafeBufferPointer<UInt8>) throws(RDFSyntaxError) -> [Quad] {
        var reader = TurtleReader(buffer, trig: syntax == .trig, base: baseIRI, maxDepth: limits.maxNestingDepth)
        guard buffer.count <= limits.maxInputBytes else {
            throw reader.s.error(
                "input is \(buffer.count) bytes, over the limit of \(limits.maxInputBytes) bytes", at: 0)
        }
        if let bad = UTF8Validator.firstInvalidOffset(buffer) {
            throw reader.s.error("invalid UTF-8 byte sequence", at: bad)
        }
        try reader.parseDocument()
        return reader.finish()
    }
}

/// The mutable state of one Turtle / TriG parse.
struct TurtleReader {
    var s: ByteScanner
    let trig: Bool
    let maxDepth: Int
    var base: String?
    var prefixes: [String: String] = [:]
    var graph: Term?
    var inGraphBlock = false
    var depth = 0
    var quads: [Quad] = []
    var userLabels: Set<String> = []
    var generated = 0

    /// Labels of anonymous blank nodes start with this character, which no document label
    /// can hold, until `finish()` gives them their final labels.
    static let placeholder: Character = "\u{1}"

    init(_ bytes: UnsafeBufferPointer<UInt8>, trig: Bool, base: String?, maxDepth: Int) {
        self.s = ByteScanner(bytes)
        self.trig = trig
        self.base = base
        self.maxDepth = maxDepth
    }

    // MARK: Output

    @inline(__always) mutating func emit(_ subject: Term, _ predicate: Term, _ object: Term) {
        quads.append(Quad(subject: subject, predicate: predicate, object: object, graph: graph))
    }

    mutating func freshBlank() -> Term {
        defer { generated += 1 }
        return .blank(String(Self.placeholder) + String(generated))
    }

    /// The statements, with anonymous blank nodes labelled `b0`, `b1`, … skipping labels the
    /// document uses.
    mutating func finish() -> [Quad] {
        guard generated > 0 else { return quads }
        var names: [String] = []
        names.reserveCapacity(generated)
        var k = 0
        while names.count < generated {
            let name = "b\(k)"
            if !userLabels.contains(name) { names.append(name) }
            k += 1
        }
        func fix(_ t: Term) -> Term {
            guard case .blank(let label) = t, label.first == Self.placeholder, let n = Int(label.dropFirst()),
                n < names.count
            else { return t }
            return .blank(names[n])
        }
        return quads.map { q in
            Quad(subject: fix(q.subject), predicate: q.predicate, object: fix(q.object), graph: q.graph.map(fix))
        }
    }

    // MARK: Lexical helpers

    mutating func skipWS() {
        while s.pos < s.bytes.count {
            let b = s.bytes[s.pos]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                s.pos += 1
            } else if b == UInt8(ascii: "#") {
                while s.pos < s.bytes.count && s.bytes[s.pos] != 0x0A && s.bytes[s.pos] != 0x0D { s.pos += 1 }
            } else {
                return
            }
        }
    }

    mutating func expect(_ b: UInt8, _ what: String) throws(RDFSyntaxError) {
        guard !s.atEnd && s.current == b else { throw s.unexpected(expected: what) }
        s.pos += 1
    }

    /// Whether the bytes at the current position spell `word` (ASCII; case-insensitively
    /// unless `exactCase`) followed by a character that cannot continue a name.
    func atKeyword(_ word: StaticString, exactCase: Bool = false) -> Bool {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        let fold: UInt8 = exactCase ? 0 : 0x20
        for i in 0..<n where (s.byte(at: s.pos + i) | fold) != (w[i] | fold) { return false }
        guard let (next, _) = s.scalar(at: s.pos + n) else { return true }
        return !(ByteScanner.isPNChars(next) || next == 0x3A || next == 0x2E)
    }

    func resolve(_ raw: String) -> String {
        guard let base, !IRI.hasScheme(raw) else { return raw }
        return IRI.resolve(raw, against: base)
    }

    mutating func readIRI() throws(RDFSyntaxError) -> String {
        resolve(try s.readIRIRef())
    }

    // MARK: Statements

    mutating func parseDocument() throws(RDFSyntaxError) {
        while true {
            skipWS()
            if s.atEnd { return }
            try parseStatement()
        }
    }

    mutating func parseStatement() throws(RDFSyntaxError) {
        let c = s.current
        if c == UInt8(ascii: "@") {
            if atKeyword("@prefix", exactCase: true) {
                s.pos += 7
                try parsePrefixBody()
                skipWS()
                try expect(UInt8(ascii: "."), "'.' after the @prefix directive")
            } else if atKeyword("@base", exactCase: true) {
                s.pos += 5
                try parseBaseBody()
                skipWS()
                try expect(UInt8(ascii: "."), "'.' after the @base directive")
            } else {
                throw s.error("unknown directive; expected '@prefix' or '@base'")
            }
            return
        }
        if atKeyword("PREFIX") {
            s.pos += 6
            try parsePrefixBody()
            return
        }
        if atKeyword("BASE") {
            s.pos += 4
            try parseBaseBody()
            return
        }
        if trig {
            if atKeyword("GRAPH") {
                s.pos += 5
                skipWS()
                let label: Term
                switch s.current {
                case UInt8(ascii: "["):
                    let (term, anon) = try parseBracket()
                    guard anon else {
                        throw s.error("a graph label must be an IRI or a blank node, not a blank node property list")
                    }
                    label = term
                case UInt8(ascii: "<"), UInt8(ascii: "_"), UInt8(ascii: ":"):
                    label = try parseIRIOrLabel(expected: "a graph label (IRI or blank node) after GRAPH")
                default:
                    if s.atEnd || ByteScanner.isPNCharsBase(s.scalar(at: s.pos)?.0 ?? 0) {
                        label = try parseIRIOrLabel(expected: "a graph label (IRI or blank node) after GRAPH")
                    } else {
                        throw s.unexpected(expected: "a graph label (IRI or blank node) after GRAPH")
                    }
                }
                skipWS()
                try parseWrappedGraph(label)
                return
            }
            if c == UInt8(ascii: "{") {
                try parseWrappedGraph(nil)
                return
            }
        }
        if try parseTriples(allowGraph: trig) { return }
        skipWS()
        try expect(UInt8(ascii: "."), "'.' to end the statement")
    }

    mutating func parsePrefixBody() throws(RDFSyntaxError) {
        skipWS()
        let start = s.pos
        var prefix = ""
        if s.current != UInt8(ascii: ":") {
            guard let (first, _) = s.scalar(at: s.pos), ByteScanner.isPNCharsBase(first) else {
                throw s.unexpected(expected: "a prefix name ending in ':'")
            }
            prefix = readNameRun()
        }
        guard s.current == UInt8(ascii: ":") else { throw s.unexpected(expected: "':' after the prefix name") }
        if prefix.hasSuffix(".") { throw s.error("a prefix name cannot end with '.'", at: start) }
        s.pos += 1
        skipWS()
        guard s.current == UInt8(ascii: "<") else { throw s.unexpected(expected: "'<' to start the namespace IRI") }
        prefixes[prefix] = try readIRI()
    }

    mutating func parseBaseBody() throws(RDFSyntaxError) {
        skipWS()
        guard s.current == UInt8(ascii: "<") else { throw s.unexpected(expected: "'<' to start the base IRI") }
        base = try readIRI()
    }

    mutating func parseWrappedGraph(_ label: Term?) throws(RDFSyntaxError) {
        try expect(UInt8(ascii: "{"), "'{' to start a graph")
        let saved = graph
        graph = label
        inGraphBlock = true
        defer {
            graph = saved
            inGraphBlock = false
        }
        while true {
            skipWS()
            if s.current == UInt8(ascii: "}") {
                s.pos += 1
                return
            }
            if s.atEnd { throw s.unexpected(expected: "'}' to end the graph") }
            _ = try parseTriples(allowGraph: false)
            skipWS()
            if s.current == UInt8(ascii: ".") {
                s.pos += 1
                continue
            }
            guard s.current == UInt8(ascii: "}") else { throw s.unexpected(expected: "'.' or '}' after the triples") }
        }
    }

    /// Parses `subject predicateObjectList` (or a bare blank node property list). When
    /// `allowGraph` and a graph label is followed by `{`, parses the graph instead and returns
    /// `true`; the caller then expects no `.`.
    mutating func parseTriples(allowGraph: Bool) throws(RDFSyntaxError) -> Bool {
        let subject: Term
        var canLabelGraph = false
        var listOptional = false
        switch s.current {
        case UInt8(ascii: "["):
            let (term, anon) = try parseBracket()
            subject = term
            canLabelGraph = anon
            listOptional = !anon
        case UInt8(ascii: "("):
            subject = try parseCollection()
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            throw s.unexpected(
                expected: "a subject (IRI, prefixed name, blank node or collection); a literal cannot be a subject")
        default:
            subject = try parseIRIOrLabel(expected: "a subject (IRI, prefixed name, blank node or collection)")
            canLabelGraph = true
        }
        skipWS()
        if allowGraph && canLabelGraph && s.current == UInt8(ascii: "{") {
            try parseWrappedGraph(subject)
            return true
        }
        if listOptional && (s.current == UInt8(ascii: ".") || (inGraphBlock && s.current == UInt8(ascii: "}"))) {
            return false
        }
        try parsePredicateObjectList(subject)
        return false
    }

    mutating func parsePredicateObjectList(_ subject: Term) throws(RDFSyntaxError) {
        while true {
            let predicate = try parseVerb()
            while true {
                skipWS()
                let object = try parseObject()
                emit(subject, predicate, object)
                skipWS()
                guard s.current == UInt8(ascii: ",") else { break }
                s.pos += 1
            }
            guard s.current == UInt8(ascii: ";") else { return }
            while s.current == UInt8(ascii: ";") {
                s.pos += 1
                skipWS()
            }
            switch s.current {
            case UInt8(ascii: "."), UInt8(ascii: "]"), UInt8(ascii: "}"): return
            default: if s.atEnd { return }
            }
        }
    }

    mutating func parseVerb() throws(RDFSyntaxError) -> Term {
        skipWS()
        if s.current == UInt8(ascii: "a") && atKeyword("a", exactCase: true) {
            s.pos += 1
            return .iri(Vocabulary.rdfType)
        }
        switch s.current {
        case UInt8(ascii: "<"): return .iri(try readIRI())
        case UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: "\""), UInt8(ascii: "'"):
            throw s.unexpected(expected: "a predicate (IRI, prefixed name or 'a')")
        default:
            let term = try parseIRIOrLabel(expected: "a predicate (IRI, prefixed name or 'a')")
            guard term.isIRI else { throw s.error("a predicate must be an IRI") }
            return term
        }
    }

    // MARK: Terms

    mutating func parseObject() throws(RDFSyntaxError) -> Term {
        switch s.current {
        case UInt8(ascii: "<"):
            return .iri(try readIRI())
        case UInt8(ascii: "["):
            return try parseBracket().term
        case UInt8(ascii: "("):
            return try parseCollection()
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            if s.atEnd { break }
            return .literal(try parseStringLiteral())
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .literal(try parseNumber())
        default:
            if atKeyword("true", exactCase: true) {
                s.pos += 4
                return .literal(Literal("true", datatype: Vocabulary.xsdBoolean))
            }
            if atKeyword("false", exactCase: true) {
                s.pos += 5
                return .literal(Literal("false", datatype: Vocabulary.xsdBoolean))
            }
        }
        return try parseIRIOrLabel(expected: "an object (IRI, prefixed name, blank node, collection or literal)")
    }

    /// `[ ]` (a fresh blank node) or `[ predicateObjectList ]`, at `[`.
    mutating func parseBracket() throws(RDFSyntaxError) -> (term: Term, anonymous: Bool) {
        let open = s.pos
        s.pos += 1
        skipWS()
        let node = freshBlank()
        if s.current == UInt8(ascii: "]") {
            s.pos += 1
            return (node, true)
        }
        depth += 1
        guard depth <= maxDepth else {
            throw s.error("nesting is deeper than the limit of \(maxDepth)", at: open)
        }
        try parsePredicateObjectList(node)
        skipWS()
        try expect(UInt8(ascii: "]"), "']' to end the blank node property list")
        depth -= 1
        return (node, false)
    }

    /// `( object* )`, at `(`: `rdf:nil` or the head of a new RDF list.
    mutating func parseCollection() throws(RDFSyntaxError) -> Term {
        let open = s.pos
        s.pos += 1
        depth += 1
        guard depth <= maxDepth else {
            throw s.error("nesting is deeper than the limit of \(maxDepth)", at: open)
        }
        var head: Term?
        var previous: Term?
        let first = Term.iri(Vocabulary.rdfFirst)
        let rest = Term.iri(Vocabulary.rdfRest)
        while true {
            skipWS()
            if s.current == UInt8(ascii: ")") {
                s.pos += 1
                break
            }
            if s.atEnd || (s.current == UInt8(ascii: ".") && !ByteScanner.isDigit(s.byte(at: s.pos + 1))) {
                throw s.unexpected(expected: "')' to end the collection")
            }
            let node = freshBlank()
            if let previous { emit(previous, rest, node) } else { head = node }
            let item = try parseObject()
            emit(node, first, item)
            previous = node
        }
        depth -= 1
        let nilList = Term.iri(Vocabulary.rdfNil)
        if let previous { emit(previous, rest, nilList) }
        return head ?? nilList
    }

    /// An IRI reference, a prefixed name or a blank node label.
    mutating func parseIRIOrLabel(expected: String) throws(RDFSyntaxError) -> Term {
        let c = s.current
        if c == UInt8(ascii: "<") { return .iri(try readIRI()) }
        if c == UInt8(ascii: "_") && s.byte(at: s.pos + 1) == UInt8(ascii: ":") {
            let label = try s.readBlankNodeLabel()
            userLabels.insert(label)
            return .blank(label)
        }
        let start = s.pos
        var prefix = ""
        if c != UInt8(ascii: ":") {
            guard let (first, _) = s.scalar(at: s.pos), ByteScanner.isPNCharsBase(first) else {
                throw s.unexpected(expected: expected)
            }
            prefix = readNameRun()
            guard s.current == UInt8(ascii: ":") else {
                throw s.error("unexpected '\(prefix)'; expected \(expected)", at: start)
            }
        }
        s.pos += 1
        guard let namespace = prefixes[prefix] else {
            throw s.error("undefined prefix '\(prefix):'", at: start)
        }
        return .iri(namespace + (try readLocalName()))
    }

    /// PN_CHARS / '.' run for a prefix name (a trailing '.' is left unread).
    mutating func readNameRun() -> String {
        let start = s.pos
        while let (c, length) = s.scalar(at: s.pos) {
            if ByteScanner.isPNChars(c) {
                s.pos += length
            } else if c == 0x2E {
                var j = s.pos
                while s.byte(at: j) == UInt8(ascii: ".") { j += 1 }
                guard let (next, _) = s.scalar(at: j), ByteScanner.isPNChars(next) else { break }
                s.pos = j
            } else {
                break
            }
        }
        return s.string(from: start, to: s.pos)
    }

    /// Whether a local name can continue with the character at `i`.
    func localContinues(at i: Int) -> Bool {
        guard let (c, _) = s.scalar(at: i) else { return false }
        return ByteScanner.isPNChars(c) || c == 0x3A || c == 0x25 || c == 0x5C
    }

    /// PN_LOCAL after the ':' of a prefixed name, with `\` escapes removed (`%XX` kept).
    mutating func readLocalName() throws(RDFSyntaxError) -> String {
        var out: [UInt8] = []
        var first = true
        while let (c, length) = s.scalar(at: s.pos) {
            if ByteScanner.isPNChars(c) {
                if first && (c == 0x2D || c == 0xB7 || (0x0300...0x036F).contains(c) || (0x203F...0x2040).contains(c)) {
                    throw s.error("a local name cannot start with \(s.describeCurrent())")
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: s.bytes[s.pos..<(s.pos + length)]))
                s.pos += length
            } else if c == 0x3A {
                out.append(0x3A)
                s.pos += 1
            } else if c == 0x25 {
                guard ByteScanner.hexValue(s.byte(at: s.pos + 1)) != nil,
                    ByteScanner.hexValue(s.byte(at: s.pos + 2)) != nil
                else {
                    throw s.error("invalid percent escape in local name; expected '%' and two hexadecimal digits")
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: s.bytes[s.pos..<(s.pos + 3)]))
                s.pos += 3
            } else if c == 0x5C {
                let e = s.byte(at: s.pos + 1)
                switch e {
                case UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "!"),
                    UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
                    UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
                    UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "%"):
                    out.append(e)
                    s.pos += 2
                default:
                    throw s.error("invalid escape in local name; expected '\\' followed by one of _~.-!$&'()*+,;=/?#@%")
                }
            } else if c == 0x2E && !first {
                var j = s.pos
                while s.byte(at: j) == UInt8(ascii: ".") { j += 1 }
                guard localContinues(at: j) else { break }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: s.bytes[s.pos..<j]))
                s.pos = j
            } else {
                break
            }
            first = false
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A quoted string with an optional language tag or datatype, at the opening quote.
    mutating func parseStringLiteral() throws(RDFSyntaxError) -> Literal {
        let q = s.current
        let long = s.byte(at: s.pos + 1) == q && s.byte(at: s.pos + 2) == q
        let lexical = try s.readQuotedString(quote: q, long: long)
        switch s.current {
        case UInt8(ascii: "@"):
            let (language, direction) = try s.readLanguageTag()
            return Literal(lexical, language: language, direction: direction)
        case UInt8(ascii: "^"):
            guard s.byte(at: s.pos + 1) == UInt8(ascii: "^") else {
                s.pos += 1
                throw s.unexpected(expected: "'^^' before a datatype")
            }
            s.pos += 2
            let datatype = try parseIRIOrLabel(expected: "a datatype IRI after '^^'")
            guard case .iri(let iri) = datatype else { throw s.error("a datatype must be an IRI") }
            return Literal(lexical, datatype: iri)
        default:
            return Literal(lexical)
        }
    }

    /// INTEGER, DECIMAL or DOUBLE, keeping the lexical form.
    mutating func parseNumber() throws(RDFSyntaxError) -> Literal {
        let start = s.pos
        if s.current == UInt8(ascii: "+") || s.current == UInt8(ascii: "-") { s.pos += 1 }
        let intStart = s.pos
        while ByteScanner.isDigit(s.current) { s.pos += 1 }
        let intDigits = s.pos - intStart
        var fraction = false
        var exponent = false
        func exponentAt(_ i: Int) -> Bool {
            guard s.byte(at: i) | 0x20 == UInt8(ascii: "e") else { return false }
            let sign = s.byte(at: i + 1)
            return ByteScanner.isDigit(sign)
                || ((sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-")) && ByteScanner.isDigit(s.byte(at: i + 2)))
        }
        if s.current == UInt8(ascii: ".") {
            if ByteScanner.isDigit(s.byte(at: s.pos + 1)) {
                s.pos += 1
                while ByteScanner.isDigit(s.current) { s.pos += 1 }
                fraction = true
            } else if intDigits > 0 && exponentAt(s.pos + 1) {
                s.pos += 1
                fraction = true
            }
        }
        if (intDigits > 0 || fraction) && s.current | 0x20 == UInt8(ascii: "e") {
            guard exponentAt(s.pos) else { throw s.unexpected(expected: "digits in the exponent") }
            s.pos += 1
            if s.current == UInt8(ascii: "+") || s.current == UInt8(ascii: "-") { s.pos += 1 }
            while ByteScanner.isDigit(s.current) { s.pos += 1 }
            exponent = true
        }
        guard intDigits > 0 || fraction else {
            s.pos = start
            throw s.unexpected(expected: "a number or another object")
        }
        let lexical = s.string(from: start, to: s.pos)
        let datatype = exponent ? Vocabulary.xsdDouble : fraction ? Vocabulary.xsd + "decimal" : Vocabulary.xsdInteger
        return Literal(lexical, datatype: datatype)
    }
}
