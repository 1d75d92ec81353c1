/// A byte-level parser for W3C N-Quads and N-Triples (RDF 1.1, plus RDF 1.2 directional
/// language tags `"x"@en--ltr`).
///
/// Blank node labels are kept exactly as written. IRIs must be absolute. Lines end at `\n` or
/// `\r`; error positions count lines at `\n` only. Input must be valid UTF-8.
public struct NQuadsParser: Sendable {
    public var limits: RDFParserLimits
    /// When `true`, a graph label is an error (N-Triples).
    public var triplesOnly: Bool
    /// When `true`, blank nodes may stand as predicates (generalized RDF, which JSON-LD's
    /// `produceGeneralizedRdf` produces).
    public var allowsGeneralizedRDF: Bool

    public init(limits: RDFParserLimits = .default, triplesOnly: Bool = false, allowsGeneralizedRDF: Bool = false) {
        self.limits = limits
        self.triplesOnly = triplesOnly
        self.allowsGeneralizedRDF = allowsGeneralizedRDF
    }

    /// Parses a document into a dataset (duplicate statements collapse).
    public func parse(_ text: String) throws(RDFSyntaxError) -> Dataset {
        var dataset = Dataset()
        try parse(text) { dataset.insert($0) }
        return dataset
    }

    /// Parses a document given as UTF-8 bytes into a dataset.
    public func parse(_ bytes: some Collection<UInt8>) throws(RDFSyntaxError) -> Dataset {
        var dataset = Dataset()
        try parse(bytes) { dataset.insert($0) }
        return dataset
    }

    /// Parses a document and returns its statements in document order, duplicates included.
    public func parseQuads(_ bytes: some Collection<UInt8>) throws(RDFSyntaxError) -> [Quad] {
        var quads: [Quad] = []
        try parse(bytes) { quads.append($0) }
        return quads
    }

