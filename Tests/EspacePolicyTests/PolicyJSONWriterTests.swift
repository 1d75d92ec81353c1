import EspaceJSON
import EspacePolicy
import EspaceRDF
import EspaceTestSupport
import Testing

@Suite("ODRL policies written as DSP compact JSON")
struct PolicyJSONWriterTests {
    static func roundTrip(_ policy: Policy, reader: PolicyReader = PolicyReader()) throws -> Policy {
        let document = PolicyJSONWriter().document(policy)
        let text = try JSONSerializer().serialize(document)
        let again = try PolicyDocument.policies(fromJSON: Array(text.utf8), reader: reader)
        #expect(again.count == 1)
        return try #require(again.first)
    }

    @Test func everyDSPExamplePolicyRoundTrips() throws {
        var count = 0
        for folder in ["catalog", "negotiation"] {
            for file in try SharedFixtures.files(
                under: PolicyDocumentTests.dspExamples + "/" + folder + "/example", suffixes: [".json"])
            where String(decoding: file.bytes, as: UTF8.self).contains("\"permission\"") {
                for policy in try PolicyDocument.policies(fromJSON: file.bytes) {
                    #expect(try Self.roundTrip(policy) == policy, "\(file.name)")
                    count += 1
                }
            }
        }
        #expect(count == 8)
    }

    @Test func everySolidLabPolicyRoundTrips() throws {
        let reader = PolicyReader(strict: false)
        let files = try SharedFixtures.files(
            under: "conformance/odrl/solidlab-odrl-test-suite/data/policies", suffixes: [".ttl"])
        #expect(files.count == 21)
        for file in files {
            for policy in try PolicyDocument.policies(fromTurtle: file.bytes, reader: reader) {
                #expect(try Self.roundTrip(policy, reader: reader) == policy, "\(file.name)")
            }
        }
    }

    static let full = Policy(
        uid: "http://example.com/agreement/7", kind: .agreement, profiles: ["http://example.com/profile"],
        inheritFrom: ["http://example.com/parent"], conflict: .prohibit,
        permissions: [
            Rule(
                .permission, uid: "http://example.com/rule/1",
                action: Action(
                    ODRL.iri("print"),
                    refinements: [
                        .atomic(
                            AtomicConstraint(
                                leftOperand: ODRL.iri("resolution"), operator: .lteq,
                                rightOperand: [.literal("1200", datatype: Vocabulary.xsdInteger)],
                                unit: "http://example.com/dpi"))
                    ]),
                target: Asset("http://example.com/data"), assigner: Party("http://example.com/provider"),
                assignee: Party(
                    "http://example.com/members", isCollection: true,
                    refinements: [
                        .atomic(
                            AtomicConstraint(
                                leftOperand: "https://example.com/ds/membership", operator: .eq,
                                rightOperand: [.iri("https://example.com/ds")]))
                    ]),
                constraints: [
                    .logical(
                        LogicalConstraint(
                            .andSequence,
                            [
                                .atomic(
                                    AtomicConstraint(
                                        leftOperand: ODRL.iri("purpose"), operator: .isAnyOf,
                                        rightOperand: [
                                            .iri("http://example.com/research"), .iri("http://example.com/teaching"),
                                        ])),
                                .atomic(
                                    AtomicConstraint(
                                        leftOperand: ODRL.iri("dateTime"), operator: .lt,
                                        rightOperand: [.literal("2030-01-01", datatype: Vocabulary.xsd + "date")])),
                            ])),
                    .atomic(
                        AtomicConstraint(
                            leftOperand: ODRL.iri("language"), operator: .eq,
                            rightOperand: [.literal("Deutsch", datatype: Vocabulary.rdfLangString, language: "de")],
                            status: .literal("x", datatype: Vocabulary.xsdString))),
                ],
                duties: [
                    Rule(
                        .duty, uid: "http://example.com/duty/pay", action: Action(ODRL.iri("compensate")),
                        constraints: [
                            .atomic(
                                AtomicConstraint(
                                    leftOperand: ODRL.iri("payAmount"), operator: .eq,
                                    rightOperand: [.literal("5.00", datatype: Vocabulary.xsd + "decimal")],
                                    dataType: Vocabulary.xsd + "decimal", unit: "http://dbpedia.org/resource/Euro"))
                        ])
                ])
        ],
        prohibitions: [
            Rule(
                .prohibition, action: Action(ODRL.iri("distribute")), target: Asset("http://example.com/data"),
                assigner: Party("http://example.com/provider"),
                assignee: Party(
                    "http://example.com/members", isCollection: true,
                    refinements: [
                        .atomic(
                            AtomicConstraint(
                                leftOperand: "https://example.com/ds/membership", operator: .eq,
                                rightOperand: [.iri("https://example.com/ds")]))
                    ]),
                remedies: [Rule(.duty, action: Action(ODRL.iri("delete")), target: Asset("http://example.com/copy"))])
        ],
        obligations: [
            Rule(
                .duty, action: Action(ODRL.iri("inform")), target: Asset("http://example.com/data"),
                assigner: Party("http://example.com/provider"),
                assignee: Party(
                    "http://example.com/members", isCollection: true,
                    refinements: [
                        .atomic(
                            AtomicConstraint(
                                leftOperand: "https://example.com/ds/membership", operator: .eq,
                                rightOperand: [.iri("https://example.com/ds")]))
                    ]),
                constraints: [
                    .atomic(
                        AtomicConstraint(
                            leftOperand: ODRL.iri("count"), operator: .lteq, rightOperand: [],
                            rightOperandReference: ["http://example.com/limit"]))
                ],
                consequences: [Rule(.duty, action: Action(ODRL.iri("compensate")))])
        ])

