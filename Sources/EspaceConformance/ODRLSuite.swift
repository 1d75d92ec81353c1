import EspacePolicy
import EspaceRDF
import Foundation

/// Runs the SolidLab ODRL test suite (`solidlab-odrl-test-suite/data`): for every test case
/// listed in `index.ttl`, evaluates its policy for its request in its state of the world
/// and compares the result with the expected compliance report in two ways, as the suite's
/// runner does: `rule-activation` (policy and request references, and per rule report its
/// kind, request rule, attempt state and activation state) and `constraint-satisfaction`
/// (that, plus the satisfaction state of every expected constraint report).
public struct ODRLSuite: Sendable {
    /// The suite's `data` folder (or its parent).
    public var directory: String

    static let ex = "http://example.org/"
    static let report = "https://w3id.org/force/compliance-report#"

    public init(directory: String) {
        self.directory = directory
    }

    /// Runs every test case; results are in categories `rule-activation` and `constraint-satisfaction`.
    public func run() throws(ODRLSuiteError) -> ConformanceReport {
        let data =
            FileManager.default.fileExists(atPath: directory + "/data/index.ttl") ? directory + "/data" : directory
        var cache: [String: Dataset] = [:]
        let index = try load(data + "/index.ttl", &cache)
        var cases: [(id: String, name: String, files: [String: String])] = []
        var byID: [String: Int] = [:]
        for quad in index.quads {
            guard case .iri(let subject) = quad.subject, case .iri(let predicate) = quad.predicate else { continue }
            if byID[subject] == nil {
                byID[subject] = cases.count
                cases.append((subject, subject, [:]))
            }
            guard let i = byID[subject] else { continue }
            if predicate == "http://purl.org/dc/terms/title", let title = quad.object.literalValue?.lexicalForm {
                cases[i].name = title
            } else if predicate.hasPrefix(Self.ex), predicate.hasSuffix("Source"), let url = quad.object.iriValue,
                let range = url.range(of: "/data/")
            {
                cases[i].files[String(predicate.dropFirst(Self.ex.count))] = data + "/" + url[range.upperBound...]
            }
        }
        cases.sort { ($0.files["expectedReportSource"] ?? $0.id) < ($1.files["expectedReportSource"] ?? $1.id) }
        var results: [ConformanceTestResult] = []
        for testCase in cases {
            let (activation, satisfaction) = runCase(testCase.id, testCase.files, &cache)
            results.append(
                ConformanceTestResult(
                    id: testCase.id, name: testCase.name, category: "rule-activation", outcome: activation))
            results.append(
                ConformanceTestResult(
                    id: testCase.id, name: testCase.name, category: "constraint-satisfaction", outcome: satisfaction))
        }
        return ConformanceReport(suite: "odrl-solidlab", results: results)
    }

    private func runCase(_ id: String, _ files: [String: String], _ cache: inout [String: Dataset])
        -> (ConformanceOutcome, ConformanceOutcome)
    {
        do {
            guard let policyPath = files["policySource"], let requestPath = files["requestSource"],
                let sotwPath = files["sotwSource"], let expectedPath = files["expectedReportSource"]
            else { return (.failed("index.ttl lacks a source for the test case"), .failed("index.ttl lacks a source")) }
            let policyData = try load(policyPath, &cache)
            let testData = try load(expectedPath, &cache)
            let reader = PolicyReader(strict: false)
            let expected = try ExpectedReport(testData, testCase: id)
            let policies = try reader.policies(in: policyData)
            guard let policy = policies.first(where: { $0.uid == expected.policy }) ?? policies.first else {
                throw ODRLSuiteError(message: "\(policyPath) holds no policy")
            }
            guard
                let requestPolicy = try reader.policies(in: try load(requestPath, &cache)).first(where: {
                    $0.kind == .request
                })
            else { throw ODRLSuiteError(message: "\(requestPath) holds no odrl:Request") }
            let request = try EvaluationRequest(request: requestPolicy)
            let state = try StateOfTheWorld(solidLab: try load(sotwPath, &cache), related: policyData)
            let report = PolicyEvaluator().evaluate(policy: policy, request: request, state: state)
            var activation = expected.compareActivation(report)
            // The fast decision path must agree with the full report on every case.
            let decision = CompiledPolicy(policy).decide(request, in: state)
            if decision != report.decision {
                activation.append("the compiled decision is \(decision.rawValue), the report's \(report.decision.rawValue)")
            }
            let satisfaction = activation.isEmpty ? expected.compareSatisfaction(report) : activation
            return (
                activation.isEmpty ? .passed : .failed(activation.joined(separator: "; ")),
                satisfaction.isEmpty ? .passed : .failed(satisfaction.joined(separator: "; "))
            )
        } catch {
            return (.failed("\(error)"), .failed("\(error)"))
        }
    }

    private func load(_ path: String, _ cache: inout [String: Dataset]) throws(ODRLSuiteError) -> Dataset {
        if let dataset = cache[path] { return dataset }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ODRLSuiteError(message: "cannot read \(path)")
        }
        do {
            let dataset = try TurtleParser().parse([UInt8](data))
            cache[path] = dataset
            return dataset
        } catch {
            throw ODRLSuiteError(message: "\(path): \(error)")
        }
    }
}

