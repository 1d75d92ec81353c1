import EspacePolicy
import EspaceRDF
import EspaceTestSupport
import Testing

@Suite("ODRL policy validation")
struct PolicyValidatorTests {
    static func issues(_ turtle: String, registry: VocabularyRegistry = .odrl) throws -> [PolicyIssue] {
        let policies = try PolicyDocument.policies(fromTurtle: Array((PolicyReaderTests.prefixes + turtle).utf8))
        return PolicyValidator(registry: registry).validate(policies)
    }

    static func errors(_ issues: [PolicyIssue]) -> [String] {
        issues.filter { $0.severity == .error }.map { "\($0.path): \($0.message)" }
    }

    @Test func aGoodAgreementHasNoIssues() throws {
        let issues = try Self.issues(
            """
            ex:p a odrl:Agreement; odrl:assigner ex:a; odrl:assignee ex:b; odrl:target ex:t;
              odrl:permission [ odrl:action odrl:read;
                odrl:constraint [ odrl:leftOperand odrl:purpose; odrl:operator odrl:isAnyOf; odrl:rightOperand ex:research, ex:teaching ],
                                [ odrl:leftOperand odrl:dateTime; odrl:operator odrl:lt; odrl:rightOperand "2030-01-01"^^xsd:date ];
                odrl:duty [ odrl:action odrl:compensate; odrl:constraint [ odrl:leftOperand odrl:payAmount; odrl:operator odrl:eq;
                                                                          odrl:rightOperand 5.00; odrl:unit ex:EUR ] ] ];
              odrl:prohibition [ odrl:action odrl:distribute ].
            """)
        #expect(issues == [])
    }

