import EspaceJSON
import EspacePolicy
import Testing

@Suite("Policy enforcement in scopes")
struct PolicyEnforcerTests {
    static let xsd = "http://www.w3.org/2001/XMLSchema#"
    static let espace = LeftOperandRegistry.espace
    static let now = 1_795_953_600.0  // 2026-11-29T12:00:00Z

    static func constraint(_ left: String, _ op: Operator, _ right: PolicyValue...) -> Constraint {
        .atomic(AtomicConstraint(leftOperand: left, operator: op, rightOperand: right))
    }

    static func policy(_ constraints: [Constraint], prohibitions: [Rule] = []) -> Policy {
        Policy(
            uid: "urn:p", kind: .agreement,
            permissions: [Rule(.permission, uid: "urn:r", action: Action(ODRL.iri("use")), target: Asset("urn:d"), constraints: constraints)],
            prohibitions: prohibitions)
    }

    static let member = ParticipantClaims(
        participant: "did:web:consumer.example",
        credentials: [
            .init(
                types: ["VerifiableCredential", "MembershipCredential"], issuer: "did:web:issuer.example",
                subjects: [["id": "did:web:consumer.example", "memberOf": "https://ds.example"]]),
            .init(
                types: ["VerifiableCredential", "gx:LegalPerson"], issuer: "did:web:consumer.example",
                subjects: [["gx:legalAddress": .object(["type": "gx:Address", "gx:countryCode": "BE"])]]),
        ])

    static func context(_ scope: PolicyScope, participant: ParticipantClaims? = member, usage: UsageHistory? = nil) -> EnforcementContext {
        EnforcementContext(scope: scope, action: ODRL.iri("read"), target: "urn:d", participant: participant, now: now, usage: usage)
    }

    static func decide(_ policy: Policy, _ context: EnforcementContext, _ enforcer: PolicyEnforcer = PolicyEnforcer()) -> ComplianceReport.Decision {
        let full = enforcer.explain(policy, in: context).decision
        let fast = enforcer.decide(CompiledPolicy(policy), in: context)
        #expect(full == fast, "the compiled decision differs from the report's")
        return full
    }

    @Test("data space operands are read from verified credentials")
    func credentialOperands() {
        let policy = Self.policy([
            Self.constraint(Self.espace + "memberOf", .eq, .iri("https://ds.example")),
            Self.constraint(Self.espace + "countryOfRegistration", .isAnyOf, .literal("BE", datatype: Self.xsd + "string"), .literal("DE", datatype: Self.xsd + "string")),
            Self.constraint(Self.espace + "participant", .eq, .iri("did:web:consumer.example")),
        ])
        #expect(Self.decide(policy, Self.context(.catalogue)) == .permit)
        // Another participant, no credentials: every claim is missing, so the permission does not apply.
        #expect(Self.decide(policy, Self.context(.catalogue, participant: ParticipantClaims(participant: "did:web:other"))) == .deny)
        #expect(Self.decide(policy, Self.context(.catalogue, participant: nil)) == .deny)
    }

    @Test("an operand the registry does not define fails closed, with the reason")
    func undefinedOperandFailsClosed() throws {
        let policy = Self.policy([Self.constraint("https://elsewhere.example/typo", .eq, .literal("x", datatype: Self.xsd + "string"))])
        #expect(Self.decide(policy, Self.context(.negotiation)) == .deny)
        let report = PolicyEnforcer().explain(policy, in: Self.context(.negotiation))
        let constraint = try #require(report.rules.first?.constraints.first)
        #expect(constraint.reason.contains("not a left operand the data space's registry defines"))
    }

    @Test("usage operands are deferred before the usage scope, and held against the history in it")
    func deferral() throws {
        let policy = Self.policy([Self.constraint(ODRL.iri("count"), .lt, .literal("2", datatype: Self.xsd + "integer"))])
        let history = UsageHistory(agreementTime: Self.now - 86_400, uses: [.init(action: ODRL.iri("read"), time: Self.now - 3_600), .init(action: ODRL.iri("read"), time: Self.now - 60)])
        #expect(Self.decide(policy, Self.context(.negotiation, usage: history)) == .permit)
        let report = PolicyEnforcer().explain(policy, in: Self.context(.negotiation, usage: history))
        #expect(report.rules.first?.constraints.first?.deferred == true)
        #expect(Self.decide(policy, Self.context(.usage, usage: history)) == .deny)
        #expect(Self.decide(policy, Self.context(.usage, usage: UsageHistory(uses: [history.uses[0]]))) == .permit)
        // A prohibition on a deferred operand is not applied in the earlier scope.
        let prohibited = Self.policy(
            [], prohibitions: [Rule(.prohibition, action: Action(ODRL.iri("use")), target: Asset("urn:d"), constraints: [Self.constraint(ODRL.iri("count"), .gteq, .literal("1", datatype: Self.xsd + "integer"))])])
        #expect(Self.decide(prohibited, Self.context(.negotiation, usage: history)) == .permit)
        #expect(Self.decide(prohibited, Self.context(.usage, usage: history)) == .deny)
    }

