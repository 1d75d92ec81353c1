import EspacePolicy
import Testing

@Suite("ODRL operators over typed values")
struct EvaluationOperatorTests {
    struct Case: Sendable, CustomStringConvertible {
        var left: PolicyValue
        var op: Operator
        var right: PolicyValue
        var expected: Bool
        var description: String { "\(left) \(op) \(right) == \(expected)" }
    }

    static let lit = Eval.lit
    static let pairs: [(String, PolicyValue, PolicyValue)] = [
        ("dateTime", lit("2024-01-01T10:00:00Z", "dateTime"), lit("2024-01-01T12:00:00+01:00", "dateTime")),
        ("date", lit("2024-01-01Z", "date"), lit("2024-01-02Z", "date")),
        ("integer", lit("7", "integer"), lit("8", "integer")),
        ("decimal", lit("7.25", "decimal"), lit("7.5", "decimal")),
        ("double", lit("7.25e0", "double"), lit("7.5", "double")),
        ("mixed", lit("7", "integer"), lit("7.5", "double")),
        ("duration", lit("P1D", "duration"), lit("PT25H", "duration")),
        ("yearMonth", lit("P11M", "yearMonthDuration"), lit("P1Y", "duration")),
    ]

    /// Every comparison operator on every ordered datatype, with a smaller left value,
    /// equal values and a larger left value.
    static let ordered: [Case] = pairs.flatMap { (_, small, large) -> [Case] in
        let table: [(Operator, [Bool])] = [
            (.eq, [false, true, false]), (.neq, [true, false, true]), (.lt, [true, false, false]),
            (.lteq, [true, true, false]), (.gt, [false, false, true]), (.gteq, [false, true, true]),
        ]
        return table.flatMap { op, results in
            [
                Case(left: small, op: op, right: large, expected: results[0]),
                Case(left: small, op: op, right: small, expected: results[1]),
                Case(left: large, op: op, right: small, expected: results[2]),
            ]
        }
    }

    @Test(arguments: ordered) func comparisonOperators(_ c: Case) {
        let report = Eval.check([c.left], c.op, [c.right])
        #expect(report.satisfied == c.expected, "\(report.reason)")
        #expect(!report.reason.isEmpty)
        #expect(report.leftValues == [c.left])
    }

    @Test func equalityOnlyTypesRefuseOrderedOperators() {
        for (left, right) in [
            (Eval.str("a"), Eval.str("a")), (PolicyValue.iri("urn:a"), PolicyValue.iri("urn:a")),
            (Self.lit("true", "boolean"), Self.lit("true", "boolean")),
            (
                PolicyValue.literal("a", datatype: "", language: "en"),
                PolicyValue.literal("a", datatype: "", language: "en")
            ),
        ] {
            #expect(Eval.check([left], .eq, [right]).satisfied)
            #expect(!Eval.check([left], .neq, [right]).satisfied)
            for op in [Operator.lt, .lteq, .gt, .gteq] {
                let report = Eval.check([left], op, [right])
                #expect(!report.satisfied)
                #expect(report.reason.contains("needs ordered values"), "\(report.reason)")
            }
        }
        #expect(Eval.check([Eval.str("a")], .neq, [Eval.str("b")]).satisfied)
    }

    @Test func incomparablePairsFailClosed() {
        let report = Eval.check([Self.lit("P1M", "duration")], .lt, [Self.lit("P30D", "duration")])
        #expect(!report.satisfied)
        #expect(report.reason.contains("no determinate order"))
        let neq = Eval.check([.iri("urn:a")], .neq, [Self.lit("1", "integer")])
        #expect(!neq.satisfied, "neq over incomparable values is not satisfied either")
        #expect(neq.reason.contains("cannot compare"))
        let many = Eval.check([Self.lit("1", "integer")], .eq, [Self.lit("1", "integer"), Self.lit("2", "integer")])
        #expect(!many.satisfied)
        #expect(many.reason.contains("exactly one right operand"))
    }

    @Test func unknownOperatorFailsClosed() {
        let report = Eval.check([Eval.str("a")], .unknown("http://example.org/like"), [Eval.str("a")])
        #expect(!report.satisfied)
        #expect(report.reason == "unknown operator <http://example.org/like>")
    }

    @Test func unknownLeftOperandFailsClosed() {
        let constraint = AtomicConstraint(
            uid: "urn:c", leftOperand: ODRL.iri("spatial"), operator: .eq, rightOperand: [.iri("urn:eu")])
        let report = Eval.check(.atomic(constraint))
        #expect(!report.satisfied)
        #expect(report.reason.contains("no value for the left operand <http://www.w3.org/ns/odrl/2/spatial>"))
        #expect(report.leftValues.isEmpty)
        // The same operand from the state of the world.
        var state = Eval.now
        state.values[ODRL.iri("spatial")] = [.iri("urn:eu")]
        #expect(Eval.check(.atomic(constraint), state: state).satisfied)
    }

