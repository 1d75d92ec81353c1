import EspacePolicy
import EspaceRDF
import EspaceTestSupport
import Testing

@Suite("ODRL policies read from Turtle")
struct PolicyReaderTests {
    static let prefixes = """
        @prefix odrl: <http://www.w3.org/ns/odrl/2/>. @prefix ex: <http://example.org/>.
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#>.

        """

    static func read(_ turtle: String) throws -> [Policy] {
        try PolicyReader().policies(in: try TurtleParser().parse(prefixes + turtle))
    }

    @Test func everySolidLabPolicyAndRequestReads() throws {
        for folder in ["policies", "requests"] {
            let files = try SharedFixtures.files(
                under: "conformance/odrl/solidlab-odrl-test-suite/data/" + folder, suffixes: [".ttl"])
            #expect(files.count == (folder == "policies" ? 21 : 8))
            for file in files {
                let policies = try PolicyReader(strict: false).policies(in: try TurtleParser().parse(file.bytes))
                #expect(policies.count == 1, "\(file.name)")
                #expect(policies.first.map { !$0.rules.isEmpty } == true, "\(file.name)")
            }
        }
    }

    @Test func compactPoliciesAreAtomised() throws {
        let policies = try Self.read(
            """
            ex:p a odrl:Offer; odrl:assigner ex:provider; odrl:target ex:dataset;
                odrl:permission [ odrl:action odrl:read, odrl:distribute ];
                odrl:prohibition [ odrl:action odrl:modify; odrl:target ex:other ].
            """)
        let policy = try #require(policies.first)
        #expect(policy.kind == .offer)
        #expect(policy.permissions.map(\.action?.iri) == [ODRL.iri("read"), ODRL.iri("distribute")])
        #expect(policy.permissions.allSatisfy { $0.target?.iri == "http://example.org/dataset" && $0.assigner?.iri == "http://example.org/provider" })
        #expect(policy.prohibitions.first?.target?.iri == "http://example.org/other")
    }

    @Test func constraintsRefinementsAndLogicalConstraintsRead() throws {
        let policies = try Self.read(
            """
            ex:p a odrl:Agreement; odrl:assigner ex:a; odrl:assignee ex:b;
              odrl:permission [ odrl:target ex:t;
                odrl:action [ rdf:value odrl:print; odrl:refinement [ odrl:leftOperand odrl:resolution; odrl:operator odrl:lteq;
                                                                    odrl:rightOperand 1200; odrl:unit ex:dpi ] ];
                odrl:constraint [ odrl:xone ( [ odrl:leftOperand odrl:purpose; odrl:operator odrl:isAnyOf; odrl:rightOperand ex:research, ex:teaching ]
                                              [ odrl:leftOperand odrl:dateTime; odrl:operator odrl:lt; odrl:rightOperand "2030-01-01"^^xsd:date ] ) ];
                odrl:duty [ odrl:action odrl:compensate; odrl:constraint [ odrl:leftOperand odrl:payAmount; odrl:operator odrl:eq; odrl:rightOperand 5.00 ] ] ].
            """.replacingOccurrences(of: "rdf:value", with: "<http://www.w3.org/1999/02/22-rdf-syntax-ns#value>"))
        let rule = try #require(policies.first?.permissions.first)
        #expect(rule.action?.iri == ODRL.iri("print"))
        guard case .atomic(let refinement)? = rule.action?.refinements.first else {
            Issue.record("no refinement")
            return
        }
        #expect(refinement.operator == .lteq)
        #expect(refinement.unit == "http://example.org/dpi")
        guard case .logical(let logical)? = rule.constraints.first else {
            Issue.record("no logical constraint")
            return
        }
        #expect(logical.operand == .xone)
        #expect(logical.constraints.count == 2)
        if case .atomic(let purpose) = logical.constraints[0] {
            #expect(purpose.rightOperand == [.iri("http://example.org/research"), .iri("http://example.org/teaching")])
        }
        #expect(rule.duties.first?.action?.iri == ODRL.iri("compensate"))
    }

    @Test func unknownOperatorsAreKeptToFailClosed() throws {
        let policies = try Self.read(
            "ex:p a odrl:Set; odrl:permission [ odrl:target ex:t; odrl:action odrl:use; odrl:constraint [ odrl:leftOperand odrl:count; odrl:operator odrl:lessThan; odrl:rightOperand 3 ] ].")
        guard case .atomic(let constraint)? = policies.first?.permissions.first?.constraints.first else {
            Issue.record("no constraint")
            return
        }
        #expect(constraint.operator == .unknown(ODRL.iri("lessThan")))
    }

    @Test func malformedPoliciesAreRefusedWithWhereAndWhy() throws {
        let cases: [(String, String)] = [
            ("ex:p a odrl:Set; odrl:permission [ odrl:target ex:t ].", "has no action"),
            ("ex:p a odrl:Set.", "has no permission"),
            ("ex:p a odrl:Set, odrl:Offer; odrl:permission [ odrl:action odrl:use ].", "several policy kinds"),
            ("ex:p a odrl:Set; odrl:conflict odrl:whatever; odrl:permission [ odrl:action odrl:use ].", "unknown conflict strategy"),
            ("ex:p a odrl:Set; odrl:permission [ odrl:action odrl:use; odrl:constraint [ odrl:operator odrl:eq; odrl:rightOperand 1 ] ].", "no leftOperand"),
            ("ex:p a odrl:Set; odrl:permission [ odrl:action \"use\" ].", "must be an IRI"),
        ]
        for (turtle, expected) in cases {
            do {
                _ = try Self.read(turtle)
                Issue.record("accepted: \(turtle)")
            } catch let error as PolicyError {
                #expect(error.message.contains(expected), "\(error.message)")
            }
        }
    }
}