    @Test func everyPartOfTheModelRoundTrips() throws {
        #expect(try Self.roundTrip(Self.full) == Self.full)
    }

    @Test func theDSPFormIsWritten() throws {
        let policy = Policy(
            uid: "urn:uuid:1", kind: .offer,
            permissions: [
                Rule(
                    .permission, action: Action(ODRL.iri("use")), target: Asset("urn:uuid:data"),
                    assigner: Party("did:web:provider"),
                    constraints: [
                        .atomic(
                            AtomicConstraint(
                                leftOperand: ODRL.iri("dateTime"), operator: .lteq,
                                rightOperand: [.literal("2030-01-01T00:00:00Z", datatype: Vocabulary.xsd + "dateTime")])
                        )
                    ]),
                Rule(
                    .permission, action: Action(ODRL.iri("read")), target: Asset("urn:uuid:data"),
                    assigner: Party("did:web:provider")),
            ])
        let text = try JSONSerializer(options: .init(sortKeys: true)).serialize(PolicyJSONWriter().document(policy))
        #expect(
            text
                == #"{"@context":["https://w3id.org/dspace/2025/1/context.jsonld","https://w3id.org/dspace/2025/1/odrl-profile.jsonld"],"@id":"urn:uuid:1","@type":"Offer","assigner":"did:web:provider","permission":[{"action":"use","constraint":[{"leftOperand":"odrl:dateTime","operator":"lteq","rightOperand":{"@type":"http://www.w3.org/2001/XMLSchema#dateTime","@value":"2030-01-01T00:00:00Z"}}]},{"action":"odrl:read"}],"target":"urn:uuid:data"}"#
        )
        // As a node embedded in a DSP message, read back with the message's context.
        let node = PolicyJSONWriter().node(policy)
        #expect(node["@context"] == nil)
        #expect(
            try PolicyDocument.policy(fromJSONLD: node, context: ["https://w3id.org/dspace/2025/1/context.jsonld"])
                == policy)
    }

    @Test func aRuleUIDSharedByAtomicRulesIsLeftOut() throws {
        let policies = try PolicyDocument.policies(
            fromTurtle: Array(
                """
                @prefix odrl: <http://www.w3.org/ns/odrl/2/>.
                <http://ex.org/p> a odrl:Set; odrl:permission <http://ex.org/r>.
                <http://ex.org/r> odrl:target <http://ex.org/t>; odrl:action odrl:read, odrl:print.
                """.utf8))
        let policy = try #require(policies.first)
        #expect(policy.permissions.map(\.uid) == ["http://ex.org/r", "http://ex.org/r"])
        var expected = policy
        for index in expected.permissions.indices { expected.permissions[index].uid = nil }
        #expect(try Self.roundTrip(policy) == expected)
    }
}

@Suite("ODRL policies written as Turtle")
struct PolicyTurtleWriterTests {
    static func roundTrip(_ policy: Policy, reader: PolicyReader = PolicyReader()) throws -> Policy {
        let text = PolicyTurtleWriter().turtle([policy])
        let again = try PolicyDocument.policies(fromTurtle: Array(text.utf8), reader: reader)
        #expect(again.count == 1, "\(text)")
        return try #require(again.first)
    }

    @Test func theFullModelAndEverySolidLabAndDSPPolicyRoundTrip() throws {
        #expect(try Self.roundTrip(PolicyJSONWriterTests.full) == PolicyJSONWriterTests.full)
        let reader = PolicyReader(strict: false)
        for file in try SharedFixtures.files(
            under: "conformance/odrl/solidlab-odrl-test-suite/data/policies", suffixes: [".ttl"])
        {
            for policy in try PolicyDocument.policies(fromTurtle: file.bytes, reader: reader) {
                #expect(try Self.roundTrip(policy, reader: reader) == policy, "\(file.name)")
            }
        }
        let agreement = try PolicyDocument.policies(
            fromJSON: try PolicyDocumentTests.dsp("negotiation/example/contract-agreement-message-full.json"))
        #expect(try Self.roundTrip(try #require(agreement.first)) == agreement.first)
    }

    @Test func literalsAndIRIsAreEscaped() throws {
        let policy = Policy(
            uid: "http://example.org/p", kind: .set,
            permissions: [
                Rule(
                    .permission, action: Action(ODRL.iri("use")), target: Asset("http://example.org/données"),
                    constraints: [
                        .atomic(
                            AtomicConstraint(
                                leftOperand: ODRL.iri("purpose"), operator: .eq,
                                rightOperand: [.literal("say \"hi\"\\\n", datatype: Vocabulary.xsdString)]))
                    ])
            ])
        let text = PolicyTurtleWriter().turtle([policy])
        #expect(text.contains(#""say \"hi\"\\\n""#), "\(text)")
        #expect(try Self.roundTrip(policy) == policy)
    }
}
