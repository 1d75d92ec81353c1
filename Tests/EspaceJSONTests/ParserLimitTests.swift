import Testing

@testable import EspaceJSON

/// The limits that bound hostile input, and the duplicate-key option.
@Suite("Parser: limits")
struct ParserLimitTests {
    private func parseError(_ text: String, limits: JSONLimits = .default) -> JSONParseError? {
        #expect(throws: JSONParseError.self) { try JSONParser(limits: limits).parse(text) }
    }

    @Test func hundredThousandDeepArraysAreTooDeep() {
        let depth = 100_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let error = parseError(text)
        #expect(error?.reason == .tooDeep(limit: 256))
        #expect(error?.line == 1 && error?.column == 257)
    }

    @Test func hundredThousandDeepObjectsAreTooDeep() {
        let depth = 100_000
        let text = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
        let error = parseError(text)
        #expect(error?.reason == .tooDeep(limit: 256))
        #expect(error?.column == 256 * 5 + 1)
    }

    @Test func unclosedDeepNestingIsTooDeepNotTruncated() {
        #expect(parseError(String(repeating: "[", count: 100_000))?.reason == .tooDeep(limit: 256))
        #expect(parseError(String(repeating: "[{\"a\":", count: 50_000))?.reason == .tooDeep(limit: 256))
    }

    @Test func customDepth() throws {
        let limits = JSONLimits(maxDepth: 3)
        #expect(try JSONParser(limits: limits).parse("[[[1]]]") == [[[1]]])
        #expect(try JSONParser(limits: limits).parse(#"[{"a":[]}]"#) == [["a": []]])
        let error = parseError("[[[[1]]]]", limits: limits)
        #expect(error?.reason == .tooDeep(limit: 3) && error?.column == 4)
        #expect(parseError("[[[{}]]]", limits: limits)?.reason == .tooDeep(limit: 3))
        #expect(try JSONParser(limits: JSONLimits(maxDepth: 0)).parse("1") == 1)
        #expect(parseError("[]", limits: JSONLimits(maxDepth: 0))?.reason == .tooDeep(limit: 0))
    }

    @Test func deepNestingWithARaisedLimitDoesNotUseTheStack() throws {
        // The parser is iterative; 20 000 levels would overflow a recursive parser's stack
        // on a secondary thread. (Values this deep are still released recursively, so the
        // test stays at a depth that is safe to drop.)
        let depth = 2_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let value = try JSONParser(limits: JSONLimits(maxDepth: depth)).parse(text)
        #expect(value.isArray)
        #expect(parseError(text, limits: JSONLimits(maxDepth: depth - 1))?.reason == .tooDeep(limit: depth - 1))
    }

    @Test func inputSize() throws {
        let limits = JSONLimits(maxBytes: 10)
        #expect(try JSONParser(limits: limits).parse("[1,2,3,45]") == [1, 2, 3, 45])
        let error = parseError("[1,2,3,456]", limits: limits)
        #expect(error?.reason == .tooLarge(limit: 10))
        #expect(error?.line == 1 && error?.column == 1 && error?.offset == 0)
    }

