import EspacePolicy
import Testing

@Suite("Typed comparison of policy values")
struct EvaluationComparisonTests {
    typealias C = PolicyValueComparison
    let lit = Eval.lit

    func order(_ a: PolicyValue, _ b: PolicyValue) -> ValueOrder? {
        if case .success(let o) = C.order(a, b) { return o }
        return nil
    }

    func failure(_ a: PolicyValue, _ b: PolicyValue) -> String? {
        if case .failure(let why) = C.order(a, b) { return why.reason }
        return nil
    }

    @Test func dateTimesApplyTimeZones() {
        #expect(order(lit("2024-01-01T12:00:00+02:00", "dateTime"), lit("2024-01-01T10:00:00Z", "dateTime")) == .equal)
        #expect(
            order(lit("2024-01-01T10:00:00-05:30", "dateTime"), lit("2024-01-01T15:00:00Z", "dateTime")) == .greater)
        #expect(order(lit("2024-01-01T10:00:00.5Z", "dateTime"), lit("2024-01-01T10:00:00Z", "dateTime")) == .greater)
        #expect(
            order(lit("2024-01-01T10:00:00.000Z", "dateTime"), lit("2024-01-01T10:00:00Z", "dateTimeStamp")) == .equal)
        #expect(order(lit("2023-12-31T24:00:00Z", "dateTime"), lit("2024-01-01T00:00:00Z", "dateTime")) == .equal)
        #expect(order(lit("2024-02-29T00:00:00Z", "dateTime"), lit("2024-03-01T00:00:00Z", "dateTime")) == .less)
    }

    @Test func zonelessDateTimesCompareOnlyWhenDeterminate() {
        // 2 h apart: the missing zone (±14 h) could put it on either side.
        let why = failure(lit("2024-01-01T10:00:00", "dateTime"), lit("2024-01-01T12:00:00Z", "dateTime"))
        #expect(why?.contains("missing time zone") == true)
        // More than 14 h apart: determinate.
        #expect(order(lit("2024-01-01T10:00:00", "dateTime"), lit("2024-01-03T10:00:00Z", "dateTime")) == .less)
        // Both zoneless: compared as written.
        #expect(order(lit("2024-01-01T10:00:00", "dateTime"), lit("2024-01-01T10:00:01", "dateTime")) == .less)
    }

    @Test func datesAreTheirFirstInstant() {
        #expect(order(lit("2024-01-02Z", "date"), lit("2024-01-01T23:59:59Z", "dateTime")) == .greater)
        #expect(order(lit("2024-01-02+01:00", "date"), lit("2024-01-01T23:00:00Z", "dateTime")) == .equal)
        #expect(order(lit("2024-01-02", "date"), lit("2024-01-05", "date")) == .less)
    }

    @Test func invalidTemporalLexicalFormsAreIncomparable() {
        #expect(
            failure(lit("2024-13-01T00:00:00Z", "dateTime"), lit("2024-01-01T00:00:00Z", "dateTime"))?.contains(
                "not a valid xsd:dateTime") == true)
        #expect(failure(lit("2023-02-29", "date"), lit("2023-03-01", "date"))?.contains("not a valid xsd:date") == true)
        #expect(
            failure(lit("2024-01-01T00:00:00", "dateTimeStamp"), lit("2024-01-01T00:00:00Z", "dateTime"))?.contains(
                "dateTimeStamp") == true)
    }

    @Test func numbersCompareExactly() {
        #expect(order(lit("1.10", "decimal"), lit("1.1", "decimal")) == .equal)
        #expect(order(lit("10", "integer"), lit("9.99", "decimal")) == .greater)
        #expect(
            order(
                lit("12345678901234567890123456789012", "integer"), lit("12345678901234567890123456789013", "integer"))
                == .less)
        #expect(order(lit("0.1", "decimal"), lit("0.10000000000000000001", "decimal")) == .less)
        #expect(order(lit("1e3", "double"), lit("1000", "integer")) == .equal)
        #expect(order(lit("-INF", "double"), lit("-1e308", "double")) == .less)
        #expect(failure(lit("NaN", "double"), lit("1", "double"))?.contains("NaN") == true)
        #expect(failure(lit("1.5", "integer"), lit("1", "integer"))?.contains("not a valid xsd:integer") == true)
    }

    @Test func durationsHaveAPartialOrder() {
        #expect(order(lit("PT36H", "duration"), lit("P1DT12H", "duration")) == .equal)
        #expect(order(lit("P2M", "duration"), lit("P1M", "duration")) == .greater)
        #expect(order(lit("P1Y", "duration"), lit("P300D", "duration")) == .greater)
        #expect(order(lit("-P1D", "duration"), lit("PT1S", "duration")) == .less)
        #expect(order(lit("P1Y", "yearMonthDuration"), lit("P12M", "duration")) == .equal)
        #expect(failure(lit("P1M", "duration"), lit("P30D", "duration"))?.contains("no determinate order") == true)
        #expect(failure(lit("P1D", "yearMonthDuration"), lit("P1M", "duration"))?.contains("not a valid") == true)
        #expect(failure(lit("P", "duration"), lit("P1D", "duration"))?.contains("not a valid") == true)
    }

    @Test func oversizedLexicalFormsAreRefusedNotTrapped() {
        #expect(failure(lit("P99999999999999999Y", "duration"), lit("P1D", "duration"))?.contains("not a valid") == true)
        #expect(order(lit("P999999999Y", "duration"), lit("P1D", "duration")) == .greater)
        #expect(failure(lit("9999999999-01-01T00:00:00Z", "dateTime"), lit("2024-01-01T00:00:00Z", "dateTime")) != nil)
        #expect(order(lit("999999999-01-01T00:00:00Z", "dateTime"), lit("2024-01-01T00:00:00Z", "dateTime")) == .greater)
        #expect(failure(lit(String(repeating: "9", count: 60), "integer"), lit("1", "integer"))?.contains("not a valid") == true)
    }

    @Test func stringsIRIsAndBooleansHaveEqualityOnly() {
        #expect(order(Eval.str("a"), Eval.str("a")) == .equal)
        #expect(order(Eval.str("a"), Eval.str("b")) == .unequal)
        #expect(
            order(.literal("chat", datatype: "", language: "fr"), .literal("chat", datatype: "", language: "FR"))
                == .equal)
        #expect(
            order(.literal("chat", datatype: "", language: "fr"), .literal("chat", datatype: "", language: "en"))
                == .unequal)
        #expect(order(.literal("chat", datatype: "", language: "fr"), Eval.str("chat")) == .unequal)
        #expect(order(.iri("urn:a"), .iri("urn:a")) == .equal)
        #expect(order(lit("true", "boolean"), lit("1", "boolean")) == .equal)
        #expect(order(lit("false", "boolean"), lit("true", "boolean")) == .unequal)
    }

    @Test func mismatchedKindsAndUnknownDatatypesGiveAReason() {
        #expect(failure(.iri("urn:a"), Eval.str("urn:a"))?.contains("cannot compare") == true)
        #expect(failure(lit("1", "integer"), lit("2024-01-01", "date"))?.contains("cannot compare") == true)
        #expect(
            failure(.literal("x", datatype: "http://example.org/t"), Eval.str("x"))?.contains("unknown datatype")
                == true)
        #expect(failure(lit("x", "hexBinary"), lit("x", "hexBinary"))?.contains("unsupported datatype") == true)
    }
}