    /// Parses a document, calling `handler` with each statement in document order.
    public func parse(_ text: String, handler: (Quad) -> Void) throws(RDFSyntaxError) {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(RDFSyntaxError) in try parse(buffer, handler: handler) }
        }
        try result.get()
    }

    /// Parses a document given as UTF-8 bytes, calling `handler` with each statement.
    public func parse(_ bytes: some Collection<UInt8>, handler: (Quad) -> Void) throws(RDFSyntaxError) {
        let result: Result<Void, RDFSyntaxError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(RDFSyntaxError) in try parse(buffer, handler: handler) }
        }
        if let result { return try result.get() }
        let copy = Array(bytes)
        try copy.withUnsafeBufferPointer { buffer in
            Result { () throws(RDFSyntaxError) in try parse(buffer, handler: handler) }
        }.get()
    }

    /// Parses a buffer of UTF-8 bytes, calling `handler` with each statement.
    public func parse(_ buffer: UnsafeBufferPointer<UInt8>, handler: (Quad) -> Void) throws(RDFSyntaxError) {
        var scanner = ByteScanner(buffer)
        guard buffer.count <= limits.maxInputBytes else {
            throw scanner.error("input is \(buffer.count) bytes, over the limit of \(limits.maxInputBytes) bytes", at: 0)
        }
        if let bad = UTF8Validator.firstInvalidOffset(buffer) {
            throw scanner.error("invalid UTF-8 byte sequence", at: bad)
        }
        var lineStart = 0
        while true {
            skipSpaces(&scanner)
            if scanner.atEnd { return }
            let b = scanner.bytes[scanner.pos]
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                scanner.pos += 1
                lineStart = scanner.pos
                continue
            }
            if b == UInt8(ascii: "#") {
                skipComment(&scanner)
                try checkLine(scanner, lineStart)
                continue
            }
            let subject: Term
            switch b {
            case UInt8(ascii: "<"): subject = .iri(try readIRI(&scanner))
            case UInt8(ascii: "_") where scanner.byte(at: scanner.pos + 1) == UInt8(ascii: ":"):
                subject = .blank(try scanner.readBlankNodeLabel())
            default: throw scanner.unexpected(expected: "'<' or '_:' to start a subject")
            }
            try checkLine(scanner, lineStart)
            skipSpaces(&scanner)
            let predicate: Term
            if allowsGeneralizedRDF && scanner.current == UInt8(ascii: "_")
                && scanner.byte(at: scanner.pos + 1) == UInt8(ascii: ":")
            {
                predicate = .blank(try scanner.readBlankNodeLabel())
            } else {
                guard scanner.current == UInt8(ascii: "<") else {
                    throw scanner.unexpected(expected: "'<' to start a predicate IRI")
                }
                predicate = .iri(try readIRI(&scanner))
            }
            try checkLine(scanner, lineStart)
            skipSpaces(&scanner)
            let object: Term
            switch scanner.current {
            case UInt8(ascii: "<"): object = .iri(try readIRI(&scanner))
            case UInt8(ascii: "_") where scanner.byte(at: scanner.pos + 1) == UInt8(ascii: ":"):
                object = .blank(try scanner.readBlankNodeLabel())
            case UInt8(ascii: "\"") where !scanner.atEnd:
                object = .literal(try readLiteral(&scanner))
            default: throw scanner.unexpected(expected: "'<', '_:' or '\"' to start an object")
            }
            try checkLine(scanner, lineStart)
            skipSpaces(&scanner)
            var graph: Term?
            switch scanner.current {
            case UInt8(ascii: "<") where !triplesOnly: graph = .iri(try readIRI(&scanner))
            case UInt8(ascii: "_") where !triplesOnly && scanner.byte(at: scanner.pos + 1) == UInt8(ascii: ":"):
                graph = .blank(try scanner.readBlankNodeLabel())
            default: break
            }
            if graph != nil {
                try checkLine(scanner, lineStart)
                skipSpaces(&scanner)
            }
            guard scanner.current == UInt8(ascii: ".") else {
                throw scanner.unexpected(expected: graph == nil && !triplesOnly ? "a graph label or '.' to end the statement" : "'.' to end the statement")
            }
            scanner.pos += 1
            skipSpaces(&scanner)
            if scanner.current == UInt8(ascii: "#") { skipComment(&scanner) }
            try checkLine(scanner, lineStart)
            guard scanner.atEnd || scanner.current == UInt8(ascii: "\n") || scanner.current == UInt8(ascii: "\r") else {
                throw scanner.unexpected(expected: "end of line after '.'")
            }
            handler(Quad(subject: subject, predicate: predicate, object: object, graph: graph))
        }
    }

    @inline(__always) private func skipSpaces(_ s: inout ByteScanner) {
        while s.pos < s.bytes.count {
            let b = s.bytes[s.pos]
            guard b == 0x20 || b == 0x09 else { return }
            s.pos += 1
        }
    }

    private func skipComment(_ s: inout ByteScanner) {
        while s.pos < s.bytes.count {
            let b = s.bytes[s.pos]
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { return }
            s.pos += 1
        }
    }

    @inline(__always) private func checkLine(_ s: ByteScanner, _ lineStart: Int) throws(RDFSyntaxError) {
        if s.pos - lineStart > limits.maxLineLength {
            throw s.error("line is longer than the limit of \(limits.maxLineLength) bytes", at: lineStart)
        }
    }

    private func readIRI(_ s: inout ByteScanner) throws(RDFSyntaxError) -> String {
        let start = s.pos
        let iri = try s.readIRIRef()
        guard IRI.hasScheme(iri) else {
            throw s.error("relative IRI <\(iri)> is not allowed; expected an absolute IRI", at: start)
        }
        return iri
    }

    private func readLiteral(_ s: inout ByteScanner) throws(RDFSyntaxError) -> Literal {
        let lexical = try s.readQuotedString(quote: UInt8(ascii: "\""), long: false)
        switch s.current {
        case UInt8(ascii: "@"):
            let (language, direction) = try s.readLanguageTag()
            return Literal(lexical, language: language, direction: direction)
        case UInt8(ascii: "^"):
            guard s.byte(at: s.pos + 1) == UInt8(ascii: "^") else {
                s.pos += 1
                throw s.unexpected(expected: "'^^' before a datatype IRI")
            }
            s.pos += 2
            guard s.current == UInt8(ascii: "<") else { throw s.unexpected(expected: "'<' to start a datatype IRI") }
            return Literal(lexical, datatype: try readIRI(&s))
        default:
            return Literal(lexical)
        }
    }
}
