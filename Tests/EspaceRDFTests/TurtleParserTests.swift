import Testing

@testable import EspaceRDF

@Suite("Turtle and TriG parser")
struct TurtleParserTests {
    let ex = "http://example.org/"

    func turtle(_ text: String, base: String? = "http://example.org/base/doc") throws(RDFSyntaxError) -> [Quad] {
        try TurtleParser(syntax: .turtle, baseIRI: base).parseQuads(Array(text.utf8))
    }

    func trig(_ text: String) throws(RDFSyntaxError) -> [Quad] {
        try TurtleParser(syntax: .trig, baseIRI: "http://example.org/base/doc").parseQuads(Array(text.utf8))
    }

    func nquads(_ text: String) throws -> Dataset {
        try NQuadsParser().parse(text)
    }

    func turtleError(_ text: String, limits: RDFParserLimits = .default, syntax: TurtleParser.Syntax = .turtle)
        -> RDFSyntaxError?
    {
        do {
            _ = try TurtleParser(syntax: syntax, limits: limits).parseQuads(Array(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test func prefixesBaseAndA() throws {
        let quads = try turtle(
            """
            @prefix ex: <http://example.org/> .
            PREFIX e2: <http://example.org/two#>
            @base <http://example.org/dir/> .
            <s> a ex:Thing ; e2:p <../o>, <#frag> .
            BASE <http://other.example/x/y>
            <z> ex:p ex: .
            """)
        #expect(quads.count == 4)
        #expect(
            quads[0]
                == Quad(
                    subject: .iri("http://example.org/dir/s"), predicate: .iri(Vocabulary.rdfType),
                    object: .iri("http://example.org/Thing")))
        #expect(quads[1].predicate == .iri("http://example.org/two#p"))
        #expect(quads[1].object == .iri("http://example.org/o"))
        #expect(quads[2].object == .iri("http://example.org/dir/#frag"))
        #expect(quads[3].subject == .iri("http://other.example/x/z"))
        #expect(quads[3].object == .iri("http://example.org/"))
    }

    @Test func relativeIRIsUseTheDocumentBase() throws {
        let quads = try turtle("<a> <b> <?q> .")
        #expect(quads[0].subject == .iri("http://example.org/base/a"))
        #expect(quads[0].object == .iri("http://example.org/base/doc?q"))
    }

    @Test func prefixedNamesWithEscapes() throws {
        let quads = try turtle(
            """
            @prefix : <http://example.org/> .
            :a\\~b :c.d :e%20f .
            :g :h :i.j.k.
            :x :y :123 , :_z.
            """)
        #expect(quads[0].subject == .iri(ex + "a~b"))
        #expect(quads[0].predicate == .iri(ex + "c.d"))
        #expect(quads[0].object == .iri(ex + "e%20f"))
        #expect(quads[1].object == .iri(ex + "i.j.k"))
        #expect(quads[2].object == .iri(ex + "123"))
        #expect(quads[3].object == .iri(ex + "_z"))
    }

    @Test func literals() throws {
        let quads = try turtle(
            """
            @prefix : <http://example.org/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            :s :p "plain", 'single', \"\"\"long "quoted" \n line\"\"\", '''long 'single' ''',
                "tagged"@en-US, "dir"@he--rtl, "typed"^^xsd:date, "t2"^^<http://example.org/dt>,
                42, -7, +3.14, .5, 1e10, 1.5E-3, true, false, "esc\\t\\u00E9\\U0001F600" .
            """)
        let objects = quads.compactMap { $0.object.literalValue }
        let xsd = Vocabulary.xsd
        #expect(objects[0] == Literal("plain"))
        #expect(objects[1] == Literal("single"))
        #expect(objects[2] == Literal("long \"quoted\" \n line"))
        #expect(objects[3] == Literal("long 'single' "))
        #expect(objects[4] == Literal("tagged", language: "en-US"))
        #expect(objects[5] == Literal("dir", language: "he", direction: "rtl"))
        #expect(objects[6] == Literal("typed", datatype: xsd + "date"))
        #expect(objects[7] == Literal("t2", datatype: "http://example.org/dt"))
        #expect(objects[8] == Literal("42", datatype: xsd + "integer"))
        #expect(objects[9] == Literal("-7", datatype: xsd + "integer"))
        #expect(objects[10] == Literal("+3.14", datatype: xsd + "decimal"))
        #expect(objects[11] == Literal(".5", datatype: xsd + "decimal"))
        #expect(objects[12] == Literal("1e10", datatype: xsd + "double"))
        #expect(objects[13] == Literal("1.5E-3", datatype: xsd + "double"))
        #expect(objects[14] == Literal("true", datatype: xsd + "boolean"))
        #expect(objects[15] == Literal("false", datatype: xsd + "boolean"))
        #expect(objects[16] == Literal("esc\té😀"))
    }

    @Test func emptyStringsAndLongStringEdges() throws {
        let quads = try turtle(#"<s> <p> "", '', """a""b""", '''x''y''' ."#)
        let values = quads.compactMap { $0.object.literalValue?.lexicalForm }
        #expect(values == ["", "", "a\"\"b", "x''y"])
    }

    @Test func blankNodesAndPropertyLists() throws {
        let quads = try turtle(
            """
            @prefix : <http://example.org/> .
            _:b0 :p [ :q "x" ; :r [ :s :t ] ] .
            [ :only :this ] .
            [] :p _:b0 .
            """)
        let expected = try nquads(
            """
            _:b0 <http://example.org/p> _:x1 .
            _:x1 <http://example.org/q> "x" .
            _:x1 <http://example.org/r> _:x2 .
            _:x2 <http://example.org/s> <http://example.org/t> .
            _:x3 <http://example.org/only> <http://example.org/this> .
            _:x4 <http://example.org/p> _:b0 .
            """)
        #expect(Dataset(quads).isIsomorphic(to: expected))
        // Anonymous nodes never reuse a label the document uses.
        let labels = Set(quads.flatMap { [$0.subject.blankLabel, $0.object.blankLabel].compactMap { $0 } })
        #expect(labels.count == 5)
        #expect(labels.allSatisfy { !$0.hasPrefix("\u{1}") })
    }

    @Test func collections() throws {
        let quads = try turtle(
            """
            @prefix : <http://example.org/> .
            :s :list (1 "two" (:three)) ; :empty () .
            (:a :b) :p :o .
            """)
        let expected = try nquads(
            """
            <http://example.org/s> <http://example.org/list> _:l1 .
            _:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
            _:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:l2 .
            _:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "two" .
            _:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:l3 .
            _:l3 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> _:m1 .
            _:l3 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
            _:m1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <http://example.org/three> .
            _:m1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
            <http://example.org/s> <http://example.org/empty> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
            _:n1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <http://example.org/a> .
            _:n1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:n2 .
            _:n2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <http://example.org/b> .
            _:n2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
            _:n1 <http://example.org/p> <http://example.org/o> .
            """)
        #expect(Dataset(quads).isIsomorphic(to: expected))
    }

    @Test func trigGraphs() throws {
        let quads = try trig(
            """
            @prefix : <http://example.org/> .
            :a :b :c .
            { :d :e :f }
            :g1 { :s :p :o . :s :p :o2 . }
            GRAPH :g2 { :s :p [ :q :r ] }
            _:g3 { :s :p :o }
            [] { :s :p :o3 . }
            graph <http://example.org/g4> { }
            """)
        #expect(quads.count == 8)
        #expect(quads[0].graph == nil)
        #expect(quads[1].graph == nil)
        #expect(quads[2].graph == .iri(ex + "g1"))
        #expect(quads[3].graph == .iri(ex + "g1"))
        #expect(quads[4].graph == .iri(ex + "g2"))
        #expect(quads[5].graph == .iri(ex + "g2"))
        #expect(quads[6].graph == .blank("g3"))
        #expect(quads[7].graph?.isBlank == true)
    }

    @Test func commentsEverywhere() throws {
        let quads = try turtle("# c\n<s> # c\n <p> # c\n <o> # c\n . # c")
        #expect(quads.count == 1)
    }

    // MARK: Errors

    @Test(arguments: [
        ("<s> <p> <o>", "'.'"),
        ("<s> <p>", "object"),
        ("<s> <p> \"abc", "unterminated string"),
        ("<s> <p> '''abc", "unterminated string"),
        ("<s> <p> \"a\\qb\" .", "invalid escape"),
        ("<s> <p> \"\\u00G0\" .", "hexadecimal"),
        ("<s> <p> <o o> .", "not allowed in an IRI"),
        ("<s> <p> <o", "unterminated IRI"),
        ("ex:s <p> <o> .", "undefined prefix"),
        ("@prefix ex <http://e/> .", "':'"),
        ("@prefix ex: <http://e/>", "'.'"),
        ("@keywords a .", "unknown directive"),
        ("@PREFIX ex: <http://e/> .", "unknown directive"),
        ("<s> <p> TRUE .", "unexpected 'TRUE'"),
        ("\"lit\" <p> <o> .", "subject"),
        ("<s> \"lit\" <o> .", "predicate"),
        ("<s> <p> [ <q> <r> .", "']'"),
        ("<s> <p> ( <a> <b> .", "')'"),
        ("<s> <p> 1e .", "exponent"),
        ("<s> <p> - .", "number"),
        ("@prefix : <http://e/> . :s :p :a%2 .", "percent"),
        ("@prefix : <http://e/> . :s :p :a\\q .", "local name"),
        ("<s> <p> \"x\"@ .", "language tag"),
        ("<s> <p> \"x\"^^\"y\" .", "datatype"),
        ("<g> { <s> <p> <o> }", "predicate"),
        ("[ <p> <o> ] <q>", "object"),
    ])
    func rejects(_ input: String, _ fragment: String) {
        let e = turtleError(input)
        #expect(e != nil, "accepted: \(input)")
        #expect(e?.message.contains(fragment) == true, "\(e?.description ?? "") should mention \(fragment)")
    }

    @Test(arguments: [
        ("{ <s> <p> <o> ", "'}'"),
        ("<g> { <s> <p> <o> . @prefix a: <http://x/> . }", "subject"),
        ("GRAPH [ <p> <o> ] { }", "graph label"),
        ("[ <p> <o> ] { <s> <p> <o> }", "predicate"),
    ])
    func trigRejects(_ input: String, _ fragment: String) {
        let e = turtleError(input, syntax: .trig)
        #expect(e != nil, "accepted: \(input)")
        #expect(e?.message.contains(fragment) == true, "\(e?.description ?? "") should mention \(fragment)")
    }

    @Test func errorPosition() {
        let e = turtleError("@prefix : <http://e/> .\n:s :p\n  :o ;\n  :q \"bad\\z\" .")
        #expect(e?.line == 4)
        #expect(e?.column == 10)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        for open in ["[ <p> ", "("] {
            let depth = 100_000
            let input = "<s> <p> " + String(repeating: open, count: depth)
            let e = turtleError(input)
            #expect(
                e?.message.contains("nesting is deeper than the limit of 256") == true, "\(e?.description ?? "nil")")
        }
        // Within the limit, nesting works.
        let ok =
            "<s> <p> " + String(repeating: "[ <p> ", count: 200) + "<o> " + String(repeating: "] ", count: 200) + "."
        #expect(turtleError(ok) == nil)
        var limits = RDFParserLimits.default
        limits.maxNestingDepth = 3
        #expect(turtleError("<s> <p> ((((1)))) .", limits: limits) != nil)
        #expect(turtleError("<s> <p> (((1))) .", limits: limits) == nil)
    }

    @Test func invalidUTF8() {
        let bytes = Array("<s> <p> \"".utf8) + [0xC3, 0x28] + Array("\" .".utf8)
        do {
            _ = try TurtleParser().parseQuads(bytes)
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.message.contains("UTF-8"))
            #expect(error.offset == 9)
        }
    }

    @Test func truncatedDocumentsFailCleanly() {
        let document = """
            @prefix : <http://example.org/> .
            :s :p "long \\u00E9 string", ( 1 2.5 [ :q 'x'@en ] ) ; :r \"\"\"multi
            line\"\"\" .
            GRAPH :g { :a :b :c }
            """
        let bytes = Array(document.utf8)
        for n in 0..<bytes.count {
            for syntax in [TurtleParser.Syntax.turtle, .trig] {
                _ = try? TurtleParser(syntax: syntax).parseQuads(Array(bytes[0..<n]))
            }
        }
    }
}
