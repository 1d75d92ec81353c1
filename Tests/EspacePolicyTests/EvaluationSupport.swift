import EspacePolicy

/// Shorthands for the evaluation tests.
enum Eval {
    static let xsd = "http://www.w3.org/2001/XMLSchema#"
    static let purpose = ODRL.iri("purpose")

    static func lit(_ text: String, _ type: String) -> PolicyValue { .literal(text, datatype: xsd + type) }
    static func str(_ text: String) -> PolicyValue { .literal(text, datatype: xsd + "string") }

    static let now = StateOfTheWorld(currentTime: lit("2024-02-12T11:20:10.999Z", "dateTime"))

    static func request(
        action: String = ODRL.iri("read"), party: String? = "urn:alice", target: String? = "urn:x",
        context: [String: [PolicyValue]] = [:]
    ) -> EvaluationRequest {
        EvaluationRequest(
            uid: "urn:request", ruleUID: "urn:request:rule", action: action, party: party, target: target,
            context: context)
    }

    /// The report of one constraint on a `use` permission.
    static func check(
        _ constraint: Constraint, context: [String: [PolicyValue]] = [:], state: StateOfTheWorld = now
    ) -> ConstraintReport {
        let rule = Rule(.permission, uid: "urn:rule", action: Action(ODRL.iri("use")), constraints: [constraint])
        let report = PolicyEvaluator().evaluate(rule: rule, request: request(context: context), state: state)
        return report.constraints[0]
    }

    /// An atomic constraint on `left` (a context value under `urn:left`).
    static func check(
        _ left: [PolicyValue], _ op: Operator, _ right: [PolicyValue], dataType: String? = nil,
        state: StateOfTheWorld = now
    ) -> ConstraintReport {
        check(
            .atomic(
                AtomicConstraint(
                    uid: "urn:c", leftOperand: "urn:left", operator: op, rightOperand: right, dataType: dataType)),
            context: ["urn:left": left], state: state)
    }
}
