import Testing

@testable import EspaceJSON

/// One malformed input, the error it must raise, and where.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    let input: [UInt8]
    let reason: JSONParseError.Reason
    let line: Int
    let column: Int

    init(_ input: String, _ reason: JSONParseError.Reason, _ line: Int, _ column: Int) {
        self.init(bytes: Array(input.utf8), reason, line, column)
    }

    init(bytes: [UInt8], _ reason: JSONParseError.Reason, _ line: Int, _ column: Int) {
        self.input = bytes
        self.reason = reason
        self.line = line
        self.column = column
    }

    var testDescription: String { String(decoding: input, as: UTF8.self).debugDescription }
}

/// Every way the parser rejects input, with the line and column it reports.
@Suite("Parser: errors")
struct ParserErrorTests {
    static let malformed: [ErrorCase] = [
        ErrorCase("", .unexpectedEnd(expected: "a value"), 1, 1),
        ErrorCase("   ", .unexpectedEnd(expected: "a value"), 1, 4),
        ErrorCase("+1", .unexpectedCharacter(found: "'+'", expected: "a value"), 1, 1),
        ErrorCase(".5", .unexpectedCharacter(found: "'.'", expected: "a value"), 1, 1),
        ErrorCase("NaN", .unexpectedCharacter(found: "'N'", expected: "a value"), 1, 1),
        ErrorCase("[Infinity]", .unexpectedCharacter(found: "'I'", expected: "a value"), 1, 2),
        ErrorCase("'a'", .unexpectedCharacter(found: "'''", expected: "a value"), 1, 1),
        ErrorCase("[1,]", .unexpectedCharacter(found: "']'", expected: "a value"), 1, 4),
        ErrorCase("[,1]", .unexpectedCharacter(found: "','", expected: "a value"), 1, 2),
        ErrorCase("[1 2]", .unexpectedCharacter(found: "'2'", expected: "',' or ']'"), 1, 4),
        ErrorCase("[1}", .unexpectedCharacter(found: "'}'", expected: "',' or ']'"), 1, 3),
        ErrorCase(#"{"a":1,}"#, .unexpectedCharacter(found: "'}'", expected: "a string key"), 1, 8),
        ErrorCase("{a:1}", .unexpectedCharacter(found: "'a'", expected: "a string key"), 1, 2),
        ErrorCase("{1:1}", .unexpectedCharacter(found: "'1'", expected: "a string key"), 1, 2),
        ErrorCase(#"{"a" 1}"#, .unexpectedCharacter(found: "'1'", expected: "':' after object key"), 1, 6),
        ErrorCase(#"{"a":1 "b":2}"#, .unexpectedCharacter(found: "'\"'", expected: "',' or '}'"), 1, 8),
        ErrorCase(#"{"a":1]"#, .unexpectedCharacter(found: "']'", expected: "',' or '}'"), 1, 7),
        ErrorCase("trux", .unexpectedCharacter(found: "'x'", expected: "'true'"), 1, 4),
        ErrorCase("[nil]", .unexpectedCharacter(found: "'i'", expected: "'null'"), 1, 3),
        ErrorCase("False", .unexpectedCharacter(found: "'F'", expected: "a value"), 1, 1),
        ErrorCase("01", .invalidNumber("leading zero"), 1, 2),
        ErrorCase("-01", .invalidNumber("leading zero"), 1, 3),
        ErrorCase("-a", .invalidNumber("expected a digit"), 1, 2),
        ErrorCase("1.e5", .invalidNumber("expected a digit after '.'"), 1, 3),
        ErrorCase("1e+x", .invalidNumber("expected a digit in the exponent"), 1, 4),
        ErrorCase("[1.]", .invalidNumber("expected a digit after '.'"), 1, 4),
        ErrorCase("0x10", .trailingContent, 1, 2),
        ErrorCase("1 2", .trailingContent, 1, 3),
        ErrorCase("{} x", .trailingContent, 1, 4),
        ErrorCase("[1]]", .trailingContent, 1, 4),
        ErrorCase(#""a\qb""#, .invalidEscape("\\'q'"), 1, 3),
        ErrorCase(#""\x41""#, .invalidEscape("\\'x'"), 1, 2),
        ErrorCase(#""\u12G4""#, .invalidEscape("\\u needs four hex digits"), 1, 2),
        ErrorCase(#""\U0041""#, .invalidEscape("\\'U'"), 1, 2),
        ErrorCase(#""\ud800""#, .unpairedSurrogate, 1, 2),
        ErrorCase(#""x\udc00""#, .unpairedSurrogate, 1, 3),
        ErrorCase(#""\ud800\u0041""#, .unpairedSurrogate, 1, 2),
        ErrorCase(#""\ud800\ud800""#, .unpairedSurrogate, 1, 2),
        ErrorCase(#""\ude02\ud83d""#, .unpairedSurrogate, 1, 2),
        ErrorCase(#""\ud800 ""#, .unpairedSurrogate, 1, 2),
        ErrorCase("\"a\tb\"", .controlCharacterInString, 1, 3),
        ErrorCase("\"a\nb\"", .controlCharacterInString, 1, 3),
        ErrorCase("\"\u{0}\"", .controlCharacterInString, 1, 2),
        ErrorCase("\"\u{1F}\"", .controlCharacterInString, 1, 2),
        ErrorCase("\"\\n\u{1}\"", .controlCharacterInString, 1, 4),
        ErrorCase("{\"k\u{1}\":1}", .controlCharacterInString, 1, 4),
        ErrorCase(#"{"a":1,"a":2}"#, .duplicateKey("a"), 1, 8),
        ErrorCase(#"{"a":{"b":1,"c":2,"b":[1,2,3]}}"#, .duplicateKey("b"), 1, 19),
        ErrorCase("{\"\\u0061\":1,\"a\":2}", .duplicateKey("a"), 1, 13),
        // Columns count bytes; lines count line feeds (a CR is not a line break on its own).
        ErrorCase("\"é\" x", .trailingContent, 1, 6),
        ErrorCase(
            "{\n  \"a\": 1,\n  \"b\": tru\n}", .unexpectedCharacter(found: "byte 0xA", expected: "'true'"), 3, 11),
        ErrorCase("[1,\r\n  x]", .unexpectedCharacter(found: "'x'", expected: "a value"), 2, 3),
        ErrorCase("[1,\r  x]", .unexpectedCharacter(found: "'x'", expected: "a value"), 1, 7),
        ErrorCase("{\n\"a\": 1,\n\"a\": 2\n}", .duplicateKey("a"), 3, 1),
        ErrorCase("[\n\n\n     @]", .unexpectedCharacter(found: "'@'", expected: "a value"), 4, 6),
    ]

    static let truncated: [ErrorCase] = [
        ErrorCase("[", .unexpectedEnd(expected: "a value"), 1, 2),
        ErrorCase("[1", .unexpectedEnd(expected: "',' or ']'"), 1, 3),
        ErrorCase("[1,", .unexpectedEnd(expected: "a value"), 1, 4),
        ErrorCase("[1,2 ", .unexpectedEnd(expected: "',' or ']'"), 1, 6),
        ErrorCase("{", .unexpectedEnd(expected: "a string key"), 1, 2),
        ErrorCase(#"{"a""#, .unexpectedEnd(expected: "':' after object key"), 1, 5),
        ErrorCase(#"{"a":"#, .unexpectedEnd(expected: "a value"), 1, 6),
        ErrorCase(#"{"a":1"#, .unexpectedEnd(expected: "',' or '}'"), 1, 7),
        ErrorCase(#"{"a":1,"#, .unexpectedEnd(expected: "a string key"), 1, 8),
        ErrorCase("tru", .unexpectedEnd(expected: "'true'"), 1, 4),
        ErrorCase("[fals", .unexpectedEnd(expected: "'false'"), 1, 6),
        ErrorCase("n", .unexpectedEnd(expected: "'null'"), 1, 2),
        ErrorCase("-", .unexpectedEnd(expected: "a digit"), 1, 2),
        ErrorCase("1.", .unexpectedEnd(expected: "a digit"), 1, 3),
        ErrorCase("1e", .unexpectedEnd(expected: "a digit"), 1, 3),
        ErrorCase("1e-", .unexpectedEnd(expected: "a digit"), 1, 4),
        ErrorCase("\"abc", .unexpectedEnd(expected: "'\"' closing the string"), 1, 5),
        ErrorCase("\"a\\n", .unexpectedEnd(expected: "'\"' closing the string"), 1, 5),
        ErrorCase("\"\\", .unexpectedEnd(expected: "an escape character"), 1, 3),
        ErrorCase("\"\\u12", .unexpectedEnd(expected: "four hex digits after \\u"), 1, 6),
        ErrorCase("[\n1,\n2,\n", .unexpectedEnd(expected: "a value"), 4, 1),
    ]

    static let invalidUTF8: [ErrorCase] = [
        ErrorCase(bytes: [0x22, 0x61, 0x62, 0xFF, 0x22], .invalidUTF8, 1, 4),
        ErrorCase(bytes: [0x22, 0xC0, 0xAF, 0x22], .invalidUTF8, 1, 2),  // overlong '/'
        ErrorCase(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], .invalidUTF8, 1, 2),  // encoded surrogate
        ErrorCase(bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], .invalidUTF8, 1, 2),  // above U+10FFFF
        ErrorCase(bytes: [0x22, 0x78, 0xE2, 0x82, 0x22], .invalidUTF8, 1, 3),  // truncated sequence
        ErrorCase(bytes: [0x22, 0x80, 0x22], .invalidUTF8, 1, 2),  // lone continuation byte
        ErrorCase(bytes: [0x22, 0x5C, 0x6E, 0xC3, 0x28, 0x22], .invalidUTF8, 1, 4),  // after an escape
        ErrorCase(bytes: Array("{\"ok\":\"é\",\n\"".utf8) + [0xC3] + Array("\":1}".utf8), .invalidUTF8, 2, 2),
        ErrorCase(bytes: [0x5B, 0xFF, 0x5D], .unexpectedCharacter(found: "byte 0xFF", expected: "a value"), 1, 2),
        ErrorCase(bytes: [0xEF, 0xBB], .unexpectedCharacter(found: "byte 0xEF", expected: "a value"), 1, 1),
    ]

    @Test(arguments: malformed)
    func malformedInput(_ testCase: ErrorCase) {
        expectError(testCase)
    }

    @Test(arguments: truncated)
    func truncatedInput(_ testCase: ErrorCase) {
        expectError(testCase)
    }

    @Test(arguments: invalidUTF8)
    func invalidUTF8Input(_ testCase: ErrorCase) {
        expectError(testCase)
    }

    @Test func everyPrefixOfADocumentFailsCleanly() throws {
        let text = Array(#"{"a": [1, -2.5e+3, "x\u00e9\n", true, false, null, {"b": {}}], "c": "😂"}"#.utf8)
        _ = try JSONParser().parse(text)
        for length in 0..<text.count {
            do {
                _ = try JSONParser().parse(text[..<length])
                Issue.record("prefix of \(length) bytes parsed")
            } catch {
                #expect(error.offset <= length)
                if case .unexpectedEnd = error.reason { continue }
                // Cut inside a multi-byte character: the string is not valid UTF-8 yet.
                #expect(
                    error.reason == .invalidUTF8 || error.reason == .unexpectedEnd(expected: "'\"' closing the string"),
                    "prefix \(length): \(error)")
            }
        }
    }

    @Test func descriptionNamesLineAndColumn() {
        let error = #expect(throws: JSONParseError.self) { try JSONParser().parse("{\n  \"a\": ?\n}") }
        #expect(error?.description == "line 2, column 8: unexpected '?', expected a value")
        #expect(error?.offset == 9)
    }

    @Test func descriptionsOfEveryReason() {
        let reasons: [(JSONParseError.Reason, String)] = [
            (.unexpectedEnd(expected: "x"), "unexpected end of input, expected x"),
            (.unexpectedCharacter(found: "'y'", expected: "x"), "unexpected 'y', expected x"),
            (.invalidNumber("d"), "invalid number: d"),
            (.invalidEscape("d"), "invalid escape sequence: d"),
            (.invalidUTF8, "invalid UTF-8 byte sequence"),
            (.unpairedSurrogate, "\\u escape is an unpaired UTF-16 surrogate"),
            (.controlCharacterInString, "unescaped control character in string"),
            (.duplicateKey("k"), "duplicate object key \"k\""),
            (.trailingContent, "unexpected content after the JSON value"),
            (.tooLarge(limit: 1), "input is larger than the limit of 1 bytes"),
            (.tooDeep(limit: 2), "nesting is deeper than the limit of 2"),
            (.stringTooLong(limit: 3), "string is longer than the limit of 3 bytes"),
            (.numberTooLong(limit: 4), "number is longer than the limit of 4 characters"),
        ]
        for (reason, text) in reasons {
            let error = JSONParseError(reason: reason, line: 1, column: 2, offset: 1)
            #expect(error.description == "line 1, column 2: " + text)
        }
    }

    private func expectError(_ testCase: ErrorCase, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let value = try JSONParser().parse(testCase.input)
            Issue.record("parsed as \(value.jsonText)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.reason == testCase.reason, sourceLocation: sourceLocation)
            #expect(error.line == testCase.line, "line", sourceLocation: sourceLocation)
            #expect(error.column == testCase.column, "column", sourceLocation: sourceLocation)
        }
    }
}
