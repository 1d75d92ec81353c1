import EspaceRDF
import Testing

@Suite("N-Quads serializer (canonical form)")
struct NQuadsSerializerTests {
    @Test func terms() {
        #expect(NQuadsSerializer.string(.iri("http://a/b")) == "<http://a/b>")
        #expect(NQuadsSerializer.string(.blank("x1")) == "_:x1")
        #expect(NQuadsSerializer.string(.literal(Literal("v"))) == "\"v\"")
        #expect(NQuadsSerializer.string(.literal(Literal("v", language: "en"))) == "\"v\"@en")
        #expect(NQuadsSerializer.string(.literal(Literal("v", language: "ar", direction: "rtl"))) == "\"v\"@ar--rtl")
        #expect(
            NQuadsSerializer.string(.literal(Literal("1", datatype: Vocabulary.xsdInteger)))
                == "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>")
        #expect(NQuadsSerializer.string(.literal(Literal("s", datatype: Vocabulary.xsdString))) == "\"s\"")
    }

    @Test func canonicalEscapes() {
        let all = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }) + "\"\\\u{7F}\u{85}é😀"
        let expected =
            "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000B\\f\\r\\u000E\\u000F"
            + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001A\\u001B\\u001C\\u001D\\u001E\\u001F"
            + "\\\"\\\\\\u007F\u{85}é😀\""
        #expect(NQuadsSerializer.string(.literal(Literal(all))) == expected)
    }

    @Test func iriCharactersThatCannotBeWrittenRawAreEscaped() {
        #expect(NQuadsSerializer.string(.iri("http://a/b c>")) == "<http://a/b\\u0020c\\u003E>")
    }

    @Test func lines() {
        let q = Quad(
            subject: .blank("a"), predicate: .iri("http://p"), object: .literal(Literal("x")), graph: .iri("http://g"))
        #expect(NQuadsSerializer.line(q) == "_:a <http://p> \"x\" <http://g> .\n")
        let t = Quad(subject: .iri("http://s"), predicate: .iri("http://p"), object: .blank("o"))
        #expect(
            NQuadsSerializer.serialize([q, t]) == "_:a <http://p> \"x\" <http://g> .\n<http://s> <http://p> _:o .\n")
    }

    @Test func roundTrip() throws {
        let text = """
            <http://a/s> <http://a/p> "tab\\t nl\\n quote\\" bs\\\\ ctl\\u0001 del\\u007F é" <http://a/g> .
            _:b <http://a/p> "x"@en--ltr .
            _:b <http://a/p> "1"^^<http://a/dt> _:g .

            """
        let quads = try NQuadsParser().parseQuads(Array(text.utf8))
        #expect(NQuadsSerializer.serialize(quads) == text)
    }
}