    @Test(arguments: [
        (
            "ex:p a odrl:Offer; odrl:target ex:t; odrl:permission [ odrl:action odrl:use ].",
            "assigner: an Offer must have exactly one assigner; found none"
        ),
        (
            "ex:p a odrl:Offer; odrl:assigner ex:a, ex:b; odrl:target ex:t; odrl:permission [ odrl:action odrl:use ].",
            "assigner: an Offer must have exactly one assigner; found http://example.org/a, http://example.org/b"
        ),
        (
            "ex:p a odrl:Agreement; odrl:assigner ex:a; odrl:target ex:t; odrl:permission [ odrl:action odrl:use ].",
            "assignee: an Agreement must have exactly one assignee; found none"
        ),
        (
            "ex:p a odrl:Set; odrl:permission [ odrl:action odrl:use ].",
            "permission[0].target: the permission has no target; a permission must have exactly one"
        ),
        (
            "ex:p a odrl:Set; odrl:prohibition [ odrl:action odrl:use ].",
            "prohibition[0].target: the prohibition has no target; a prohibition must have exactly one"
        ),
        (
            "[] a odrl:Set; odrl:target ex:t; odrl:permission [ odrl:action odrl:use ].",
            "uid: the policy has no uid: ODRL requires exactly one, an IRI"
        ),
        (
            "ex:p a odrl:Set; odrl:target ex:t; odrl:permission [ odrl:action odrl:reed ].",
            "permission[0].action: unknown action <http://www.w3.org/ns/odrl/2/reed>: the rule would fail closed"
        ),
        (
            "ex:p a odrl:Set; odrl:target ex:t; odrl:permission [ odrl:action odrl:use; odrl:constraint [ odrl:leftOperand ex:partner; odrl:operator odrl:eq; odrl:rightOperand \"gold\" ] ].",
            "permission[0].constraint[0].leftOperand: unknown left operand <http://example.org/partner>: the rule would fail closed"
        ),
        (
            "ex:p a odrl:Set; odrl:target ex:t; odrl:permission [ odrl:action odrl:use; odrl:constraint [ odrl:leftOperand odrl:count; odrl:operator odrl:lessThan; odrl:rightOperand 3 ] ].",
            "permission[0].constraint[0].operator: unknown operator <http://www.w3.org/ns/odrl/2/lessThan>: the rule would fail closed"
        ),
        (
            "ex:p a odrl:Set; odrl:target ex:t; odrl:permission [ odrl:action odrl:use; odrl:constraint [ odrl:or ( [ odrl:leftOperand odrl:purpose; odrl:operator odrl:lt; odrl:rightOperand ex:research ] [ odrl:leftOperand odrl:count; odrl:operator odrl:lt; odrl:rightOperand 3 ] ) ] ].",
            "permission[0].constraint[0].or[0].rightOperand: `lt` orders values, but the right operand <http://example.org/research> is an IRI"
        ),
        (
            "ex:p a odrl:Set; odrl:target ex:t; odrl:permission [ odrl:action odrl:use; odrl:constraint [ odrl:leftOperand odrl:count; odrl:operator odrl:lteq; odrl:rightOperand 3, 4 ] ].",
            "permission[0].constraint[0].rightOperand: `lteq` compares with one value; 2 are given"
        ),
        (
            "ex:p a odrl:Set; odrl:target ex:t; odrl:permission [ odrl:action odrl:use; odrl:constraint [ odrl:leftOperand odrl:purpose; odrl:operator odrl:eq; odrl:rightOperand ex:a, ex:b ] ].",
            "permission[0].constraint[0].rightOperand: `eq` compares with one value; 2 are given (use isAnyOf, isAllOf or isNoneOf for a set)"
        ),
        (
            "ex:p a odrl:Set; odrl:target ex:t; odrl:permission [ odrl:action odrl:use; odrl:constraint [ odrl:leftOperand odrl:count; odrl:operator odrl:hasPart; odrl:rightOperand 3 ] ].",
            "permission[0].constraint[0].operator: `hasPart` relates classes or parts, but count is a number, time or duration"
        ),
        (
            "ex:p a odrl:Set; odrl:target ex:t; odrl:permission [ odrl:action odrl:use; odrl:constraint [ odrl:leftOperand odrl:purpose; odrl:operator odrl:isA; odrl:rightOperand \"research\" ] ].",
            "permission[0].constraint[0].rightOperand: `isA` needs a class IRI, but the right operand \"research\" is a literal"
        ),
        (
            "ex:p a odrl:Set; odrl:target ex:t; odrl:permission [ odrl:action odrl:use; odrl:constraint [ odrl:leftOperand odrl:dateTime; odrl:operator odrl:lt; odrl:rightOperand 2030 ] ].",
            "permission[0].constraint[0].rightOperand: dateTime compares with an xsd:date or xsd:dateTime, but \"2030\" is typed <http://www.w3.org/2001/XMLSchema#integer>"
        ),
        (
            "ex:p a odrl:Set; odrl:target ex:t; odrl:permission [ odrl:action odrl:use; odrl:constraint [ odrl:leftOperand odrl:elapsedTime; odrl:operator odrl:lteq; odrl:rightOperand \"2030-01-01\"^^xsd:date ] ].",
            "permission[0].constraint[0].rightOperand: elapsedTime compares with an xsd:duration, but \"2030-01-01\" is typed <http://www.w3.org/2001/XMLSchema#date>"
        ),
        (
            "ex:p a odrl:Set; odrl:target ex:t; odrl:permission [ odrl:action odrl:use; odrl:constraint [ odrl:and () ] ].",
            "permission[0].constraint[0]: the logical constraint `and` has no constraints"
        ),
        (
            "ex:p a odrl:Set; odrl:inheritFrom ex:p; odrl:target ex:t; odrl:permission [ odrl:action odrl:use ].",
            "inheritFrom: the policy inherits from itself"
        ),
    ])
    func informationModelAndFailClosedErrors(turtle: String, expected: String) throws {
        let errors = Self.errors(try Self.issues(turtle))
        #expect(errors.contains(expected), "\(errors)")
    }

