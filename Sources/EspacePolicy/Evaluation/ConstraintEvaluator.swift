/// Evaluates constraints against a request and a state of the world (fail closed: an
/// unknown operator, a left operand without a value, an unknown datatype or an
/// incomparable pair makes the constraint not satisfied, with the reason).
struct ConstraintEvaluator {
    let request: EvaluationRequest
    let state: StateOfTheWorld
    /// The rule whose constraints are evaluated (for `odrl:count`).
    let ruleUID: String?
    /// The rule's action (uses of it, and of the actions it includes, are counted).
    var ruleAction: String? = nil
    /// The rule's kind (a deferred constraint holds for permissions and duties, not for prohibitions).
    var ruleKind: Rule.Kind = .permission
    /// The member a collection's refinement is evaluated for: its attributes come first.
    var subject: String? = nil

    /// This evaluator for the refinements of a collection, applied to `member`.
    func refining(_ member: String?) -> ConstraintEvaluator {
        var copy = self
        copy.subject = member
        return copy
    }

    static let xsd = "http://www.w3.org/2001/XMLSchema#"
    static let dateTimeIRI = ODRL.iri("dateTime")
    static let countIRI = ODRL.iri("count")

    func evaluate(_ constraint: Constraint, depth: Int = 0) -> ConstraintReport {
        switch constraint {
        case .atomic(let atomic): return evaluate(atomic)
        case .logical(let logical): return evaluate(logical, depth: depth)
        }
    }

    func evaluate(_ logical: LogicalConstraint, depth: Int) -> ConstraintReport {
        var report = ConstraintReport(
            uid: logical.uid, leftOperand: nil, leftValues: [], operator: nil, rightOperand: [],
            logicalOperand: logical.operand, members: [], satisfied: false, reason: "")
        guard depth < 64 else {
            report.reason = "logical constraints nest deeper than 64 levels"
            return report
        }
        report.members = logical.constraints.map { evaluate($0, depth: depth + 1) }
        let count = report.members.filter(\.satisfied).count
        guard !logical.constraints.isEmpty else {
            report.reason = "the \(logical.operand.rawValue) constraint has no members"
            return report
        }
        let total = logical.constraints.count
        switch logical.operand {
        case .and, .andSequence:
            report.satisfied = count == total
            report.reason = "\(count) of \(total) members satisfied; \(logical.operand.rawValue) needs all"
        case .or:
            report.satisfied = count >= 1
            report.reason = "\(count) of \(total) members satisfied; or needs at least one"
        case .xone:
            report.satisfied = count == 1
            report.reason = "\(count) of \(total) members satisfied; xone needs exactly one"
        }
        return report
    }

    func evaluate(_ atomic: AtomicConstraint) -> ConstraintReport {
        var report = ConstraintReport(
            uid: atomic.uid, leftOperand: atomic.leftOperand, leftValues: [], operator: atomic.operator,
            rightOperand: atomic.rightOperand, logicalOperand: nil, members: [], satisfied: false, reason: "")
        func fail(_ reason: String) -> ConstraintReport {
            report.satisfied = false
            report.reason = reason
            return report
        }
        if case .unknown(let iri) = atomic.operator { return fail("unknown operator <\(iri)>") }
        if !atomic.rightOperandReference.isEmpty, atomic.rightOperand.isEmpty {
            return fail("rightOperandReference <\(atomic.rightOperandReference[0])> is not dereferenced (no I/O)")
        }
        var right = atomic.rightOperand
        if let dataType = atomic.dataType {
            guard TypedValue.supports(dataType) else { return fail("unknown dataType <\(dataType)>") }
            right = Self.applying(dataType: dataType, to: right)
            report.rightOperand = right
        }
        if !state.deferred.isEmpty, let scopes = state.deferred[atomic.leftOperand] {
            report.deferred = true
            report.satisfied = ruleKind != .prohibition
            let known = PolicyScope.allCases.filter(scopes.contains).map(\.rawValue).joined(separator: ", ")
            report.reason =
                "deferred: <\(atomic.leftOperand)> is known in the \(known.isEmpty ? "no" : known) scope(s), not in this one; "
                + (ruleKind == .prohibition
                    ? "the prohibition is not applied on it here" : "the rule is judged on its other constraints here")
            return report
        }
        if state.undefined.contains(atomic.leftOperand) {
            return fail("<\(atomic.leftOperand)> is not a left operand the data space's registry defines (fails closed)")
        }
        if let unit = atomic.unit {
            let valueUnit = state.units[atomic.leftOperand]
            guard valueUnit == unit else {
                return fail(
                    valueUnit.map { "the constraint is in <\(unit)> but <\(atomic.leftOperand)> is in <\($0)>" }
                        ?? "the constraint is in <\(unit)> but the unit of <\(atomic.leftOperand)> is not known")
            }
        }
        guard let left = leftValues(atomic.leftOperand) ?? atomic.status.map({ [$0] }) else {
            if atomic.operator == .isNoneOf {
                report.satisfied = true
                report.reason = "no value for <\(atomic.leftOperand)>, so none of the listed values is present"
                return report
            }
            return fail(
                "no value for the left operand <\(atomic.leftOperand)> in the request or the state of the world")
        }
        report.leftValues = left
        let (satisfied, reason) = OperatorEvaluation(state: state).apply(atomic.operator, left, right)
        report.satisfied = satisfied
        report.reason = reason
        if leftValues(atomic.leftOperand) == nil, let status = atomic.status {
            report.reason = "no current value, so the constraint's status \(status) is used; " + reason
        }
        return report
    }