/// The parts of an expected SolidLab compliance report that the comparisons use.
struct ExpectedReport {
    struct RuleEntry {
        var rule: String
        var kind: String
        var ruleRequest: String?
        var attempt: String?
        var activation: String?
    }

    var policy: String?
    var request: String?
    var rules: [RuleEntry] = []
    /// Constraint IRI → expected satisfaction (`Satisfied` / `Unsatisfied`).
    var constraints: [String: String] = [:]

    init(_ data: Dataset, testCase: String) throws(ODRLSuiteError) {
        let r = ODRLSuite.report
        var edges: [Term: [String: [Term]]] = [:]
        for quad in data.quads {
            guard case .iri(let p) = quad.predicate else { continue }
            edges[quad.subject, default: [:]][p, default: []].append(quad.object)
        }
        func objects(_ s: Term, _ p: String) -> [Term] { edges[s]?[p] ?? [] }
        func one(_ s: Term, _ p: String) -> String? { objects(s, p).first?.iriValue }
        func local(_ iri: String?) -> String? { iri.map { $0.hasPrefix(r) ? String($0.dropFirst(r.count)) : $0 } }
        guard let reportNode = objects(.iri(testCase), ODRLSuite.ex + "expectedReport").first else {
            throw ODRLSuiteError(message: "the test case <\(testCase)> has no ex:expectedReport")
        }
        policy = one(reportNode, r + "policy")
        request = one(reportNode, r + "policyRequest")
        for node in objects(reportNode, r + "ruleReport") {
            guard let rule = one(node, r + "rule") else { throw ODRLSuiteError(message: "a rule report names no rule") }
            let kind = objects(node, Vocabulary.rdfType).compactMap { local($0.iriValue) }.first ?? "?"
            rules.append(
                RuleEntry(
                    rule: rule, kind: kind, ruleRequest: one(node, r + "ruleRequest"),
                    attempt: local(one(node, r + "attemptState")),
                    activation: local(one(node, r + "activationState"))))
        }
        for (subject, properties) in edges
        where properties[Vocabulary.rdfType]?.contains(.iri(r + "ConstraintReport")) == true {
            guard let constraint = one(subject, r + "constraint"),
                let state = local(one(subject, r + "satisfactionState"))
            else {
                continue
            }
            constraints[constraint] = state
        }
    }

    /// Differences in policy/request references and rule activation; empty when equal.
    func compareActivation(_ report: ComplianceReport) -> [String] {
        var diffs: [String] = []
        if let policy, policy != report.policyUID { diffs.append("policy <\(report.policyUID)>, expected <\(policy)>") }
        if let request, request != report.requestUID {
            diffs.append("request \(report.requestUID ?? "none"), expected <\(request)>")
        }
        if rules.count != report.rules.count {
            diffs.append("\(report.rules.count) rule reports, expected \(rules.count)")
        }
        for entry in rules {
            guard let ours = report.rules.first(where: { $0.ruleUID == entry.rule }) else {
                diffs.append("no report for the rule <\(entry.rule)>")
                continue
            }
            let kind =
                ours.kind == .permission
                ? "PermissionReport" : ours.kind == .prohibition ? "ProhibitionReport" : "DutyReport"
            if kind != entry.kind { diffs.append("<\(entry.rule)> reported as \(kind), expected \(entry.kind)") }
            if let expected = entry.ruleRequest, expected != ours.requestRuleUID {
                diffs.append(
                    "<\(entry.rule)> matched request rule \(ours.requestRuleUID ?? "none"), expected <\(expected)>")
            }
            let attempt = ours.attempted ? "Attempted" : "NotAttempted"
            if let expected = entry.attempt, expected != attempt {
                diffs.append("<\(entry.rule)> \(attempt), expected \(expected)")
            }
            let activation = ours.active ? "Active" : "Inactive"
            if let expected = entry.activation, expected != activation {
                diffs.append(
                    "<\(entry.rule)> \(activation) (\(ours.reasons.joined(separator: "; "))), expected \(expected)")
            }
        }
        return diffs
    }

    /// Differences in constraint satisfaction; empty when equal.
    func compareSatisfaction(_ report: ComplianceReport) -> [String] {
        var ours: [String: Bool] = [:]
        for rule in report.rules {
            for constraint in rule.constraints.flatMap(\.flattened) {
                if let uid = constraint.uid { ours[uid] = constraint.satisfied }
            }
        }
        var diffs: [String] = []
        for (constraint, state) in constraints.sorted(by: { $0.key < $1.key }) {
            guard let satisfied = ours[constraint] else {
                diffs.append("no report for the constraint <\(constraint)>")
                continue
            }
            let mine = satisfied ? "Satisfied" : "Unsatisfied"
            if mine != state { diffs.append("constraint <\(constraint)> \(mine), expected \(state)") }
        }
        return diffs
    }
}

/// Why the ODRL suite could not be run or a test case could not be read (what, where).
public struct ODRLSuiteError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
