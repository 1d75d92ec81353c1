import EspaceJSON
import EspaceRDF

/// Writes a `Policy` as compact JSON in the Dataspace Protocol's form: the DSP context,
/// `@id` and `@type`, and ODRL terms bare where DSP's ODRL profile defines them (`use`, `eq`,
/// `and`, `Offer`) and as `odrl:` compact IRIs otherwise (`odrl:read`, `odrl:dateTime`), so
/// the output expands correctly with the DSP context alone.
///
/// Rules are written atomic, as `PolicyReader` gives them. A target, assigner or assignee
/// shared by every permission, prohibition and obligation is written once at policy level
/// (as DSP writes agreements). A rule `uid` shared by several atomic rules (one rule with
/// several actions, before atomising) is left out, since one JSON-LD node cannot hold them
/// apart. Reading the output with `PolicyDocument.policies(fromJSON:)` gives the policy back.
public struct PolicyJSONWriter: Sendable {
    /// The `@context` written at the root of a standalone document: the DSP 2025-1 context and
    /// its ODRL profile by default (DSP defines the ODRL terms only inside messages and datasets).
    public var context: JSONValue

    public init(
        context: JSONValue = .array([.string(PolicyDocument.dspContextURL), .string(PolicyDocument.dspODRLProfileURL)])
    ) {
        self.context = context
    }

    /// Terms DSP's ODRL profile context defines (besides the operators and logical operands).
    static let profileTerms: Set<String> = ["Offer", "Agreement", "Set", "Assertion", "use"]

    /// The policy as a standalone JSON-LD document (with `@context`).
    public func document(_ policy: Policy) -> JSONValue {
        var object: JSONObject = ["@context": context]
        if case .object(let body) = node(policy) {
            for (key, value) in body { object[key] = value }
        }
        return .object(object)
    }

    /// The policy as a node to embed in a DSP message (no `@context`; the message's applies).
    public func node(_ policy: Policy) -> JSONValue {
        var object: JSONObject = [:]
        object["@id"] = .string(policy.uid)
        object["@type"] = .string(Self.term(ODRL.iri(policy.kind.rawValue)))
        if !policy.profiles.isEmpty { object["profile"] = Self.strings(policy.profiles) }
        if !policy.inheritFrom.isEmpty { object["odrl:inheritFrom"] = .array(policy.inheritFrom.map(Self.id)) }
        if let conflict = policy.conflict { object["odrl:conflict"] = Self.id(ODRL.iri(conflict.rawValue)) }
        let rules = policy.rules
        let shared = SharedParts(rules)
        if let target = shared.target { object["target"] = asset(target) }
        if let assigner = shared.assigner { object["assigner"] = party(assigner) }
        if let assignee = shared.assignee { object["assignee"] = party(assignee) }
        var uidCounts: [String: Int] = [:]
        for rule in rules { if let uid = rule.uid { uidCounts[uid, default: 0] += 1 } }
        let write = { (rule: Rule) in
            self.rule(rule, omitting: shared, uniqueUID: rule.uid.map { uidCounts[$0] == 1 } ?? false)
        }
        if !policy.permissions.isEmpty { object["permission"] = .array(policy.permissions.map(write)) }
        if !policy.prohibitions.isEmpty { object["prohibition"] = .array(policy.prohibitions.map(write)) }
        if !policy.obligations.isEmpty { object["obligation"] = .array(policy.obligations.map(write)) }
        return .object(object)
    }

    /// The parts every top-level rule shares (written at policy level).
    struct SharedParts {
        var target: Asset?
        var assigner: Party?
        var assignee: Party?

        init(_ rules: [Rule]) {
            guard let first = rules.first else { return }
            if let target = first.target, rules.allSatisfy({ $0.target == target }) { self.target = target }
            if let assigner = first.assigner, rules.allSatisfy({ $0.assigner == assigner }) { self.assigner = assigner }
            if let assignee = first.assignee, rules.allSatisfy({ $0.assignee == assignee }) { self.assignee = assignee }
        }

        static let none = SharedParts([])
    }

