import ArgumentParser
import EspaceJSON
import EspacePolicy
import EspaceRDF
import Foundation

/// `espace policy eval`: evaluates a policy for a request and prints the compliance report.
struct PolicyEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate an ODRL policy for a request and print the compliance report.",
        discussion: """
            The request is an odrl:Request policy (its permission's assignee, action and target
            are the request; its eq constraints give context values such as the purpose). The
            state of the world is a Turtle file in the SolidLab form (current time, collection
            membership, duty states); without one, the current time is now and nothing else is
            known (closed world). Prints each rule's activation with every constraint's left
            value, operator, right operand, result and reason, then the decision. Exits 0 when
            the request is permitted, 1 when it is denied or the input cannot be read.
            """)

    @Option(help: "The policy file (JSON, JSON-LD or Turtle).")
    var policy: String

    @Option(help: "The request: an odrl:Request policy (JSON, JSON-LD or Turtle).")
    var request: String

    @Option(help: "The state of the world (Turtle, SolidLab form).")
    var state: String?

    @Option(name: .customLong("parent"), help: "Policies the policy's inheritFrom may name (a file; repeatable).")
    var parents: [String] = []

    @Option(help: "text or json.")
    var format: ReportFormat = .text

    enum ReportFormat: String, ExpressibleByArgument {
        case text, json
    }

    func run() throws {
        let policies = try PolicyInput.policies(policy, nil)
        guard policies.count == 1, let given = policies.first else {
            throw CommandFailure.exit("\(policy) holds \(policies.count) policies; give a file with exactly one")
        }
        let evaluated = try PolicyInput.resolvingInheritance(given, parents: parents)
        let requests = try PolicyInput.policies(request, nil)
        guard let requestPolicy = requests.first(where: { $0.kind == .request }) ?? requests.first else {
            throw CommandFailure.exit("\(request) holds no odrl:Request")
        }
        let evaluationRequest: EvaluationRequest
        do {
            evaluationRequest = try EvaluationRequest(request: requestPolicy)
        } catch {
            throw CommandFailure.exit("\(request): \(error)")
        }
        var world = StateOfTheWorld(currentTime: StateOfTheWorld.time(Self.now()))
        if let state {
            do {
                world = try StateOfTheWorld(solidLab: try TurtleParser().parse(try InputSource.read(state)))
            } catch {
                throw CommandFailure.exit("\(state): \(error)")
            }
        }
        let report = PolicyEvaluator().evaluate(policy: evaluated, request: evaluationRequest, state: world)
        switch format {
        case .json:
            print((try? JSONSerializer(options: .init(pretty: true)).serialize(ComplianceReportRendering.json(report))) ?? "{}")
        case .text:
            print(ComplianceReportRendering.text(report), terminator: "")
        }
        if report.decision != .permit { throw ExitCode(1) }
    }

    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}

/// Text and JSON forms of a compliance report.
enum ComplianceReportRendering {
    static func text(_ report: ComplianceReport) -> String {
        var out = "Policy \(report.policyUID) (conflict strategy \(report.conflictStrategy.rawValue))\n"
        for rule in report.rules {
            let mark = rule.active ? "✔" : "✘"
            out += "\(mark) \(rule.kind.rawValue) \(rule.ruleUID ?? "(no uid)"): \(rule.active ? "active" : "inactive")"
            out += rule.matchesRequest ? "" : " (does not match the request)"
            out += "\n"
            for premise in rule.premises {
                out += "    \(premise.satisfied ? "✔" : "✘") \(premise.kind.rawValue): \(premise.reason)\n"
            }
            for constraint in rule.constraints { out += constraintText(constraint, indent: "    ") }
            for duty in rule.duties {
                out += "    duty \(duty.action ?? "?"): \(duty.state) — \(duty.reason)\n"
            }
            for reason in rule.reasons { out += "    · \(reason)\n" }
        }
        out += "Decision: \(report.decision.rawValue.uppercased())\n"
        for reason in report.reasons { out += "  \(reason)\n" }
        return out
    }

    static func constraintText(_ c: ConstraintReport, indent: String) -> String {
        let mark = c.deferred ? "…" : c.satisfied ? "✔" : "✘"
        var out: String
        if let logical = c.logicalOperand {
            out = "\(indent)\(mark) \(logical.rawValue): \(c.reason)\n"
            for member in c.members { out += constraintText(member, indent: indent + "    ") }
            return out
        }
        let left = c.leftOperand.map { ODRL.term($0) ?? $0 } ?? "?"
        let values = c.leftValues.isEmpty ? "no value" : c.leftValues.map(\.description).joined(separator: ", ")
        let right = c.rightOperand.map(\.description).joined(separator: ", ")
        out = "\(indent)\(mark) \(left) [\(values)] \(c.operator?.description ?? "?") \(right): \(c.reason)\n"
        return out
    }

    static func json(_ report: ComplianceReport) -> JSONValue {
        func constraint(_ c: ConstraintReport) -> JSONValue {
            var o: JSONObject = ["satisfied": .bool(c.satisfied), "reason": .string(c.reason)]
            if c.deferred { o["deferred"] = .bool(true) }
            if let uid = c.uid { o["uid"] = .string(uid) }
            if let left = c.leftOperand { o["leftOperand"] = .string(left) }
            if let op = c.operator { o["operator"] = .string(op.iri) }
            if let logical = c.logicalOperand { o["logicalOperand"] = .string(logical.rawValue) }
            if !c.leftValues.isEmpty { o["leftValues"] = .array(c.leftValues.map { .string($0.description) }) }
            if !c.rightOperand.isEmpty { o["rightOperand"] = .array(c.rightOperand.map { .string($0.description) }) }
            if !c.members.isEmpty { o["members"] = .array(c.members.map(constraint)) }
            return .object(o)
        }
        let rules: [JSONValue] = report.rules.map { rule in
            var o: JSONObject = [
                "kind": .string(rule.kind.rawValue), "attempted": .bool(rule.attempted), "matchesRequest": .bool(rule.matchesRequest),
                "active": .bool(rule.active),
                "premises": .array(rule.premises.map { ["kind": .string($0.kind.rawValue), "satisfied": .bool($0.satisfied), "reason": .string($0.reason)] }),
                "constraints": .array(rule.constraints.map(constraint)),
                "duties": .array(
                    rule.duties.map {
                        ["action": .string($0.action ?? ""), "state": .string("\($0.state)"), "active": .bool($0.active), "reason": .string($0.reason)]
                    }),
                "reasons": .array(rule.reasons.map { .string($0) }),
            ]
            if let uid = rule.ruleUID { o["rule"] = .string(uid) }
            return .object(o)
        }
        var o: JSONObject = [
            "policy": .string(report.policyUID), "conflict": .string(report.conflictStrategy.rawValue),
            "decision": .string(report.decision.rawValue), "reasons": .array(report.reasons.map { .string($0) }), "rules": .array(rules),
        ]
        if let request = report.requestUID { o["request"] = .string(request) }
        return .object(o)
    }
}
