import EspaceTestSupport
import Testing

@testable import EspaceJSON

/// Writing values back as text, and the round trip through the parser.
@Suite("Serializer")
struct SerializerTests {
    static let documents = [
        "null", "true", "false", "0", "-0", "1.50", "-3.5E+2", "1e400", "123456789012345678901234567890",
        #""""#, #""a\"b\\c/d""#, #""\u0000\u001f\b\t\n\f\r""#, "\"\u{7F}é€😂\"",
        "[]", "{}", "[[],{},[[]]]", #"{"z":1,"a":[true,false,null],"m":{"":""}}"#,
        #"[{"@context":"https://www.w3.org/ns/credentials/v2","id":"urn:x","n":[1,2.5,-1e-7]}]"#,
    ]

    @Test(arguments: documents)
    func compactTextRoundTripsExactly(text: String) throws {
        let value = try JSONParser().parse(text)
        let written = try JSONSerializer().serialize(value)
        #expect(written == text)
        #expect(try JSONParser().parse(written) == value)
        #expect(try JSONSerializer().serializeBytes(value) == Array(text.utf8))
    }

    @Test(arguments: documents)
    func prettyAndSortedOutputParsesToTheSameValue(text: String) throws {
        let value = try JSONParser().parse(text)
        for options in [
            JSONSerializer.Options(pretty: true), JSONSerializer.Options(sortKeys: true),
            JSONSerializer.Options(pretty: true, sortKeys: true),
        ] {
            let written = try JSONSerializer(options: options).serialize(value)
            #expect(try JSONParser().parse(written) == value)
        }
    }

    @Test func whitespaceAndEscapesAreNormalized() throws {
        let value = try JSONParser().parse(#" { "a" : [ 1 , "\u0041\/\u00e9" ] } "#)
        #expect(value.jsonText == #"{"a":[1,"A/é"]}"#)
    }

    @Test func prettyLayout() throws {
        let value = try JSONParser().parse(#"{"b":[1,{"c":null}],"a":{},"e":[]}"#)
        let pretty = try JSONSerializer(options: .init(pretty: true)).serialize(value)
        #expect(
            pretty == """
                {
                  "b": [
                    1,
                    {
                      "c": null
                    }
                  ],
                  "a": {},
                  "e": []
                }
                """)
    }

    @Test func sortKeysUsesUTF16CodeUnits() throws {
        // U+FB33 sorts after U+1F602 by code point, but before it by UTF-16 code unit
        // (0xD83D < 0xFB33), which is the order RFC 8785 prescribes.
        let value: JSONValue = ["\u{FB33}": 1, "😂": 2, "a": 3, "B": 4, "": 5]
        let sorted = try JSONSerializer(options: .init(sortKeys: true)).serialize(value)
        #expect(sorted == "{\"\":5,\"B\":4,\"a\":3,\"😂\":2,\"\u{FB33}\":1}")
    }

    @Test func stringEscaping() {
        var out: [UInt8] = []
        JSONSerializer.writeString(
            "\u{0}\u{1}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1F}\u{20}\"\\/\u{7F}\u{80}é\u{2028}", into: &out)
        let expected = #""\u0000\u0001\b\t\n\u000b\f\r\u001f \"\\/"# + "\u{7F}\u{80}é\u{2028}\""
        #expect(String(decoding: out, as: UTF8.self) == expected)
    }

    @Test func numbersFromDoubles() throws {
        let cases: [(Double, String)] = [
            (1.0, "1"), (-0.0, "0"), (0.1, "0.1"), (1e21, "1e+21"), (1e15, "1000000000000000"),
            (123456789012345.0, "123456789012345"), (-2.5, "-2.5"), (1e-7, "1e-7"),
            (9_007_199_254_740_994, "9007199254740994"),
        ]
        for (double, lexeme) in cases {
            #expect(JSONNumber(double).lexeme == lexeme)
            #expect(JSONNumber(double).hasValidLexeme)
            #expect(JSONValue.number(JSONNumber(double)).jsonText == lexeme)
        }
        #expect(JSONNumber(42).lexeme == "42" && JSONNumber(-7).doubleValue == -7)
    }

    @Test func nonFiniteNumbersAreRejected() throws {
        for double in [Double.nan, .infinity, -.infinity] {
            let value = JSONValue.number(JSONNumber(double))
            #expect(throws: JSONSerializationError.self) { try JSONSerializer().serialize(value) }
            #expect(throws: JSONSerializationError.self) { try JSONCanonicalization.canonicalize(value) }
            #expect(!JSONNumber(double).hasValidLexeme)
        }
        let huge = try JSONParser().parse("[1e400]")
        #expect(try JSONSerializer().serialize(huge) == "[1e400]")
        #expect(throws: JSONSerializationError.nonFiniteNumber("1e400")) {
            try JSONSerializer(options: .init(ecmaScriptNumbers: true)).serialize(huge)
        }
        #expect(
            JSONSerializationError.nonFiniteNumber("1e400").description
                == "number 1e400 has no finite IEEE 754 double value")
    }

    @Test func ecmaScriptNumberOption() throws {
        let value = try JSONParser().parse("[1.50, 1E30, 2e-3, -0, 100, 0.1e1]")
        let written = try JSONSerializer(options: .init(ecmaScriptNumbers: true)).serialize(value)
        #expect(written == "[1.5,1e+30,0.002,0,100,1]")
    }

    @Test func literalsBuildValues() {
        let value: JSONValue = ["a": [1, 2.5, "x", true, nil], "b": [:]]
        #expect(value.jsonText == #"{"a":[1,2.5,"x",true,null],"b":{}}"#)
    }
}

/// The UTF-16 order JCS sorts keys by, computed on UTF-8 bytes.
@Suite("UTF-16 key order")
struct UTF16OrderTests {
    static let samples: [String] = [
        "", "a", "b", "A", "aa", "ab", "\u{7F}", "\u{80}", "é", "ö", "\u{7FF}", "\u{800}", "€", "\u{D7FF}",
        "\u{E000}", "\u{FB33}", "\u{FFFD}", "\u{FFFF}", "😂", "\u{10000}", "\u{10FFFF}", "a😂", "a\u{FB33}",
        "😂a", "\u{FB33}a", "</script>", "\n", "\r", "1", "10", "\u{E000}\u{10000}", "\u{10000}\u{E000}",
    ]

    @Test func agreesWithUTF16CodeUnitsOnEveryPair() {
        for a in Self.samples {
            for b in Self.samples {
                #expect(
                    UTF16Order.precedes(a, b) == a.utf16.lexicographicallyPrecedes(b.utf16),
                    "\(a.debugDescription) vs \(b.debugDescription)")
            }
        }
    }

    @Test func agreesOnGeneratedStrings() {
        var random = SplitMix64(seed: "utf16-order")
        let scalars: [Unicode.Scalar] = [
            "a", "z", "\u{7F}", "\u{80}", "\u{FF}", "\u{800}", "\u{D7FF}", "\u{E000}",
            "\u{FFFF}", "\u{10000}", "\u{1F602}", "\u{10FFFF}",
        ]
        func string() -> String {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                s.append(scalars[Int.random(in: 0..<scalars.count, using: &random)])
            }
            return String(s)
        }
        for _ in 0..<5_000 {
            let (a, b) = (string(), string())
            #expect(UTF16Order.precedes(a, b) == a.utf16.lexicographicallyPrecedes(b.utf16))
        }
    }
}