    @Test func consequencesAndRemediesAreChecked() throws {
        let policy = Policy(
            uid: "http://example.org/p",
            prohibitions: [
                Rule(
                    .prohibition, action: Action(ODRL.iri("distribute")), target: Asset("http://example.org/t"),
                    remedies: [
                        Rule(
                            .duty, action: Action(ODRL.iri("delete")),
                            consequences: [Rule(.duty, action: Action(ODRL.iri("compensate")))])
                    ])
            ],
            obligations: [
                Rule(
                    .duty, action: Action(ODRL.iri("inform")),
                    consequences: [
                        Rule(
                            .duty, action: Action(ODRL.iri("compensate")),
                            consequences: [Rule(.duty, action: Action(ODRL.iri("delete")))])
                    ])
            ])
        let errors = Self.errors(PolicyValidator().validate(policy))
        #expect(
            errors == [
                "prohibition[0].remedy[0].consequence: a remedy must not point to a duty that has a consequence",
                "obligation[0].consequence[0].consequence: a consequence must not itself have a consequence",
            ])
    }

    @Test func circularInheritanceAmongPolicies() {
        let rule = Rule(.permission, action: Action(ODRL.iri("use")), target: Asset("http://example.org/t"))
        let policies = [
            Policy(uid: "http://example.org/a", inheritFrom: ["http://example.org/b"], permissions: [rule]),
            Policy(uid: "http://example.org/b", inheritFrom: ["http://example.org/c"], permissions: [rule]),
            Policy(uid: "http://example.org/c", inheritFrom: ["http://example.org/a"], permissions: [rule]),
            Policy(uid: "http://example.org/d", inheritFrom: ["http://example.org/a"], permissions: [rule]),
        ]
        let issues = PolicyValidator().validate(policies)
        #expect(issues.map(\.policy) == ["http://example.org/a", "http://example.org/b", "http://example.org/c"])
        #expect(
            issues.first?.message
                == "inheritance is circular: http://example.org/a → http://example.org/b → http://example.org/c → http://example.org/a"
        )
        #expect(PolicyValidator().validate(Array(policies[1...2])).isEmpty)
    }

    @Test func aRegistryMakesDataSpaceTermsKnown() throws {
        let turtle = """
            ex:p a odrl:Set; odrl:target ex:t; odrl:permission [ odrl:action ex:train;
              odrl:constraint [ odrl:leftOperand ex:membership; odrl:operator ex:within; odrl:rightOperand ex:ds ] ].
            """
        #expect(Self.errors(try Self.issues(turtle)).count == 3)
        let registry = VocabularyRegistry(
            actions: ["http://example.org/train"], leftOperands: ["http://example.org/membership"],
            operators: ["http://example.org/within"])
        #expect(try Self.issues(turtle, registry: registry).isEmpty)
    }

    @Test func warningsDoNotMakeAPolicyInvalid() throws {
        let issues = try Self.issues(
            """
            ex:p a odrl:Set; odrl:target ex:t; odrl:permission [ odrl:action odrl:use;
              odrl:constraint [ odrl:leftOperand odrl:dateTime; odrl:operator odrl:lteq; odrl:rightOperand "2023-12-31T06:00Z" ],
                              [ odrl:leftOperand odrl:spatial; odrl:operator odrl:eq; odrl:rightOperand "EU" ],
                              [ odrl:or ( [ odrl:leftOperand odrl:count; odrl:operator odrl:lt; odrl:rightOperand 3 ] ) ];
              odrl:duty [ odrl:action odrl:compensate; odrl:constraint [ odrl:leftOperand odrl:payAmount; odrl:operator odrl:eq; odrl:rightOperand 5.0 ] ] ].
            """)
        #expect(!PolicyValidator.hasErrors(issues))
        #expect(
            issues.map(\.path) == [
                "permission[0].constraint[0].rightOperand", "permission[0].constraint[1].rightOperand",
                "permission[0].constraint[2]",
                "permission[0].duty[0].constraint[0].unit",
            ])
        #expect(issues.allSatisfy { $0.severity == .warning })
    }

    /// What validation says about the DSP examples: the agreement's `partner` operands are not
    /// ODRL's (its rules would fail closed), and the initial contract request's offer has no assigner.
    @Test func theDSPExamples() throws {
        let full = try PolicyDocument.policies(
            fromJSON: try PolicyDocumentTests.dsp("negotiation/example/contract-agreement-message-full.json"))
        let errors = Self.errors(PolicyValidator().validate(full))
        #expect(errors.count == 12)
        #expect(errors.allSatisfy { $0.contains("unknown left operand") })
        let agreement = try PolicyDocument.policies(
            fromJSON: try PolicyDocumentTests.dsp("negotiation/example/contract-agreement-message.json"))
        #expect(!PolicyValidator.hasErrors(PolicyValidator().validate(agreement)))
        let request = try PolicyDocument.policies(
            fromJSON: try PolicyDocumentTests.dsp("negotiation/example/contract-request-message_initial.json"))
        #expect(
            Self.errors(PolicyValidator().validate(request)) == [
                "assigner: an Offer must have exactly one assigner; found none"
            ])
    }
}
