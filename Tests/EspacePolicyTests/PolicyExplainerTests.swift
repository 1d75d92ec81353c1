import EspacePolicy
import EspaceRDF
import EspaceTestSupport
import Testing

@Suite("ODRL policies explained in plain English")
struct PolicyExplainerTests {
    static func explain(_ turtle: String) throws -> String {
        let policies = try PolicyDocument.policies(fromTurtle: Array((PolicyReaderTests.prefixes + turtle).utf8))
        return PolicyExplainer().explain(policies)
    }

    @Test func anOfferWithConditionsADutyAndAProhibition() throws {
        let text = try Self.explain(
            """
            ex:offer a odrl:Offer; odrl:assigner ex:provider; odrl:target ex:data;
              odrl:permission [ odrl:action odrl:read;
                odrl:constraint [ odrl:leftOperand odrl:purpose; odrl:operator odrl:isAnyOf; odrl:rightOperand ex:research, ex:teaching ],
                                [ odrl:leftOperand odrl:dateTime; odrl:operator odrl:lt; odrl:rightOperand "2030-01-01"^^xsd:date ];
                odrl:duty [ odrl:action odrl:compensate; odrl:constraint [ odrl:leftOperand odrl:payAmount; odrl:operator odrl:eq;
                    odrl:rightOperand 5.00; odrl:unit <http://dbpedia.org/resource/Euro> ] ] ];
              odrl:prohibition [ odrl:action odrl:distribute ].
            """)
        #expect(
            text == """
                Offer http://example.org/offer from http://example.org/provider:
                - Anyone may read http://example.org/data if the purpose is one of http://example.org/research, http://example.org/teaching and the date is before 2030-01-01; must pay 5.00 EUR first.
                - Nobody may distribute http://example.org/data.
                """)
    }

    @Test func anAgreementWithLogicalConstraintsRefinementsAndObligations() throws {
        let text = try Self.explain(
            """
            ex:a a odrl:Agreement; odrl:assigner ex:provider; odrl:assignee ex:consumer; odrl:conflict odrl:perm;
              odrl:permission [ odrl:target ex:report;
                odrl:action [ <http://www.w3.org/1999/02/22-rdf-syntax-ns#value> odrl:print;
                              odrl:refinement [ odrl:leftOperand odrl:resolution; odrl:operator odrl:lteq; odrl:rightOperand 1200; odrl:unit ex:dpi ] ];
                odrl:constraint [ odrl:xone ( [ odrl:leftOperand odrl:spatial; odrl:operator odrl:eq; odrl:rightOperand ex:EU ]
                                              [ odrl:leftOperand odrl:count; odrl:operator odrl:lteq; odrl:rightOperand 10 ] ) ] ];
              odrl:prohibition [ odrl:target ex:report; odrl:action odrl:concurrentUse;
                odrl:remedy [ odrl:action odrl:delete; odrl:target ex:copies ] ];
              odrl:obligation [ odrl:action odrl:delete; odrl:target ex:report;
                odrl:constraint [ odrl:leftOperand odrl:elapsedTime; odrl:operator odrl:gteq; odrl:rightOperand "P30D"^^xsd:duration ];
                odrl:consequence [ odrl:action odrl:compensate; odrl:constraint [ odrl:leftOperand odrl:payAmount; odrl:operator odrl:eq; odrl:rightOperand 100 ] ] ].
            """)
        #expect(
            text == """
                Agreement http://example.org/a from http://example.org/provider to http://example.org/consumer:
                - Where a permission and a prohibition conflict, the permission wins.
                - http://example.org/consumer may print (where the resolution is at most 1200 dpi) http://example.org/report if (exactly one of: the location is http://example.org/EU; the number of uses is at most 10).
                - http://example.org/consumer may not concurrent use http://example.org/report; whoever does must delete http://example.org/copies.
                - http://example.org/consumer must delete http://example.org/report if the elapsed time is at least P30D; otherwise must pay 100.
                """)
    }

    @Test func unknownTermsAreMarkedAndCollectionsNamed() throws {
        let text = try Self.explain(
            """
            ex:s a odrl:Set; odrl:inheritFrom ex:base;
              odrl:permission [ odrl:target [ a odrl:AssetCollection; odrl:source ex:archive ]; odrl:action ex:train;
                odrl:assignee [ a odrl:PartyCollection; odrl:source ex:members;
                                odrl:refinement [ odrl:leftOperand ex:level; odrl:operator odrl:gteq; odrl:rightOperand 2 ] ];
                odrl:constraint [ odrl:and ( [ odrl:leftOperand odrl:dateTime; odrl:operator odrl:gteq; odrl:rightOperand "2026-01-01"^^xsd:date ]
                                             [ odrl:leftOperand odrl:count; odrl:operator odrl:lessThan; odrl:rightOperand 3 ] ) ] ].
            """)
        #expect(
            text == """
                Set http://example.org/s to any member of http://example.org/members (where the http://example.org/level (unknown: fails closed) is at least 2):
                - Inherits every rule of http://example.org/base.
                - Any member of http://example.org/members (where the http://example.org/level (unknown: fails closed) is at least 2) may http://example.org/train (unknown: fails closed) any member of http://example.org/archive if (the date is on or after 2026-01-01 and the number of uses <http://www.w3.org/ns/odrl/2/lessThan> (unknown: fails closed) 3).
                """)
    }

    @Test func theExplanationIsDeterministic() throws {
        let full = PolicyJSONWriterTests.full
        let first = PolicyExplainer().explain(full)
        #expect((0..<5).allSatisfy { _ in PolicyExplainer().explain(full) == first })
        #expect(PolicyExplainer().explain([full, full]) == first + "\n\n" + first)
    }
}
