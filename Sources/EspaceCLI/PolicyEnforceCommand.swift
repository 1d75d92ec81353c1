import ArgumentParser
import EspaceJSON
import EspacePolicy
import EspaceRDF
import Foundation

/// `espace policy enforce`: decides a policy in one enforcement scope from what that scope
/// knows (verified participant claims, stated purpose, clock, usage history).
struct PolicyEnforceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enforce",
        abstract: "Decide a policy in a scope (catalogue, negotiation, transfer, usage, monitor).",
        discussion: """
            Left operands are read through the registry: ODRL's run-time ones (dateTime, count,
            elapsedTime, meteredTime, timeInterval, delayPeriod, purpose and the other stated
            ones), Espace's data space ones (espace:participant, espace:memberOf,
            espace:gaiaxLabelLevel, espace:countryOfRegistration, read from the verified
            participant's credentials), and a data space's own (--registry FILE). A constraint
            on an operand the registry does not define fails closed; one on an operand not known
            in the scope is deferred and reported as such. --participant takes the JSON that
            `POST /identity/verify` answers. Exits 0 when permitted, 1 when denied or on bad input.
            """)

    @Option(help: "The policy file (JSON, JSON-LD or Turtle).")
    var policy: String

    @Option(help: "catalogue, negotiation, transfer, usage or monitor.")
    var scope: PolicyScope

    @Option(help: "The action (an ODRL term such as use or read, or an IRI).")
    var action: String = "use"

    @Option(help: "The target asset's IRI.")
    var target: String?

    @Option(help: "The verified participant (JSON: {participant, credentials: [{types, issuer, subjects}]}).")
    var participant: String?

    @Option(name: .customLong("state"), help: "A value the requester states: LEFT-OPERAND=VALUE (IRI or text; repeatable).")
    var stated: [String] = []

    @Option(help: "The usage history (JSON: {agreementTime, uses: [{action, time, duration}]}).")
    var usage: String?

    @Option(help: "The data space's facts (Turtle): collections (odrl:partOf), a taxonomy (rdf:type, skos:broader, rdfs:subClassOf) for isA.")
    var facts: String?

    @Option(help: "A data space's left-operand registry (JSON), added to the standard one.")
    var registry: String?

    @Option(help: "The decision time (xsd:dateTime); default now.")
    var now: String?

    @Option(name: .customLong("parent"), help: "Policies the policy's inheritFrom may name (a file; repeatable).")
    var parents: [String] = []

    @Option(help: "text or json.")
    var format: PolicyEvalCommand.ReportFormat = .text

    func run() throws {
        let policies = try PolicyInput.policies(policy, nil)
        guard policies.count == 1, let given = policies.first else {
            throw CommandFailure.exit("\(policy) holds \(policies.count) policies; give a file with exactly one")
        }
        let evaluated = try PolicyInput.resolvingInheritance(given, parents: parents)
        var enforcer = PolicyEnforcer()
        if let registry {
            enforcer.registry = enforcer.registry.merging(try Self.load(registry) { json throws(PolicyError) in try LeftOperandRegistry(json: json) })
        }
        let clock: Double
        if let now {
            guard let instant = XSDTemporal.dateTime(now) else { throw CommandFailure.exit("--now \(now) is not an xsd:dateTime") }
            clock = instant.secondsSinceEpoch
        } else {
            clock = Date().timeIntervalSince1970
        }
        var context = EnforcementContext(
            scope: scope, action: Self.iri(action), target: target, now: clock)
        if let participant {
            context.participant = try Self.load(participant) { json throws(PolicyError) in try ParticipantClaims(json: json) }
        }
        if let facts {
            do {
                context.facts = try StateOfTheWorld(solidLab: try TurtleParser().parse(try InputSource.read(facts)))
            } catch {
                throw CommandFailure.exit("\(facts): \(error)")
            }
        }
        if let usage {
            context.usage = try Self.load(usage) { json throws(PolicyError) in try UsageHistory(json: json) }
        }
        for statement in stated {
            guard let equals = statement.firstIndex(of: "="), equals != statement.startIndex else {
                throw CommandFailure.exit("--state \(statement): expected LEFT-OPERAND=VALUE")
            }
            let operand = Self.iri(String(statement[..<equals]))
            let text = String(statement[statement.index(after: equals)...])
            let value: PolicyValue = text.contains(":") ? .iri(text) : .literal(text, datatype: "http://www.w3.org/2001/XMLSchema#string")
            context.stated[operand, default: []].append(value)
        }
        let report = enforcer.explain(evaluated, in: context)
        switch format {
        case .json:
            var json = ComplianceReportRendering.json(report)
            if case .object(var object) = json {
                object["scope"] = .string(scope.rawValue)
                json = .object(object)
            }
            print((try? JSONSerializer(options: .init(pretty: true)).serialize(json)) ?? "{}")
        case .text:
            print("Scope: \(scope.rawValue)")
            print(ComplianceReportRendering.text(report), terminator: "")
        }
        if report.decision != .permit { throw ExitCode(1) }
    }

    /// An ODRL term (`read`) or a full IRI.
    static func iri(_ text: String) -> String { text.contains(":") ? text : ODRL.iri(text) }

    static func load<T>(_ path: String, _ read: (JSONValue) throws(PolicyError) -> T) throws -> T {
        do {
            return try read(try JSONParser().parse(try InputSource.read(path)))
        } catch {
            throw CommandFailure.exit("\(path): \(error)")
        }
    }
}

extension PolicyScope: ExpressibleByArgument {}