    @Test("elapsed, metered, interval and delay are computed from the history and the clock")
    func timeMeasures() {
        let history = UsageHistory(
            agreementTime: Self.now - 10 * 86_400,
            uses: [.init(action: ODRL.iri("read"), time: Self.now - 2 * 86_400, duration: 600), .init(action: ODRL.iri("read"), time: Self.now - 3_600, duration: 300)])
        func holds(_ term: String, _ op: Operator, _ duration: String) -> Bool {
            Self.decide(Self.policy([Self.constraint(ODRL.iri(term), op, .literal(duration, datatype: Self.xsd + "duration"))]), Self.context(.usage, usage: history)) == .permit
        }
        #expect(holds("elapsedTime", .lt, "P3D"))
        #expect(!holds("elapsedTime", .lt, "P1D"))
        #expect(holds("meteredTime", .eq, "PT15M"))
        #expect(holds("timeInterval", .gteq, "PT1H"))
        #expect(!holds("timeInterval", .gt, "PT2H"))
        #expect(holds("delayPeriod", .gt, "P9D"))
    }

    @Test("a data space declares its own operands in JSON")
    func declarativeRegistry() throws {
        let json = try JSONParser().parse(Array("""
            {"prefixes": {"ex": "https://ds.example/policy#"},
             "leftOperands": [
               {"id": "ex:tier", "source": "claim", "credentialType": "MembershipCredential", "path": "membership.tier"},
               {"id": "ex:project", "source": "request", "scopes": ["negotiation"]}]}
            """.utf8))
        let registry = try LeftOperandRegistry(json: json)
        #expect(registry.definition("https://ds.example/policy#tier")?.source == .claim(credentialTypes: ["MembershipCredential"], paths: [["membership", "tier"]]))
        let enforcer = PolicyEnforcer(registry: LeftOperandRegistry.standard.merging(registry))
        var claims = Self.member
        claims.credentials[0].subjects[0]["membership"] = .object(["tier": "gold"])
        let policy = Self.policy([Self.constraint("https://ds.example/policy#tier", .eq, .literal("gold", datatype: Self.xsd + "string"))])
        #expect(Self.decide(policy, Self.context(.catalogue, participant: claims), enforcer) == .permit)
        #expect(Self.decide(policy, Self.context(.catalogue), enforcer) == .deny)
        // Without the registry, the operand is unknown and fails closed.
        #expect(Self.decide(policy, Self.context(.catalogue, participant: claims)) == .deny)
    }

    @Test("bad registry files are refused with the place of the error", arguments: [
        (#"[]"#, "must be a JSON object"),
        (#"{"leftOperands": [{"source": "claim"}]}"#, "leftOperands[0] needs an \"id\""),
        (#"{"leftOperands": [{"id": "ex:x", "source": "request"}]}"#, "is not an IRI"),
        (#"{"leftOperands": [{"id": "urn:x", "source": "magic"}]}"#, "leftOperands[0].source \"magic\""),
        (#"{"leftOperands": [{"id": "urn:x", "source": "claim"}]}"#, "needs \"credentialType\" and \"path\""),
        (#"{"leftOperands": [{"id": "urn:x", "source": "request", "scopes": ["everywhere"]}]}"#, "is not a scope"),
        (#"{"leftOperands": [{"id": "urn:x", "source": "request", "datatype": "xsd:hexBinary"}]}"#, "not a datatype the evaluator compares"),
    ])
    func badRegistries(_ text: String, _ expected: String) throws {
        let json = try JSONParser().parse(Array(text.utf8))
        #expect {
            _ = try LeftOperandRegistry(json: json)
        } throws: { error in
            (error as? PolicyError)?.message.contains(expected) == true
        }
    }

    @Test("participant claims and usage histories read from JSON")
    func jsonInputs() throws {
        let claims = try ParticipantClaims(json: try JSONParser().parse(Array(#"{"participant": "did:web:a", "expires": 1, "credentials": [{"id": "urn:c", "types": ["MembershipCredential"], "issuer": "did:web:i", "subjects": [{"memberOf": {"id": "https://ds.example"}}]}]}"#.utf8)))
        #expect(claims.values(types: ["MembershipCredential"], path: ["memberOf"]).count == 1)
        let history = try UsageHistory(json: try JSONParser().parse(Array(#"{"agreementTime": "2026-11-01T00:00:00Z", "uses": [{"action": "read", "time": "2026-11-02T00:00:00Z", "duration": "PT1M"}]}"#.utf8)))
        #expect(history.uses.first?.action == ODRL.iri("read"))
        #expect(history.uses.first?.duration == 60)
        #expect(throws: PolicyError.self) { try UsageHistory(json: try JSONParser().parse(Array(#"{"uses": [{"action": "read", "time": "yesterday"}]}"#.utf8))) }
        #expect(throws: PolicyError.self) { try ParticipantClaims(json: try JSONParser().parse(Array(#"{"credentials": []}"#.utf8))) }
    }
}
