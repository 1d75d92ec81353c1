import Testing

@testable import EspaceJSON

/// Equality follows the JSON data model, not the text.
@Suite("Equality")
struct EqualityTests {
    private func value(_ text: String) throws -> JSONValue { try JSONParser().parse(text) }

    private func expectEqual(_ a: String, _ b: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (x, y) = (try value(a), try value(b))
        #expect(x == y, sourceLocation: sourceLocation)
        #expect(x.hashValue == y.hashValue, "equal values hash alike", sourceLocation: sourceLocation)
    }

    private func expectUnequal(_ a: String, _ b: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try value(a) != value(b), sourceLocation: sourceLocation)
    }

    @Test func objectMemberOrderIsIgnored() throws {
        try expectEqual(#"{"a":1,"b":[1,{"c":2,"d":3}]}"#, #"{"b":[1,{"d":3,"c":2}],"a":1}"#)
        try expectUnequal(#"{"a":1,"b":2}"#, #"{"a":1}"#)
        try expectUnequal(#"{"a":1}"#, #"{"a":1,"b":2}"#)
        try expectUnequal(#"{"a":1}"#, #"{"b":1}"#)
        try expectUnequal(#"{"a":1}"#, #"{"a":2}"#)
    }

    @Test func arrayOrderMatters() throws {
        try expectUnequal("[1,2]", "[2,1]")
        try expectUnequal("[1]", "[1,1]")
        try expectEqual("[]", " [ ] ")
    }

    @Test func numbersCompareByValue() throws {
        try expectEqual("1", "1.0")
        try expectEqual("1", "1e0")
        try expectEqual("1", "10e-1")
        try expectEqual("100", "1E2")
        try expectEqual("0", "-0")
        try expectEqual("0.5", "5e-1")
        try expectEqual("[1,{\"a\":2.50}]", "[1.0,{\"a\":2.5}]")
        try expectUnequal("1", "2")
        try expectUnequal("0.1", "0.2")
        #expect(JSONValue.number(JSONNumber(1.0)) == 1)
        let set: Set<JSONValue> = [1, 1.0, try value("1e0"), 2]
        #expect(set.count == 2)
    }

    @Test func numbersBeyondTheDoubleRangeCompareExactly() throws {
        try expectEqual("1e400", "10E399")
        try expectEqual("1e400", "1.000e+400")
        try expectEqual("1e400", "0.1e401")
        try expectEqual("-25e399", "-2.5e400")
        try expectUnequal("1e400", "2e400")
        try expectUnequal("1e400", "-1e400")
        try expectUnequal("1e400", "1")
        try expectUnequal("1e400", "1e401")
        #expect(JSONValue.number(JSONNumber(.infinity)) != (try value("1e400")))
        #expect(JSONNumber(.infinity) == JSONNumber(.infinity))
        #expect(JSONNumber(.nan) == JSONNumber(.nan))
        #expect(JSONNumber(.nan) != JSONNumber(1))
    }

    @Test func exactDecimalNormalForm() throws {
        let a = try #require(JSONExactDecimal(lexeme: "-12.3400e-2"))
        #expect(a.negative && a.digits == Array("1234".utf8) && a.exponent == 0)
        #expect(JSONExactDecimal(lexeme: "0.000e5") == JSONExactDecimal(lexeme: "-0"))
        #expect(JSONExactDecimal(lexeme: "1e99999999999999999999")?.overflowingLexeme != nil)
        for invalid in ["", "-", "01", "1.", ".1", "1e", "1e+", "+1", "inf", "nan", "1x", "0x1"] {
            #expect(JSONExactDecimal(lexeme: invalid) == nil, "\(invalid)")
        }
    }

    @Test func typesNeverCompareEqual() throws {
        try expectUnequal("null", "false")
        try expectUnequal("0", "false")
        try expectUnequal("\"1\"", "1")
        try expectUnequal("[]", "{}")
        try expectUnequal("\"\"", "null")
        try expectUnequal("[null]", "[]")
    }

    @Test func stringsCompareByCodePoints() throws {
        // No Unicode normalization: "Å" (U+00C5) and "A" + U+030A are different strings.
        try expectUnequal(#""\u00c5""#, #""A\u030a""#)
        try expectEqual(#""\u00c5""#, "\"\u{C5}\"")
        try expectEqual(#""\ud83d\ude02""#, "\"😂\"")
    }

    @Test func hashIsIndependentOfMemberOrder() throws {
        var set = Set<JSONValue>()
        set.insert(try value(#"{"a":1,"b":2,"c":3}"#))
        set.insert(try value(#"{"c":3,"a":1,"b":2}"#))
        set.insert(try value(#"{"b":2.0,"c":3,"a":1e0}"#))
        #expect(set.count == 1)
    }
}
