import EspaceRDF
import Testing

/// The XSD literal values and their order.
@Suite("XSDValue")
struct XSDValueTests {
    static func value(_ lexical: String, _ type: String) -> XSDValue? {
        XSDValue(Literal(lexical, datatype: Vocabulary.xsd + type))
    }

    @Test func numbersCompareExactlyAcrossTypes() throws {
        let a = try #require(Self.value("10.50", "decimal"))
        let b = try #require(Self.value("+10.5", "decimal"))
        #expect(a.compare(b) == .equal)
        #expect(Self.value("-3", "integer")?.compare(try #require(Self.value("-2.5", "decimal"))) == .less)
        #expect(Self.value("1e1", "double")?.compare(try #require(Self.value("10", "integer"))) == .equal)
        #expect(Self.value("NaN", "double")?.compare(try #require(Self.value("NaN", "double"))) == nil)
        #expect(Self.value("1", "integer")?.compare(try #require(Self.value("1", "string"))) == nil)
    }

    @Test func lexicalValidity() {
        #expect(Self.value("256", "unsignedByte") == nil)
        #expect(Self.value("-1", "nonNegativeInteger") == nil)
        #expect(Self.value("1.5", "integer") == nil)
        #expect(Self.value("1e", "double") == nil)
        #expect(Self.value("maybe", "boolean") == nil)
        #expect(Self.value("2023-02-29", "date") == nil)
        #expect(Self.value("2024-02-29T24:00:00Z", "dateTime") != nil)
        #expect(Self.value("2024-02-29T10:00:00", "dateTimeStamp") == nil)
        #expect(XSDValue.isWellFormed(Literal("x", datatype: "http://example.org/custom")))
        #expect(!XSDValue.isWellFormed(Literal("x", datatype: Vocabulary.xsdInteger)))
    }

    @Test func dateTimesWithZones() throws {
        let utc = try #require(Self.value("2024-01-01T00:00:00Z", "dateTime"))
        #expect(Self.value("2024-01-01T01:00:00+01:00", "dateTime")?.compare(utc) == .equal)
        #expect(Self.value("2024-01-01T00:00:00.5Z", "dateTime")?.compare(utc) == .greater)
        #expect(Self.value("2024-01-01T10:00:00", "dateTime")?.compare(utc) == nil)
        #expect(Self.value("2024-01-01T15:00:00", "dateTime")?.compare(utc) == .greater)
        #expect(Self.value("2024-01-01", "date")?.compare(utc) == nil)
    }
}