    /// `values` with plain string literals read as `dataType` (the constraint's `dataType`).
    static func applying(dataType: String, to values: [PolicyValue]) -> [PolicyValue] {
        values.map { value in
            if case .literal(let text, let type, nil) = value, type == xsd + "string" {
                return .literal(text, datatype: dataType)
            }
            return value
        }
    }

    /// The left operand's value(s): from the attributes of the collection member being
    /// refined, the request context, the state's values, or the built-ins `odrl:dateTime` (the current time) and `odrl:count` (recorded uses, 0 if
    /// none are recorded for the rule).
    func leftValues(_ leftOperand: String) -> [PolicyValue]? {
        leftValues(leftOperand, builtin: BuiltinOperand(iri: leftOperand))
    }

    /// The non-empty values of `key`. A request states a handful of values: scanning them
    /// (unequal IRIs differ in length or early bytes) costs less than hashing a long IRI.
    static func lookup(_ key: String, in table: [String: [PolicyValue]]) -> [PolicyValue]? {
        if table.isEmpty { return nil }
        if table.count <= 8 {
            for (name, values) in table where name.utf8.count == key.utf8.count && name == key {
                return values.isEmpty ? nil : values
            }
            return nil
        }
        guard let values = table[key], !values.isEmpty else { return nil }
        return values
    }

    /// `leftValues(_:)` with the built-in kind of the operand already known.
    func leftValues(_ leftOperand: String, builtin: BuiltinOperand?) -> [PolicyValue]? {
        Self.leftValues(
            leftOperand, builtin: builtin, request: request, state: state, ruleUID: ruleUID, ruleAction: ruleAction,
            subject: subject)
    }

    /// The left operand's values for a rule, from the request and the state passed in place
    /// (decisions call this without building an evaluator).
    static func leftValues(
        _ leftOperand: String, builtin: BuiltinOperand?, request: EvaluationRequest, state: StateOfTheWorld,
        ruleUID: String?, ruleAction: String?, subject: String? = nil
    ) -> [PolicyValue]? {
        if let subject, let values = state.attributes[subject]?[leftOperand], !values.isEmpty { return values }
        if let values = lookup(leftOperand, in: request.context) { return values }
        if let values = lookup(leftOperand, in: state.values) { return values }
        switch builtin {
        case nil:
            return nil
        case .dateTime:
            return state.currentTime.map { [$0] }
        case .count:
            if let usage = state.usage {
                return [UsageMeasures(usage, now: nil, action: ruleAction, state: state).count]
            }
            return recordedCount(ruleUID: ruleUID, request: request, state: state).map {
                [.literal(String($0), datatype: xsd + "integer")]
            }
        case .measure(let measure):
            guard let usage = state.usage else { return nil }
            let now = state.currentTime.flatMap(UsageMeasures.seconds)
            return UsageMeasures(usage, now: now, action: ruleAction, state: state).value(measure).map { [$0] }
        }
    }
}

extension ConstraintEvaluator {
    /// `odrl:count` from the recorded counts (no usage history): by rule uid and target, then
    /// by rule uid, 0 if none is recorded; nil for a rule without uid.
    static func recordedCount(ruleUID: String?, request: EvaluationRequest, state: StateOfTheWorld) -> Int? {
        guard let ruleUID else { return nil }
        guard !state.usageCounts.isEmpty else { return 0 }
        return request.target.flatMap { state.usageCounts[ruleUID + " " + $0] } ?? state.usageCounts[ruleUID] ?? 0
    }
}

/// The left operands whose values the evaluator computes itself.
enum BuiltinOperand: Sendable {
    /// `odrl:dateTime`: the current time.
    case dateTime
    /// `odrl:count`: uses so far.
    case count
    /// `odrl:elapsedTime`, `meteredTime`, `timeInterval`, `delayPeriod` (from the usage history).
    case measure(UsageMeasures.Measure)

    init?(iri: String) {
        switch iri {
        case ConstraintEvaluator.dateTimeIRI: self = .dateTime
        case ConstraintEvaluator.countIRI: self = .count
        default:
            guard let measure = UsageMeasures.Measure(iri: iri) else { return nil }
            self = .measure(measure)
        }
    }
}