    @Test func unknownDataTypeFailsClosed() {
        let report = Eval.check([Eval.str("5")], .eq, [Eval.str("5")], dataType: "http://example.org/money")
        #expect(!report.satisfied)
        #expect(report.reason == "unknown dataType <http://example.org/money>")
        let bad = Eval.check([.literal("x", datatype: "http://example.org/t")], .eq, [Eval.str("x")])
        #expect(!bad.satisfied)
        #expect(bad.reason.contains("unknown datatype <http://example.org/t>"))
    }

    @Test func dataTypeAppliesToPlainRightOperands() {
        let report = Eval.check([Self.lit("10", "integer")], .gt, [Eval.str("9.5")], dataType: Eval.xsd + "decimal")
        #expect(report.satisfied, "\(report.reason)")
    }

    @Test func dateTimeLeftOperandIsTheCurrentTime() {
        let constraint = AtomicConstraint(
            uid: "urn:c", leftOperand: ODRL.iri("dateTime"), operator: .lt,
            rightOperand: [Self.lit("2024-02-12T12:20:10.999+01:00", "dateTime")])
        let report = Eval.check(.atomic(constraint))
        #expect(!report.satisfied, "equal instants in different zones are not lt")
        #expect(report.leftValues == [Self.lit("2024-02-12T11:20:10.999Z", "dateTime")])
        let noTime = Eval.check(.atomic(constraint), state: StateOfTheWorld())
        #expect(!noTime.satisfied)
        #expect(noTime.reason.contains("no value for the left operand"))
    }

    @Test func countLeftOperandUsesRecordedUses() {
        let constraint = AtomicConstraint(
            uid: "urn:c", leftOperand: ODRL.iri("count"), operator: .lt, rightOperand: [Self.lit("3", "integer")])
        #expect(Eval.check(.atomic(constraint)).satisfied, "no recorded use counts as 0")
        var state = Eval.now
        state.usageCounts["urn:rule urn:x"] = 3
        let used = Eval.check(.atomic(constraint), state: state)
        #expect(!used.satisfied)
        #expect(used.leftValues == [Self.lit("3", "integer")])
    }

    @Test func setOperators() {
        let a = PolicyValue.iri("urn:a")
        let b = PolicyValue.iri("urn:b")
        let c = PolicyValue.iri("urn:c")
        #expect(Eval.check([a, b, c], .isAllOf, [a, b]).satisfied)
        let all = Eval.check([a], .isAllOf, [a, b])
        #expect(!all.satisfied)
        #expect(all.reason.contains("lacks <urn:b>"))
        #expect(Eval.check([b], .isAnyOf, [a, b]).satisfied)
        #expect(!Eval.check([c], .isAnyOf, [a, b]).satisfied)
        #expect(Eval.check([c], .isNoneOf, [a, b]).satisfied)
        let none = Eval.check([a], .isNoneOf, [a, b])
        #expect(!none.satisfied)
        #expect(none.reason.contains("is one of"))
        // Typed equality inside sets: 1.0 is 1.
        #expect(Eval.check([Self.lit("1.0", "decimal")], .isAnyOf, [Self.lit("1", "integer")]).satisfied)
        // isNoneOf cannot be proven when a pair is incomparable.
        let unsure = Eval.check([Self.lit("P1M", "duration")], .isNoneOf, [Self.lit("P30D", "duration")])
        #expect(!unsure.satisfied)
        #expect(unsure.reason.contains("cannot tell"))
    }

    @Test func isNoneOfWithNoValuePresentIsSatisfied() {
        let constraint = AtomicConstraint(
            uid: "urn:c", leftOperand: Eval.purpose, operator: .isNoneOf, rightOperand: [.iri("urn:marketing")])
        let report = Eval.check(.atomic(constraint))
        #expect(report.satisfied)
        #expect(report.reason.contains("no value"))
        let anyOf = AtomicConstraint(
            uid: "urn:c", leftOperand: Eval.purpose, operator: .isAnyOf, rightOperand: [.iri("urn:marketing")])
        #expect(!Eval.check(.atomic(anyOf)).satisfied)
    }

    @Test func taxonomyAndPartonomyOperators() {
        var state = Eval.now
        state.types["urn:alice"] = ["urn:Employee"]
        state.types["urn:Employee"] = ["urn:Person"]
        state.memberships["urn:x"] = ["urn:folder"]
        state.memberships["urn:folder"] = ["urn:drive"]
        #expect(Eval.check([.iri("urn:alice")], .isA, [.iri("urn:Person")], state: state).satisfied)
        let notA = Eval.check([.iri("urn:alice")], .isA, [.iri("urn:Robot")], state: state)
        #expect(!notA.satisfied)
        #expect(notA.reason.contains("isA does not hold"))
        #expect(Eval.check([.iri("urn:x")], .isPartOf, [.iri("urn:drive")], state: state).satisfied)
        #expect(!Eval.check([.iri("urn:drive")], .isPartOf, [.iri("urn:x")], state: state).satisfied)
        #expect(Eval.check([.iri("urn:drive")], .hasPart, [.iri("urn:x"), .iri("urn:folder")], state: state).satisfied)
        let missing = Eval.check([.iri("urn:folder")], .hasPart, [.iri("urn:y")], state: state)
        #expect(!missing.satisfied)
        #expect(missing.reason.contains("does not have <urn:y>"))
    }
}
