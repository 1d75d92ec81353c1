import Testing

@testable import EspaceRDF

@Suite("N-Quads parser")
struct NQuadsParserTests {
    func parse(_ text: String) throws(RDFSyntaxError) -> [Quad] {
        try NQuadsParser().parseQuads(Array(text.utf8))
    }

    func error(_ text: String, limits: RDFParserLimits = .default) -> RDFSyntaxError? {
        do {
            _ = try NQuadsParser(limits: limits).parseQuads(Array(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test func triplesAndQuads() throws {
        let quads = try parse(
            """
            <http://a/s> <http://a/p> <http://a/o> .
            _:b0 <http://a/p> "x" <http://a/g> .
            <http://a/s> <http://a/p> _:e.1 _:g1 .

            """)
        #expect(quads.count == 3)
        #expect(
            quads[0] == Quad(subject: .iri("http://a/s"), predicate: .iri("http://a/p"), object: .iri("http://a/o")))
        #expect(quads[1].subject == .blank("b0"))
        #expect(quads[1].object == .literal(Literal("x")))
        #expect(quads[1].graph == .iri("http://a/g"))
        #expect(quads[2].object == .blank("e.1"))
        #expect(quads[2].graph == .blank("g1"))
    }

    @Test func blankLabelsKeptExactly() throws {
        let quads = try parse("_:Ab-9_x <http://a/p> _:0zz .\n_:a.b.c <http://a/p> _:c14n12.\n")
        #expect(quads[0].subject == .blank("Ab-9_x"))
        #expect(quads[0].object == .blank("0zz"))
        #expect(quads[1].subject == .blank("a.b.c"))
        // The final '.' ends the statement, not the label.
        #expect(quads[1].object == .blank("c14n12"))
    }

    @Test func literals() throws {
        let quads = try parse(
            """
            <http://a/s> <http://a/p> "chat"@fr .
            <http://a/s> <http://a/p> "hello"@en-GB .
            <http://a/s> <http://a/p> "مرحبا"@ar--rtl .
            <http://a/s> <http://a/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
            <http://a/s> <http://a/p> "tab\\there \\"q\\" \\u00E9 \\U0001F600 \\\\" .
            """)
        #expect(quads[0].object.literalValue == Literal("chat", language: "fr"))
        #expect(quads[1].object.literalValue?.language == "en-GB")
        #expect(quads[2].object.literalValue == Literal("مرحبا", language: "ar", direction: "rtl"))
        #expect(quads[2].object.literalValue?.datatype == Vocabulary.rdfDirLangString)
        #expect(quads[3].object.literalValue == Literal("1", datatype: Vocabulary.xsdInteger))
        #expect(quads[4].object.literalValue?.lexicalForm == "tab\there \"q\" é 😀 \\")
    }

    @Test func commentsWhitespaceAndLineEnds() throws {
        let quads = try parse(
            "# header\r\n  <http://a/s>\t<http://a/p> <http://a/o> . # trailing\r\n\n<http://a/s> <http://a/p> <http://a/o2> ."
        )
        #expect(quads.count == 2)
    }

    @Test func iriEscapes() throws {
        let quads = try parse("<http://a/\\u0065x> <http://a/p> <urn:\\U0001F303> .\n")
        #expect(quads[0].subject == .iri("http://a/ex"))
        #expect(quads[0].object == .iri("urn:🌃"))
    }

    @Test func u0085IsNotALineBreak() throws {
        let quads = try parse("<http://a/s> <http://a/p> \"a\u{85}b\" .\n")
        #expect(quads[0].object.literalValue?.lexicalForm == "a\u{85}b")
    }

    @Test func datasetDeduplicates() throws {
        let dataset = try NQuadsParser().parse(
            "<http://a/s> <http://a/p> <http://a/\\u0065> .\n<http://a/s> <http://a/p> <http://a/e> .\n")
        #expect(dataset.count == 1)
    }

    @Test func nTriplesRejectsGraphs() {
        #expect(throws: RDFSyntaxError.self) {
            try NQuadsParser(triplesOnly: true).parseQuads(
                Array("<http://a/s> <http://a/p> <http://a/o> <http://a/g> .".utf8))
        }
    }

    // MARK: Errors

    @Test(arguments: [
        ("<http://a/s> <http://a/p> <http://a/o>", "'.'"),
        ("<http://a/s> <http://a/p>", "object"),
        ("<http://a/s>", "predicate"),
        ("<http://a/s", "unterminated IRI"),
        ("<http://a/s> <http://a/p> \"abc", "unterminated string"),
        ("<http://a/s> <http://a/p> \"abc\n\" .", "line break in string"),
        ("<http://a/s> <http://a/p> \"a\\qb\" .", "invalid escape"),
        ("<http://a/s> <http://a/p> \"a\\u12\" .", "4 hexadecimal digits"),
        ("<http://a/s> <http://a/p> \"a\\U0011FFFF\" .", "not a Unicode scalar"),
        ("<http://a/s> <http://a/p> \"a\\uD800\" .", "not a Unicode scalar"),
        ("<http://a/s p> <http://a/p> <http://a/o> .", "not allowed in an IRI"),
        ("<http://a/<s> <http://a/p> <http://a/o> .", "not allowed in an IRI"),
        ("<http://a/\\u0020> <http://a/p> <http://a/o> .", "not allowed in an IRI"),
        ("<http://a/\\n> <http://a/p> <http://a/o> .", "only \\u and \\U"),
        ("<s> <http://a/p> <http://a/o> .", "relative IRI"),
        ("\"lit\" <http://a/p> <http://a/o> .", "subject"),
        ("<http://a/s> _:p <http://a/o> .", "predicate"),
        ("<http://a/s> <http://a/p> \"x\"@ .", "language tag"),
        ("<http://a/s> <http://a/p> \"x\"@en--up .", "base direction"),
        ("<http://a/s> <http://a/p> \"x\"^<http://a/d> .", "'^^'"),
        ("<http://a/s> <http://a/p> \"x\"^^\"y\" .", "datatype IRI"),
        ("_: <http://a/p> <http://a/o> .", "blank node label"),
        ("<http://a/s> <http://a/p> <http://a/o> . <http://a/s> <http://a/p> <http://a/o> .", "end of line"),
        ("<http://a/s> <http://a/p> <http://a/o> <http://a/g> <http://a/x> .", "'.'"),
    ])
    func rejects(_ input: String, _ fragment: String) {
        let e = error(input)
        #expect(e != nil, "accepted: \(input)")
        #expect(e?.message.contains(fragment) == true, "\(e?.description ?? "") should mention \(fragment)")
    }

    @Test func errorPosition() {
        let e = error("<http://a/s> <http://a/p> <http://a/o> .\n<http://a/s> <http://a/p> \"x\" <bad iri> .")
        #expect(e?.line == 2)
        #expect(e?.column == 35)
        #expect(e?.description.hasPrefix("line 2, column 35: ") == true)
    }

    @Test func columnsCountCharacters() {
        let e = error("<http://a/é> <http://a/p> <http://a/o> ?")
        #expect(e?.line == 1)
        #expect(e?.column == 40)
    }

    @Test func invalidUTF8() {
        for bytes: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            let input = Array("<http://a/s> <http://a/p> \"".utf8) + bytes + Array("\" .\n".utf8)
            do {
                _ = try NQuadsParser().parseQuads(input)
                Issue.record("accepted invalid UTF-8 \(bytes)")
            } catch {
                #expect(error.message.contains("UTF-8"))
                #expect(error.offset == 27)
            }
        }
    }

    @Test func limits() {
        var limits = RDFParserLimits.default
        limits.maxInputBytes = 10
        #expect(error("<http://a/s> <http://a/p> <http://a/o> .", limits: limits)?.message.contains("limit") == true)
        limits = .default
        limits.maxLineLength = 60
        let long = "<http://a/s> <http://a/p> \"" + String(repeating: "x", count: 100) + "\" .\n"
        #expect(error(long, limits: limits)?.message.contains("line is longer") == true)
        #expect(error("<http://a/s> <http://a/p> <http://a/o> .", limits: limits) == nil)
    }

    @Test func emptyInputs() throws {
        #expect(try parse("").isEmpty)
        #expect(try parse("\n\n# only a comment").isEmpty)
    }
}

@Suite("Term equality")
struct TermEqualityTests {
    @Test func codePointsNotCanonicalEquivalence() throws {
        let composed = Term.literal(Literal("\u{E9}"))
        let decomposed = Term.literal(Literal("e\u{301}"))
        #expect(composed != decomposed)
        #expect(Term.iri("http://a/\u{E9}") != Term.iri("http://a/e\u{301}"))
        #expect(Term.iri("http://a/\u{E9}") == Term.iri("http://a/" + "\u{E9}"))
        let dataset = try NQuadsParser().parse(
            "<http://s> <http://p> \"\u{E9}\" .\n<http://s> <http://p> \"e\u{301}\" .\n")
        #expect(dataset.count == 2)
        #expect(Set([composed, decomposed, composed]).count == 2)
        #expect(Literal("x", language: "en") != Literal("x", language: "en", direction: "ltr"))
        #expect(Term.iri("x") != Term.blank("x"))
    }
}
