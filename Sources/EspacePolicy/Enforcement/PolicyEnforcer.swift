import EspaceJSON
import EspaceRDF

/// Decides a policy in a scope from what the enforcement point knows: the verified
/// participant, the stated purpose, the clock and the usage history, each read through the
/// left-operand registry. Operands the registry does not define fail closed; operands it
/// defines but that are not known in the scope are deferred, and the report says so.
public struct PolicyEnforcer: Sendable {
    public var registry: LeftOperandRegistry

    public init(registry: LeftOperandRegistry = .standard) {
        self.registry = registry
    }

    /// Permit or deny, without a report (the hot path of every data access).
    public func decide(_ policy: CompiledPolicy, in context: EnforcementContext) -> ComplianceReport.Decision {
        let (request, state) = inputs(leftOperands: policy.leftOperands, context)
        return policy.decide(request, in: state)
    }

    /// The full compliance report, each deferred or undefined operand named.
    public func explain(_ policy: Policy, in context: EnforcementContext) -> ComplianceReport {
        let (request, state) = inputs(leftOperands: policy.leftOperands, context)
        return PolicyEvaluator().evaluate(policy: policy, request: request, state: state)
    }

    /// The evaluation request and state of the world that `context` gives for a policy
    /// using `leftOperands`.
    public func inputs(leftOperands: Set<String>, _ context: EnforcementContext) -> (
        EvaluationRequest, StateOfTheWorld
    ) {
        var request = EvaluationRequest(
            action: context.action, party: context.participant?.participant, target: context.target)
        var state = context.facts
        state.usage = context.usage ?? state.usage
        for iri in leftOperands {
            guard let definition = registry.definition(iri) else {
                if context.stated[iri] == nil, context.facts.values[iri] == nil { state.undefined.insert(iri) }
                continue
            }
            guard definition.scopes.contains(context.scope) else {
                state.deferred[iri] = definition.scopes
                continue
            }
            if let unit = definition.unit { state.units[iri] = unit }
            switch definition.source {
            case .request:
                if let values = context.stated[iri] { request.context[iri] = values.map { typed($0, definition.datatype) } }
            case .state:
                continue
            case .currentTime:
                state.currentTime = Self.dateTime(context.now)
            case .usageCount, .elapsedTime, .meteredTime, .timeInterval, .delayPeriod:
                state.currentTime = state.currentTime ?? Self.dateTime(context.now)
                if state.usage == nil { state.usage = UsageHistory() }
                if iri != ODRL.iri(measureTerm(definition.source)) {
                    // A data space's own name for a usage measure: computed like ODRL's.
                    let measure = ODRL.iri(measureTerm(definition.source))
                    let evaluator = ConstraintEvaluator(request: request, state: state, ruleUID: nil)
                    if let values = evaluator.leftValues(measure) { state.values[iri] = values }
                }
            case .participant:
                if let did = context.participant?.participant {
                    state.values[iri] = [.iri(did)]
                    state.attributes[did, default: [:]][iri] = [.iri(did)]
                }
            case .claim(let types, let paths):
                guard let participant = context.participant else { continue }
                var values: [PolicyValue] = []
                for path in paths where values.isEmpty {
                    values = participant.values(types: types, path: path).compactMap { Self.value($0, definition.datatype) }
                }
                if !values.isEmpty {
                    state.values[iri] = values
                    // Also the participant's attributes, for the refinements of party collections.
                    state.attributes[participant.participant, default: [:]][iri] = values
                }
            }
        }
        return (request, state)
    }

    private func measureTerm(_ source: LeftOperandDefinition.Source) -> String {
        switch source {
        case .elapsedTime: return "elapsedTime"
        case .meteredTime: return "meteredTime"
        case .timeInterval: return "timeInterval"
        case .delayPeriod: return "delayPeriod"
        default: return "count"
        }
    }

    /// A stated plain string read as the operand's datatype (IRIs stay IRIs).
    private func typed(_ value: PolicyValue, _ datatype: String?) -> PolicyValue {
        guard let datatype, case .literal(let text, let type, nil) = value, type == LeftOperandRegistry.xsd + "string"
        else { return value }
        return datatype == "@id" ? .iri(text) : .literal(text, datatype: datatype)
    }

    /// An `xsd:dateTime` literal for an instant (whole seconds, UTC).
    static func dateTime(_ seconds: Double) -> PolicyValue {
        .literal(
            XSDTemporal.formatUTC(seconds: Int(seconds.rounded(.down))), datatype: LeftOperandRegistry.xsd + "dateTime")
    }

    /// A JSON claim value as a policy value of `datatype` (nil: JSON's own type).
    static func value(_ json: JSONValue, _ datatype: String?) -> PolicyValue? {
        let xsd = LeftOperandRegistry.xsd
        switch json {
        case .string(let text):
            if datatype == "@id" { return .iri(text) }
            return .literal(text, datatype: datatype ?? xsd + "string")
        case .number(let number):
            return .literal(number.lexeme, datatype: datatype ?? (number.isIntegerLexeme ? xsd + "integer" : xsd + "decimal"))
        case .bool(let flag):
            return .literal(flag ? "true" : "false", datatype: datatype ?? xsd + "boolean")
        case .object(let node):
            guard let id = (node["id"] ?? node["@id"])?.stringValue else { return nil }
            return .iri(id)
        case .array, .null:
            return nil
        }
    }
}
