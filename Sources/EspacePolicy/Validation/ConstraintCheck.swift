import EspaceRDF

/// The checks on one atomic constraint: known terms, and right operands the operator and
/// the left operand can compare.
struct ConstraintCheck {
    let atomic: AtomicConstraint
    let path: String

    static let xsd = Vocabulary.xsd
    static let temporal: Set<String> = ["date", "dateTime", "dateTimeStamp"].reduce(into: []) { $0.insert(xsd + $1) }
    static let durations: Set<String> = ["duration", "dayTimeDuration", "yearMonthDuration"].reduce(into: []) {
        $0.insert(xsd + $1)
    }
    static let numeric: Set<String> = [
        "decimal", "integer", "double", "float", "long", "int", "short", "byte", "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
    ].reduce(into: []) { $0.insert(xsd + $1) }

    /// Left operands whose values are points in time, durations, or numbers (ODRL Vocab §4.5).
    static let timeOperands: Set<String> = ["dateTime"]
    static let durationOperands: Set<String> = ["elapsedTime", "meteredTime", "delayPeriod", "timeInterval"]
    static let numericOperands: Set<String> = [
        "count", "payAmount", "percentage", "absoluteSize", "absoluteTemporalPosition", "absoluteSpatialPosition",
        "relativeSize", "relativeTemporalPosition", "relativeSpatialPosition", "resolution",
    ]
    /// Left operands ordered over IRIs (events before/after) rather than literals.
    static let iriOrderedOperands: Set<String> = ["event"]

    func run(_ check: inout Check) {
        let left = atomic.leftOperand
        let leftTerm = ODRL.term(left)
        if !check.registry.knowsLeftOperand(left) {
            check.error("\(path).leftOperand", "unknown left operand <\(left)>: the rule would fail closed")
        } else if let enforcement = check.registry.enforcement, enforcement.definition(left) == nil {
            check.warning(
                "\(path).leftOperand",
                "<\(left)> has no run-time value in the left-operand registry: enforcement fails the rule closed")
        }
        if case .unknown(let iri) = atomic.operator, !check.registry.knowsOperator(iri) {
            check.error("\(path).operator", "unknown operator <\(iri)>: the rule would fail closed")
        }
        if atomic.rightOperand.isEmpty && atomic.rightOperandReference.isEmpty {
            check.error("\(path).rightOperand", "the constraint has no rightOperand or rightOperandReference")
        }
        operatorFit(&check, leftTerm)
        if let leftTerm { typeFit(&check, leftTerm) }
        if let dataType = atomic.dataType {
            for case .literal(let text, datatype: let datatype, language: nil) in atomic.rightOperand
            where datatype != Vocabulary.xsdString && datatype != dataType {
                check.warning(
                    "\(path).rightOperand",
                    "\"\(text)\" is typed <\(datatype)> but the constraint's dataType is <\(dataType)>")
            }
        }
    }

    /// Right operands that are IRIs, the special `policyUsage` aside.
    var iriValues: [String] {
        atomic.rightOperand.compactMap { value in
            guard case .iri(let iri) = value, iri != ODRL.iri("policyUsage") else { return nil }
            return iri
        }
    }

    var literalValues: [(text: String, datatype: String)] {
        atomic.rightOperand.compactMap { value in
            guard case .literal(let text, let datatype, _) = value else { return nil }
            return (text, datatype)
        }
    }

    func operatorFit(_ check: inout Check, _ leftTerm: String?) {
        let op = atomic.operator
        let count = atomic.rightOperand.count
        switch op {
        case .lt, .lteq, .gt, .gteq:
            if let iri = iriValues.first, !Self.iriOrderedOperands.contains(leftTerm ?? "") {
                check.error("\(path).rightOperand", "`\(op)` orders values, but the right operand <\(iri)> is an IRI")
            }
            if count > 1 {
                check.error("\(path).rightOperand", "`\(op)` compares with one value; \(count) are given")
            }
        case .eq, .neq:
            if count > 1 {
                check.error(
                    "\(path).rightOperand",
                    "`\(op)` compares with one value; \(count) are given (use isAnyOf, isAllOf or isNoneOf for a set)")
            }
        case .isA, .hasPart, .isPartOf:
            if let leftTerm,
                Self.timeOperands.union(Self.durationOperands).union(Self.numericOperands).contains(leftTerm)
            {
                check.error(
                    "\(path).operator",
                    "`\(op)` relates classes or parts, but \(leftTerm) is a number, time or duration")
            }
            if op == .isA, let literal = literalValues.first {
                check.error(
                    "\(path).rightOperand",
                    "`isA` needs a class IRI, but the right operand \"\(literal.text)\" is a literal")
            }
            if op == .isA, count > 1 {
                check.warning(
                    "\(path).rightOperand", "`isA` with \(count) classes requires all of them; use isAnyOf for any")
            }
        case .isAllOf, .isAnyOf, .isNoneOf, .unknown:
            break
        }
    }

    func typeFit(_ check: inout Check, _ leftTerm: String) {
        if Self.timeOperands.contains(leftTerm) {
            expect(&check, leftTerm, Self.temporal, "an xsd:date or xsd:dateTime")
        } else if Self.durationOperands.contains(leftTerm) {
            expect(&check, leftTerm, Self.durations, "an xsd:duration")
        } else if Self.numericOperands.contains(leftTerm) {
            expect(&check, leftTerm, Self.numeric, "a number")
        } else if leftTerm == "spatial", let literal = literalValues.first {
            check.warning("\(path).rightOperand", "spatial names an area by IRI, but \"\(literal.text)\" is a literal")
        }
        if leftTerm == "payAmount", atomic.unit == nil {
            check.warning("\(path).unit", "payAmount has no unit (the currency)")
        }
    }

    /// Literal right operands of `leftTerm` must have one of `datatypes`; a plain string only warns.
    func expect(_ check: inout Check, _ leftTerm: String, _ datatypes: Set<String>, _ what: String) {
        if let iri = iriValues.first {
            check.error(
                "\(path).rightOperand", "\(leftTerm) compares with \(what), but the right operand <\(iri)> is an IRI")
        }
        for literal in literalValues where !datatypes.contains(literal.datatype) {
            let declared = atomic.dataType.map(datatypes.contains) ?? false
            if literal.datatype == Vocabulary.xsdString || literal.datatype == Vocabulary.rdfLangString {
                if !declared {
                    check.warning(
                        "\(path).rightOperand",
                        "\(leftTerm) compares with \(what), but \"\(literal.text)\" is a plain string; type it")
                }
            } else {
                check.error(
                    "\(path).rightOperand",
                    "\(leftTerm) compares with \(what), but \"\(literal.text)\" is typed <\(literal.datatype)>")
            }
        }
    }
}
