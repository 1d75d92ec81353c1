import EspaceJSON
import EspaceJSONLD
import EspacePolicy
import EspaceRDF
import EspaceTestSupport
import Testing

@Suite("ODRL policies read from JSON and JSON-LD")
struct PolicyDocumentTests {
    static let dspExamples = "protocols/dataspace-protocol/artifacts/src/main/resources"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"

    static func dsp(_ path: String) throws -> [UInt8] {
        try SharedFixtures.bytes(dspExamples + "/" + path)
    }

    static func json(_ text: String) throws -> [Policy] {
        try PolicyDocument.policies(fromJSON: Array(text.utf8))
    }

    @Test func everyPolicyInTheDSPExamplesReads() throws {
        var found: [String: Int] = [:]
        var examples = 0
        for folder in ["catalog", "negotiation", "transfer", "common"] {
            for file in try SharedFixtures.files(
                under: Self.dspExamples + "/" + folder + "/example", suffixes: [".json"])
            {
                examples += 1
                // Only files whose JSON holds an ODRL policy type are expected to yield one.
                let text = String(decoding: file.bytes, as: UTF8.self)
                let expected = ["\"Offer\"", "\"Agreement\""].reduce(0) {
                    $0 + text.components(separatedBy: $1).count - 1
                }
                guard expected > 0 else { continue }
                let policies = try PolicyDocument.policies(fromJSON: file.bytes)
                #expect(policies.count == expected, "\(file.name)")
                #expect(
                    policies.allSatisfy { !$0.rules.isEmpty && $0.rules.allSatisfy { $0.action != nil } },
                    "\(file.name)")
                found[folder + file.name] = policies.count
            }
        }
        #expect(examples == 27)
        #expect(found.count == 8, "\(found.keys.sorted())")
        #expect(found.values.reduce(0, +) == 8)
    }

    @Test func theFullDSPAgreementReadsAsWritten() throws {
        let policy = try #require(
            try PolicyDocument.policies(
                fromJSON: try Self.dsp("negotiation/example/contract-agreement-message-full.json")
            ).first)
        #expect(policy.uid == "urn:uuid:e8dc8655-44c2-46ef-b701-4cffdc2faa44")
        #expect(policy.kind == .agreement)
        #expect(policy.profiles == ["https://test.com/profile"])
        #expect(policy.permissions.count == 7)
        #expect(
            policy.permissions.allSatisfy {
                $0.assigner?.iri == "http://example.com/Provider" && $0.assignee?.iri == "http://example.com/Consumer"
                    && $0.target?.iri == "urn:uuid:3dd1add4-4d2d-569e-d634-8394a8836d23"
                    && $0.action?.iri == ODRL.iri("use")
            })
        // DSP's bare "dateTime" (defined by no context) reads as the ODRL left operand.
        #expect(
            policy.permissions[0].constraints == [
                .atomic(
                    AtomicConstraint(
                        leftOperand: ODRL.iri("dateTime"), operator: .lteq,
                        rightOperand: [.literal("2023-12-31T06:00Z", datatype: Self.xsd + "string")]))
            ])
        let operands = policy.permissions[1...].compactMap { rule -> LogicalConstraint.Operand? in
            if case .logical(let logical)? = rule.constraints.first { return logical.operand }
            return nil
        }
        #expect(operands == [.and, .or, .andSequence, .xone, .or])
        guard case .logical(let nested)? = policy.permissions[6].constraints.first,
            case .logical(let inner) = nested.constraints[0]
        else {
            Issue.record("no nested logical constraint")
            return
        }
        #expect(inner.operand == .and && inner.constraints.count == 2)
    }

    @Test func anEmbeddedPolicyReadsWithTheMessageContext() throws {
        for (file, member) in [
            ("negotiation/example/contract-offer-message.json", "offer"),
            ("negotiation/example/contract-request-message_initial.json", "offer"),
            ("negotiation/example/contract-agreement-message.json", "agreement"),
        ] {
            let message = try JSONParser().parse(try Self.dsp(file))
            let embedded = try PolicyDocument.policy(
                fromJSONLD: try #require(message[member]), context: try #require(message["@context"]))
            let whole = try PolicyDocument.policies(fromJSON: message)
            #expect(whole == [embedded], "\(file)")
        }
    }

    @Test func aCatalogOfferTargetsItsDataset() throws {
        let policy = try #require(
            try PolicyDocument.policies(fromJSON: try Self.dsp("catalog/example/dataset.json")).first)
        #expect(policy.kind == .offer)
        #expect(policy.permissions.first?.target?.iri == "urn:uuid:3afeadd8-ed2d-569e-d634-8394a8836d57")
        guard case .atomic(let spatial)? = policy.permissions.first?.constraints.first else {
            Issue.record("no constraint")
            return
        }
        #expect(spatial.leftOperand == ODRL.iri("spatial") && spatial.operator == .eq)
        #expect(spatial.rightOperand == [.literal("_:EU", datatype: Self.xsd + "string")])
    }

    /// IM §2.1: a Set with a uid, one permission (the W3C context's `uid` is `@id`).
    @Test func w3cContextSetPolicy() throws {
        let policy = try #require(
            try Self.json(
                """
                { "@context": "http://www.w3.org/ns/odrl.jsonld", "@type": "Set", "uid": "http://example.com/policy:1010",
                  "permission": [{ "target": "http://example.com/asset:9898.movie", "action": "use" }] }
                """
            ).first)
        #expect(
            policy
                == Policy(
                    uid: "http://example.com/policy:1010", kind: .set,
                    permissions: [
                        Rule(
                            .permission, action: Action(ODRL.iri("use")),
                            target: Asset("http://example.com/asset:9898.movie"))
                    ]))
    }

    /// An Offer with a duty to pay (IM §2.6) and a prohibition; the same policy in Turtle reads equal.
    @Test func w3cContextOfferEqualsItsTurtle() throws {
        let fromJSON = try Self.json(
            """
            { "@context": "http://www.w3.org/ns/odrl.jsonld", "@type": "Offer", "uid": "http://example.com/policy:88",
              "profile": "http://example.com/odrl:profile:09", "assigner": "http://example.com/assigner:sony",
              "target": "http://example.com/music/1999.mp3",
              "permission": [{ "action": "play",
                  "duty": [{ "action": "compensate",
                             "constraint": [{ "leftOperand": "payAmount", "operator": "eq",
                                              "rightOperand": { "@value": "5.00", "@type": "xsd:decimal" },
                                              "unit": "http://dbpedia.org/resource/Euro" }] }] }],
              "prohibition": [{ "action": "distribute" }] }
            """)
        let fromTurtle = try PolicyDocument.policies(
            fromTurtle: Array(
                """
                @prefix odrl: <http://www.w3.org/ns/odrl/2/>. @prefix xsd: <http://www.w3.org/2001/XMLSchema#>.
                <http://example.com/policy:88> a odrl:Offer; odrl:profile <http://example.com/odrl:profile:09>;
                  odrl:assigner <http://example.com/assigner:sony>; odrl:target <http://example.com/music/1999.mp3>;
                  odrl:permission [ odrl:action odrl:play; odrl:duty [ odrl:action odrl:compensate;
                      odrl:constraint [ odrl:leftOperand odrl:payAmount; odrl:operator odrl:eq; odrl:rightOperand "5.00"^^xsd:decimal;
                                        odrl:unit <http://dbpedia.org/resource/Euro> ] ] ];
                  odrl:prohibition [ odrl:action odrl:distribute ].
                """.utf8))
        #expect(fromJSON == fromTurtle)
        guard case .atomic(let payment)? = fromJSON.first?.permissions.first?.duties.first?.constraints.first else {
            Issue.record("no payment constraint")
            return
        }
        #expect(payment.unit == "http://dbpedia.org/resource/Euro")
    }

    /// The W3C context maps `neq` to `odrl:neg` (a typo): it reads as `neq`. Its `dataType`
    /// (mapped to `odrl:datatype`, typed `xsd:anyType`) reads as the `dataType` IRI.
    @Test func theW3CContextTypoIsUndone() throws {
        // The bundled context is the W3C file unchanged, typo included.
        let bundled = try #require(BundledContexts.document(for: PolicyDocument.odrlContextURL))
        #expect(bundled.document["@context"]?["neq"] == "odrl:neg")
        let policy = try #require(
            try Self.json(
                """
                { "@context": "http://www.w3.org/ns/odrl.jsonld", "@type": "Set", "uid": "http://example.com/p",
                  "permission": [{ "target": "http://example.com/t", "action": "use",
                     "constraint": [{ "leftOperand": "count", "operator": "neq", "rightOperand": "3", "dataType": "xsd:integer" }] }] }
                """
            ).first)
        guard case .atomic(let constraint)? = policy.permissions.first?.constraints.first else {
            Issue.record("no constraint")
            return
        }
        #expect(constraint.operator == .neq)
        #expect(constraint.dataType == Self.xsd + "integer")
    }

    /// IM §2.4 party collections with refinements, and a logical constraint (`xone` as a list).
    @Test func logicalConstraintsAndCollectionsInFullJSONLD() throws {
        let policy = try #require(
            try Self.json(
                """
                { "@context": "http://www.w3.org/ns/odrl.jsonld", "@type": "Agreement", "uid": "http://example.com/a1",
                  "assigner": "http://example.com/org:xyz",
                  "assignee": { "@type": "PartyCollection", "source": "http://example.com/team:A",
                     "refinement": [{ "leftOperand": "foaf:age", "operator": "gt", "rightOperand": 17 }] },
                  "permission": [{ "target": "http://example.com/book/1999", "action": "reproduce",
                     "constraint": [{ "xone": { "@list": [
                        { "leftOperand": "media", "operator": "eq", "rightOperand": { "@id": "http://example.com/print" } },
                        { "leftOperand": "media", "operator": "eq", "rightOperand": { "@id": "http://example.com/online" } } ] } }] }] }
                """
            ).first)
        let rule = try #require(policy.permissions.first)
        #expect(rule.assignee?.iri == "http://example.com/team:A")
        #expect(rule.assignee?.isCollection == true)
        #expect(
            rule.assignee?.refinements == [
                .atomic(
                    AtomicConstraint(
                        leftOperand: "http://xmlns.com/foaf/0.1/age", operator: .gt,
                        rightOperand: [.literal("17", datatype: Self.xsd + "integer")]))
            ])
        guard case .logical(let xone)? = rule.constraints.first else {
            Issue.record("no logical constraint")
            return
        }
        #expect(xone.operand == .xone)
        #expect(xone.constraints.count == 2)
    }

    @Test func documentsThatAreNotPoliciesAreRefusedWithWhy() throws {
        let cases: [(String, String)] = [
            ("[1]", "must be a JSON object"),
            ("{\"@type\": \"Set\"}", "has no @context"),
            (
                "{\"@context\": \"https://w3id.org/dspace/2025/1/context.jsonld\", \"@type\": \"CatalogError\"}",
                "holds no ODRL policy"
            ),
            ("{\"@context\": \"http://example.com/unknown.jsonld\", \"@type\": \"Set\"}", "could not be converted"),
            ("{ not json", "not valid JSON"),
            (
                "{\"@context\": \"http://www.w3.org/ns/odrl.jsonld\", \"@type\": \"Set\", \"uid\": \"http://ex.org/p\", \"permission\": [{\"target\": \"http://ex.org/t\", \"action\": \"use\", \"constriant\": [{\"leftOperand\": \"count\", \"operator\": \"lt\", \"rightOperand\": 3}]}]}",
                "uses odrl:constriant, which is no ODRL 2.2 property"
            ),
            (
                "{\"@context\": \"https://w3id.org/dspace/2025/1/context.jsonld\", \"@type\": \"Agremeent\", \"@id\": \"urn:p\", \"permission\": [{\"action\": \"use\"}]}",
                "<urn:p> is typed odrl:Agremeent, which is no ODRL 2.2 class"
            ),
        ]
        for (text, expected) in cases {
            do {
                _ = try Self.json(text)
                Issue.record("accepted: \(text)")
            } catch let error as PolicyError {
                #expect(error.message.contains(expected), "\(error.message)")
            }
        }
    }
}