    @Test func stringLength() throws {
        let limits = JSONLimits(maxStringLength: 4)
        #expect(try JSONParser(limits: limits).parse(#""abcd""#) == "abcd")
        #expect(try JSONParser(limits: limits).parse(#""\n\n\n\n""#) == "\n\n\n\n")
        #expect(try JSONParser(limits: limits).parse(#""éé""#) == "éé")
        var error = parseError(#"["abcde"]"#, limits: limits)
        #expect(error?.reason == .stringTooLong(limit: 4) && error?.column == 3)
        error = parseError(#""\n\n\n\n\n""#, limits: limits)
        #expect(error?.reason == .stringTooLong(limit: 4) && error?.column == 2)
        // The limit counts UTF-8 bytes after unescaping: "ééé" is 6 bytes.
        #expect(parseError(#""\u00e9\u00e9\u00e9""#, limits: limits)?.reason == .stringTooLong(limit: 4))
        #expect(parseError(#""ééé""#, limits: limits)?.reason == .stringTooLong(limit: 4))
        // Keys are strings too.
        #expect(parseError(#"{"abcde":1}"#, limits: limits)?.reason == .stringTooLong(limit: 4))
    }

    @Test func numberLength() throws {
        let limits = JSONLimits(maxNumberLength: 5)
        #expect(try JSONParser(limits: limits).parse("[12345, -1234, 1.5e9]") == [12345, -1234, 1.5e9])
        let error = parseError("[1, 123456]", limits: limits)
        #expect(error?.reason == .numberTooLong(limit: 5) && error?.column == 5)
        #expect(parseError("-12345", limits: limits)?.reason == .numberTooLong(limit: 5))
        // The default allows long lexemes (512 characters) and rejects longer ones.
        #expect(try JSONParser().parse(String(repeating: "9", count: 512)).isScalar)
        #expect(parseError(String(repeating: "9", count: 513))?.reason == .numberTooLong(limit: 512))
    }

    @Test func duplicateKeysAreRejectedByDefault() {
        #expect(!JSONLimits.default.allowDuplicateKeys)
        #expect(parseError(#"{"a":1,"a":1}"#)?.reason == .duplicateKey("a"))
        // Rejected when the key is read, before its value is parsed.
        #expect(parseError(#"{"a":1,"a":[1,"#)?.reason == .duplicateKey("a"))
    }

    @Test func duplicateKeysAllowedByOptionKeepTheLastValue() throws {
        let parser = JSONParser(limits: JSONLimits(allowDuplicateKeys: true))
        let value = try parser.parse(#"{"a":1,"b":2,"a":{"c":3}}"#)
        let object = try #require(value.objectValue)
        #expect(Array(object.keys) == ["a", "b"])
        #expect(value["a"] == ["c": 3])
        #expect(try parser.parse(#"[{"x":1,"x":2},{"x":3}]"#) == [["x": 2], ["x": 3]])
    }

    @Test func duplicateKeysInLargeObjects() throws {
        // Objects beyond 16 members switch from scanning their keys to a set.
        let members = (0..<40).map { "\"k\($0)\":\($0)" }
        let value = try JSONParser().parse("{" + members.joined(separator: ",") + "}")
        #expect(value.objectValue.map { Array($0.keys) } == (0..<40).map { "k\($0)" })
        #expect(value["k39"] == 39)
        for duplicate in ["k0", "k3", "k17", "k39"] {
            let prefix = "{" + members.joined(separator: ",") + ","
            let error = parseError(prefix + "\"\(duplicate)\":true}")
            #expect(error?.reason == .duplicateKey(duplicate))
            #expect(error?.column == prefix.utf8.count + 1)
        }
        // A duplicate among the first members, then many more members.
        let early =
            "{" + members.prefix(5).joined(separator: ",") + ",\"k2\":0," + members.dropFirst(5).joined(separator: ",")
            + "}"
        #expect(parseError(early)?.reason == .duplicateKey("k2"))

        let lenient = JSONParser(limits: JSONLimits(allowDuplicateKeys: true))
        let merged = try lenient.parse(
            "{" + (members + ["\"k3\":\"last\"", "\"k30\":null"]).joined(separator: ",") + "}")
        #expect(merged.objectValue?.count == 40)
        #expect(merged.objectValue?.keys.firstIndex(of: "k3") == 3)
        #expect(merged["k3"] == "last" && merged["k30"] == .null)
    }

    @Test func largeContainers() throws {
        let count = 100_000
        let object = try JSONParser().parse("{" + (0..<count).map { "\"k\($0)\":[\($0)]" }.joined(separator: ",") + "}")
        #expect(object.objectValue?.count == count)
        #expect(object["k99999"] == [99999])
        let array = try JSONParser().parse("[" + (0..<count).map { "{\"i\":\($0)}" }.joined(separator: ",") + "]")
        #expect(array.arrayValue?.count == count)
        #expect(array.arrayValue?.last == ["i": 99999])
        let duplicate = "{" + (0..<count).map { "\"k\($0)\":1" }.joined(separator: ",") + ",\"k5\":2}"
        #expect(parseError(duplicate)?.reason == .duplicateKey("k5"))
    }

    @Test func canonicallyEquivalentKeysCountAsDuplicates() {
        // Object keys are Swift strings, which compare by canonical equivalence: a precomposed
        // and a decomposed "Å" are one key. Rejecting them (the default) is the safe reading.
        #expect(parseError(#"{"\u00c5":1,"A\u030a":2}"#)?.reason == .duplicateKey("A\u{30A}"))
    }

    @Test func defaults() {
        let limits = JSONLimits.default
        #expect(limits.maxBytes == 64 << 20)
        #expect(limits.maxDepth == 256)
        #expect(limits.maxStringLength == 16 << 20)
        #expect(limits.maxNumberLength == 512)
        #expect(JSONParser().limits == limits)
    }
}
