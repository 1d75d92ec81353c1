import EspaceRDF

/// Writes policies as Turtle, in atomic form (one rule node per atomic rule; a rule `uid`
/// shared by several atomic rules is left out, as in `PolicyJSONWriter`). Reading the
/// output with `PolicyDocument.policies(fromTurtle:)` gives the policies back.
public struct PolicyTurtleWriter: Sendable {
    public init() {}

    /// The Turtle document for `policies`.
    public func turtle(_ policies: [Policy]) -> String {
        var out = "@prefix odrl: <\(ODRL.ns)> .\n@prefix xsd: <\(Vocabulary.xsd)> .\n"
        for policy in policies {
            var named: [String] = []
            out += "\n" + self.policy(policy, &named) + " .\n"
            for block in named { out += block + " .\n" }
        }
        return out
    }

    func policy(_ policy: Policy, _ named: inout [String]) -> String {
        var properties = ["a " + Self.term(ODRL.iri(policy.kind.rawValue))]
        if !policy.profiles.isEmpty {
            properties.append("odrl:profile " + policy.profiles.map(Self.iri).joined(separator: ", "))
        }
        if !policy.inheritFrom.isEmpty {
            properties.append("odrl:inheritFrom " + policy.inheritFrom.map(Self.iri).joined(separator: ", "))
        }
        if let conflict = policy.conflict { properties.append("odrl:conflict odrl:" + conflict.rawValue) }
        var uidCounts: [String: Int] = [:]
        for rule in policy.rules { if let uid = rule.uid { uidCounts[uid, default: 0] += 1 } }
        for (property, rules) in [
            ("permission", policy.permissions), ("prohibition", policy.prohibitions),
            ("obligation", policy.obligations),
        ]
        where !rules.isEmpty {
            let nodes = rules.map { rule($0, unique: $0.uid.map { uidCounts[$0] == 1 } ?? false, &named) }
            properties.append("odrl:\(property) " + nodes.joined(separator: ", "))
        }
        let subject = policy.uid.hasPrefix("_:") ? "[]" : Self.iri(policy.uid)
        return subject + " " + properties.joined(separator: " ;\n    ")
    }

    /// A node: `[ … ]`, or its IRI with its description added to `named`.
    func node(_ uid: String?, _ properties: [String], _ named: inout [String]) -> String {
        let body = properties.joined(separator: " ; ")
        guard let uid, !uid.hasPrefix("_:") else { return "[ \(body) ]" }
        if !properties.isEmpty { named.append(Self.iri(uid) + " " + body) }
        return Self.iri(uid)
    }

    func rule(_ rule: Rule, unique: Bool, _ named: inout [String]) -> String {
        var properties: [String] = []
        if let action = rule.action {
            if action.refinements.isEmpty {
                properties.append("odrl:action " + Self.term(action.iri))
            } else {
                let refinements = action.refinements.map { constraint($0, &named) }.joined(separator: ", ")
                properties.append(
                    "odrl:action [ <\(Vocabulary.rdfValue)> \(Self.term(action.iri)) ; odrl:refinement \(refinements) ]"
                )
            }
        }
        if let target = rule.target {
            properties.append(
                "odrl:target " + member(target.iri, target.isCollection, target.refinements, "AssetCollection", &named))
        }
        if let assigner = rule.assigner {
            properties.append(
                "odrl:assigner "
                    + member(assigner.iri, assigner.isCollection, assigner.refinements, "PartyCollection", &named))
        }
        if let assignee = rule.assignee {
            properties.append(
                "odrl:assignee "
                    + member(assignee.iri, assignee.isCollection, assignee.refinements, "PartyCollection", &named))
        }
        if !rule.constraints.isEmpty {
            properties.append(
                "odrl:constraint " + rule.constraints.map { constraint($0, &named) }.joined(separator: ", "))
        }
        for (property, rules) in [("duty", rule.duties), ("remedy", rule.remedies), ("consequence", rule.consequences)]
        where !rules.isEmpty {
            properties.append(
                "odrl:\(property) " + rules.map { self.rule($0, unique: true, &named) }.joined(separator: ", "))
        }
        return node(unique ? rule.uid : nil, properties, &named)
    }

    func member(
        _ iri: String, _ isCollection: Bool, _ refinements: [Constraint], _ type: String, _ named: inout [String]
    ) -> String {
        var properties: [String] = []
        if isCollection { properties += ["a odrl:" + type, "odrl:source " + Self.iri(iri)] }
        if !refinements.isEmpty {
            properties.append("odrl:refinement " + refinements.map { constraint($0, &named) }.joined(separator: ", "))
        }
        if isCollection { return "[ " + properties.joined(separator: " ; ") + " ]" }
        return properties.isEmpty ? Self.iri(iri) : node(iri, properties, &named)
    }

    func constraint(_ constraint: Constraint, _ named: inout [String]) -> String {
        switch constraint {
        case .logical(let logical):
            let members = logical.constraints.map { self.constraint($0, &named) }
            let value =
                logical.operand == .andSequence
                ? "( " + members.joined(separator: " ") + " )"
                : members.isEmpty ? "()" : members.joined(separator: ", ")
            return node(logical.uid, ["odrl:\(logical.operand.rawValue) \(value)"], &named)
        case .atomic(let atomic):
            var properties = [
                "odrl:leftOperand " + Self.term(atomic.leftOperand), "odrl:operator " + Self.term(atomic.operator.iri),
            ]
            if !atomic.rightOperand.isEmpty {
                properties.append("odrl:rightOperand " + atomic.rightOperand.map(Self.value).joined(separator: ", "))
            }
            if !atomic.rightOperandReference.isEmpty {
                properties.append(
                    "odrl:rightOperandReference " + atomic.rightOperandReference.map(Self.iri).joined(separator: ", "))
            }
            if let dataType = atomic.dataType { properties.append("odrl:dataType " + Self.iri(dataType)) }
            if let unit = atomic.unit { properties.append("odrl:unit " + Self.iri(unit)) }
            if let status = atomic.status { properties.append("odrl:status " + Self.value(status)) }
            return node(atomic.uid, properties, &named)
        }
    }

    /// `odrl:x` for ODRL terms that are valid local names, else `<iri>`.
    static func term(_ iri: String) -> String {
        if let term = ODRL.term(iri), !term.isEmpty, term.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }),
            term.first?.isLetter == true
        {
            return "odrl:" + term
        }
        return Self.iri(iri)
    }

    /// `<iri>`, characters Turtle forbids in IRIs written as `\\u` escapes (which a reader then
    /// refuses: such a string is no IRI); `_:x` for blank nodes.
    static func iri(_ iri: String) -> String {
        if iri.hasPrefix("_:") {
            return "_:" + String(iri.dropFirst(2).map { $0.isLetter || $0.isNumber ? $0 : "_" })
        }
        var out = "<"
        for scalar in iri.unicodeScalars {
            if scalar.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains(scalar) {
                out += "\\u" + String(format4(scalar.value))
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + ">"
    }

    static func format4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func value(_ value: PolicyValue) -> String {
        switch value {
        case .iri(let iri): return Self.iri(iri)
        case .literal(let text, let datatype, let language):
            let quoted = "\"" + escape(text) + "\""
            if let language { return quoted + "@" + language }
            return datatype == Vocabulary.xsdString ? quoted : quoted + "^^" + Self.iri(datatype)
        }
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
