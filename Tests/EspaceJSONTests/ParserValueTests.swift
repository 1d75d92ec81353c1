import Testing

@testable import EspaceJSON

/// Every JSON construct parses to the value it denotes.
@Suite("Parser: values")
struct ParserValueTests {
    let parser = JSONParser()

    @Test func literals() throws {
        #expect(try parser.parse("null") == .null)
        #expect(try parser.parse("true") == .bool(true))
        #expect(try parser.parse("false") == .bool(false))
        #expect(try parser.parse(" \t\r\n true \n") == .bool(true))
    }

    @Test(arguments: [
        ("0", 0.0), ("-0", -0.0), ("12", 12), ("-3", -3), ("1.5", 1.5), ("1.50", 1.5),
        ("-3.5e+2", -350), ("1E-2", 0.01), ("1e2", 100), ("0.000001", 0.000001),
        ("123456789012345678901234567890", 1.2345678901234568e29),
        ("1e-400", 0), ("-1e-400", -0.0),
    ])
    func numbersKeepTheirLexeme(text: String, value: Double) throws {
        let number = try #require(try parser.parse(text).numberValue)
        #expect(number.lexeme == text)
        #expect(number.doubleValue == value)
        #expect(number.doubleValue.sign == value.sign)
    }

    @Test func hugeNumbersAreKeptAsLexemes() throws {
        let value = try parser.parse("[1e400, -1E+400, 123456789e999]")
        let numbers = try #require(value.arrayValue).compactMap(\.numberValue)
        #expect(numbers.map(\.lexeme) == ["1e400", "-1E+400", "123456789e999"])
        #expect(numbers[0].doubleValue == .infinity)
        #expect(numbers[1].doubleValue == -.infinity)
        #expect(value.jsonText == "[1e400,-1E+400,123456789e999]")
        #expect(throws: JSONSerializationError.nonFiniteNumber("1e400")) {
            try JSONCanonicalization.canonicalize(value)
        }
    }

    @Test func numberAccessors() throws {
        let twelve = try #require(try parser.parse("12").numberValue)
        #expect(twelve.isIntegerLexeme && twelve.isIntegral && twelve.intValue == 12)
        let twelvePointZero = try #require(try parser.parse("1.2e1").numberValue)
        #expect(!twelvePointZero.isIntegerLexeme && twelvePointZero.isIntegral && twelvePointZero.intValue == 12)
        let half = try #require(try parser.parse("0.5").numberValue)
        #expect(!half.isIntegral && half.intValue == nil)
        let huge = try #require(try parser.parse("1e300").numberValue)
        #expect(huge.isIntegral && huge.intValue == nil)
        #expect(try parser.parse("1e400").numberValue?.isIntegral == false)
    }

    @Test(arguments: [
        (#""""#, ""),
        (#""plain ascii""#, "plain ascii"),
        (#""\" \\ \/ \b \f \n \r \t""#, "\" \\ / \u{8} \u{C} \n \r \t"),
        (#""\u0041\u00e9\u20AC""#, "Aé€"),
        (#""\ud83d\ude02""#, "😂"),
        (#""\uD834\uDD1E clef""#, "𝄞 clef"),
        (#""\u0000""#, "\u{0}"),
        ("\"é€😂\"", "é€😂"),
        ("\"\u{7F}\"", "\u{7F}"),
        (#""mixed é \n and raw 😂""#, "mixed é \n and raw 😂"),
    ])
    func strings(text: String, expected: String) throws {
        let string = try #require(try parser.parse(text).stringValue)
        #expect(Array(string.utf8) == Array(expected.utf8))
    }

    @Test func combiningSequencesAreNotNormalized() throws {
        let string = try #require(try parser.parse(#""A\u030a""#).stringValue)
        #expect(string.unicodeScalars.map(\.value) == [0x41, 0x30A])
    }

    @Test func arrays() throws {
        #expect(try parser.parse("[]") == .array([]))
        #expect(try parser.parse("[ ]") == .array([]))
        #expect(try parser.parse("[1, \"a\", null, true, [], {}]") == [1, "a", nil, true, [], [:]])
        #expect(try parser.parse("[[[[1]]], [2]]") == [[[[1]]], [2]])
        #expect(try parser.parse(" [\n\t1 ,\r\n2 ] ") == [1, 2])
    }

    @Test func objectsKeepDocumentOrder() throws {
        let value = try parser.parse(#"{"z": 1, "a": {"y": [], "b": {}}, "m": null}"#)
        let object = try #require(value.objectValue)
        #expect(Array(object.keys) == ["z", "a", "m"])
        #expect(value["a"]?.objectValue.map { Array($0.keys) } == ["y", "b"])
        #expect(value["m"] == .null)
        #expect(value["missing"] == nil)
        #expect(try parser.parse("{}") == .object([:]))
        #expect(try parser.parse("{ \n }") == .object([:]))
        #expect(try parser.parse(#"{"":"empty key"}"#)[""] == "empty key")
        #expect(try parser.parse(#"{"a\nb":1}"#)["a\nb"] == 1)
    }

    @Test func topLevelScalars() throws {
        #expect(try parser.parse("42") == 42)
        #expect(try parser.parse(#" "x" "#) == "x")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        #expect(try parser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == [1])
    }

    @Test func inputKinds() throws {
        let text = #"{"a":[1,2,{"b":"c"}]}"#
        let expected: JSONValue = ["a": [1, 2, ["b": "c"]]]
        #expect(try parser.parse(text) == expected)
        #expect(try parser.parse(Array(text.utf8)) == expected)
        #expect(try parser.parse(Array(text.utf8)[...]) == expected)
        // A collection without contiguous storage is copied first.
        #expect(try parser.parse(text.utf8.lazy.map { $0 }) == expected)
        let bytes = Array(text.utf8)
        let fromBuffer = try bytes.withUnsafeBufferPointer { buffer in try parser.parse(buffer) }
        #expect(fromBuffer == expected)
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let depth = JSONLimits.default.maxDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try parser.parse(text)
        var levels = 0
        while case .array(let inner) = value {
            levels += 1
            value = inner.first ?? .null
        }
        #expect(levels == depth)
        let objects = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
        #expect(try parser.parse(objects).isObject)
    }

    @Test func accessors() throws {
        let value = try parser.parse(#"{"s":"x","n":1,"b":false,"a":[1],"o":{},"z":null}"#)
        #expect(value["s"]?.stringValue == "x" && value["s"]?.isString == true)
        #expect(value["n"]?.numberValue?.intValue == 1)
        #expect(value["b"]?.boolValue == false)
        #expect(value["a"]?.arrayValue == [1] && value["a"]?.isArray == true)
        #expect(value["o"]?.isObject == true)
        #expect(value["z"]?.isNull == true)
        #expect(value["s"]?.isScalar == true && value["z"]?.isScalar == false && value["a"]?.isScalar == false)
        #expect(value["s"]?.asArray == ["x"] && value["a"]?.asArray == [1])
        #expect(
            ["null", "boolean", "number", "string", "array", "object"]
                == [JSONValue.null, false, 1, "", [], [:]].map(\.typeName))
        #expect(JSONValue.string("x")["k"] == nil)
    }
}
