import EspacePolicy
import EspaceRDF
import Testing

/// Agreement versus offer, by meaning.
@Suite("Agreement matches offer")
struct PolicyMatcherTests {
    static let prefixes = """
        @prefix odrl: <http://www.w3.org/ns/odrl/2/>. @prefix ex: <http://example.org/>.
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#>.

        """

    static func policy(_ turtle: String) throws -> Policy {
        try #require(try PolicyReader().policies(in: try TurtleParser().parse(prefixes + turtle)).first)
    }

    static let offer = """
        ex:offer a odrl:Offer; odrl:assigner ex:provider; odrl:target ex:dataset;
          odrl:permission [ odrl:action odrl:use;
            odrl:constraint [ odrl:leftOperand odrl:purpose; odrl:operator odrl:isAnyOf; odrl:rightOperand ex:research, ex:teaching ],
                            [ odrl:leftOperand odrl:dateTime; odrl:operator odrl:lt; odrl:rightOperand "2030-01-01T00:00:00Z"^^xsd:dateTime ];
            odrl:duty [ odrl:action odrl:compensate; odrl:constraint [ odrl:leftOperand odrl:payAmount; odrl:operator odrl:eq; odrl:rightOperand 5.00 ] ] ];
          odrl:prohibition [ odrl:action odrl:distribute ].
        """

    @Test func anAgreementSayingTheSameInOtherWordsMatches() throws {
        // Other identifiers, constraint and value order, lexical forms, and a named assignee.
        let agreement = try Self.policy(
            """
            <urn:uuid:agreement-1> a odrl:Agreement; odrl:assigner ex:provider; odrl:assignee ex:consumer;
              odrl:prohibition [ odrl:action odrl:distribute; odrl:target ex:dataset ];
              odrl:permission [ odrl:action odrl:use; odrl:target ex:dataset;
                odrl:duty [ odrl:action odrl:compensate; odrl:constraint [ odrl:leftOperand odrl:payAmount; odrl:operator odrl:eq; odrl:rightOperand "5.0"^^xsd:decimal ] ];
                odrl:constraint [ odrl:leftOperand odrl:dateTime; odrl:operator odrl:lt; odrl:rightOperand "2030-01-01T01:00:00+01:00"^^xsd:dateTime ],
                                [ odrl:leftOperand odrl:purpose; odrl:operator odrl:isAnyOf; odrl:rightOperand ex:teaching, ex:research ] ].
            """)
        let differences = PolicyMatcher().differences(agreement: agreement, offer: try Self.policy(Self.offer))
        #expect(differences.isEmpty, "\(differences)")
    }

    @Test func everyChangeOfMeaningIsReported() throws {
        let offer = try Self.policy(Self.offer)
        let changes: [(String, String)] = [
            ("ex:research, ex:teaching", "ex:research"),  // a purpose dropped
            ("odrl:lt; odrl:rightOperand \"2030", "odrl:lteq; odrl:rightOperand \"2030"),  // another operator
            ("\"2030-01-01T00:00:00Z\"", "\"2031-01-01T00:00:00Z\""),  // a later date
            ("odrl:rightOperand 5.00", "odrl:rightOperand 4.99"),  // a lower price
            ("odrl:prohibition [ odrl:action odrl:distribute ].", "."),  // a prohibition dropped
            ("odrl:assigner ex:provider", "odrl:assigner ex:someoneElse"),  // another assigner
            ("odrl:target ex:dataset", "odrl:target ex:otherDataset"),  // another asset
        ]
        for (from, to) in changes {
            let text = Self.offer.replacingOccurrences(of: from, with: to)
                .replacingOccurrences(of: "ex:offer a odrl:Offer", with: "ex:agreement a odrl:Agreement; odrl:assignee ex:consumer")
            #expect(text != Self.offer, "the change \(from) did not apply")
            let agreement = try Self.policy(text.hasSuffix("..") ? String(text.dropLast()) : text)
            #expect(!PolicyMatcher().matches(agreement: agreement, offer: offer), "\(from) → \(to) was not noticed")
        }
    }

    @Test func differencesSayWhichRule() throws {
        let agreement = try Self.policy(
            "ex:a a odrl:Agreement; odrl:assigner ex:provider; odrl:assignee ex:consumer; odrl:target ex:dataset; odrl:permission [ odrl:action odrl:read ].")
        let messages = PolicyMatcher().differences(agreement: agreement, offer: try Self.policy(Self.offer)).map(\.message)
        #expect(messages.contains("permission 0 (read on <http://example.org/dataset>) is not in the offer"))
        #expect(messages.contains { $0.hasPrefix("the offer's prohibition (distribute") })
    }
}