    func rule(_ rule: Rule, omitting shared: SharedParts, uniqueUID: Bool) -> JSONValue {
        var object: JSONObject = [:]
        if uniqueUID, let uid = rule.uid { object["@id"] = .string(uid) }
        if let action = rule.action {
            if action.refinements.isEmpty {
                object["action"] = .string(Self.term(action.iri))
            } else {
                object["action"] = .object([
                    Vocabulary.rdfValue: Self.id(action.iri),
                    "odrl:refinement": .array(action.refinements.map(constraint)),
                ])
            }
        }
        if let target = rule.target, shared.target == nil { object["target"] = asset(target) }
        if let assigner = rule.assigner, shared.assigner == nil { object["assigner"] = party(assigner) }
        if let assignee = rule.assignee, shared.assignee == nil { object["assignee"] = party(assignee) }
        if !rule.constraints.isEmpty { object["constraint"] = .array(rule.constraints.map(constraint)) }
        let nested = { (inner: Rule) in self.rule(inner, omitting: .none, uniqueUID: true) }
        if !rule.duties.isEmpty { object["duty"] = .array(rule.duties.map(nested)) }
        if !rule.remedies.isEmpty { object["odrl:remedy"] = .array(rule.remedies.map(nested)) }
        if !rule.consequences.isEmpty { object["odrl:consequence"] = .array(rule.consequences.map(nested)) }
        return .object(object)
    }

    func asset(_ asset: Asset) -> JSONValue {
        collectionMember(asset.iri, asset.isCollection, asset.refinements, type: "odrl:AssetCollection")
    }

    func party(_ party: Party) -> JSONValue {
        collectionMember(party.iri, party.isCollection, party.refinements, type: "odrl:PartyCollection")
    }

    func collectionMember(_ iri: String, _ isCollection: Bool, _ refinements: [Constraint], type: String) -> JSONValue {
        guard isCollection || !refinements.isEmpty else { return .string(iri) }
        var object: JSONObject = [:]
        if isCollection {
            object["@type"] = .string(type)
            object["odrl:source"] = Self.id(iri)
        } else {
            object["@id"] = .string(iri)
        }
        if !refinements.isEmpty { object["odrl:refinement"] = .array(refinements.map(constraint)) }
        return .object(object)
    }

    func constraint(_ constraint: Constraint) -> JSONValue {
        switch constraint {
        case .logical(let logical):
            var object: JSONObject = [:]
            if let uid = logical.uid { object["@id"] = .string(uid) }
            // andSequence is ordered: an RDF list.
            let members = JSONValue.array(logical.constraints.map(self.constraint))
            object[logical.operand.rawValue] = logical.operand == .andSequence ? .object(["@list": members]) : members
            return .object(object)
        case .atomic(let atomic):
            var object: JSONObject = [:]
            if let uid = atomic.uid { object["@id"] = .string(uid) }
            object["leftOperand"] = .string(Self.term(atomic.leftOperand))
            object["operator"] = .string(Self.operatorTerm(atomic.operator))
            if !atomic.rightOperand.isEmpty {
                let values = atomic.rightOperand.map(Self.value)
                object["rightOperand"] = values.count == 1 ? values[0] : .array(values)
            }
            if !atomic.rightOperandReference.isEmpty {
                object["odrl:rightOperandReference"] = .array(atomic.rightOperandReference.map(Self.id))
            }
            if let dataType = atomic.dataType { object["odrl:dataType"] = Self.id(dataType) }
            if let unit = atomic.unit { object["odrl:unit"] = Self.id(unit) }
            if let status = atomic.status { object["odrl:status"] = Self.value(status) }
            return .object(object)
        }
    }

    /// A term for a `@vocab`-typed position: bare if DSP's profile defines it, `odrl:x` for other ODRL terms, else the IRI.
    static func term(_ iri: String) -> String {
        guard let term = ODRL.term(iri) else { return iri }
        return profileTerms.contains(term) ? term : "odrl:" + term
    }

    static func operatorTerm(_ op: Operator) -> String {
        if case .unknown(let iri) = op { return term(iri) }
        return op.description
    }

    static func id(_ iri: String) -> JSONValue { .object(["@id": .string(iri)]) }

    static func strings(_ values: [String]) -> JSONValue {
        values.count == 1 ? .string(values[0]) : .array(values.map(JSONValue.string))
    }

    /// A right operand or status value, exact: plain strings and integers as JSON, other literals typed.
    static func value(_ value: PolicyValue) -> JSONValue {
        switch value {
        case .iri(let iri): return id(iri)
        case .literal(let text, let datatype, let language):
            if let language { return .object(["@value": .string(text), "@language": .string(language)]) }
            if datatype == Vocabulary.xsdString { return .string(text) }
            return .object(["@value": .string(text), "@type": .string(datatype)])
        }
    }
}
