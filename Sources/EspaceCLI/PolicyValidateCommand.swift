import ArgumentParser
import EspaceJSON
import EspacePolicy
import Foundation

/// `espace policy validate FILE [--format json|turtle] [--json]`.
struct PolicyValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check ODRL policies against the Information Model and the ODRL 2.2 vocabulary.",
        discussion: """
            Reports errors (the policy breaks an ODRL rule, or a rule would fail closed: unknown \
            action, left operand or operator, values the operator cannot compare) and warnings, each \
            with its place in the atomic policy. Exits 1 if there is an error or the file cannot be read.
            """)

    @Argument(help: "The policy file (JSON, JSON-LD or Turtle), or - for standard input.")
    var file: String

    @Option(help: "The input syntax (default: by extension, .ttl is Turtle, else JSON).")
    var format: PolicyFormat?

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(help: "A data space's left-operand registry (JSON), added to Espace's standard one; ODRL left operands in neither are warned about.")
    var registry: String?

    func run() throws {
        let policies = try PolicyInput.policies(file, format)
        var operands = LeftOperandRegistry.standard
        if let registry {
            operands = operands.merging(
                try PolicyEnforceCommand.load(registry) { json throws(PolicyError) in try LeftOperandRegistry(json: json) })
        }
        let validator = PolicyValidator(registry: .enforcing(operands))
        let issues = validator.validate(policies)
        let hasErrors = PolicyValidator.hasErrors(issues)
        if json {
            let report: JSONValue = [
                "valid": .bool(!hasErrors),
                "policies": .array(policies.map { .string($0.uid) }),
                "issues": .array(
                    issues.map {
                        [
                            "severity": .string($0.severity.rawValue), "policy": .string($0.policy),
                            "path": .string($0.path),
                            "message": .string($0.message),
                        ]
                    }),
            ]
            let text = (try? JSONSerializer(options: .init(pretty: true)).serialize(report)) ?? "{}"
            print(text)
        } else {
            let many = policies.count > 1
            for issue in issues {
                print(many ? "\(issue.policy): \(issue)" : issue.description)
            }
            let errors = issues.filter { $0.severity == .error }.count
            let warnings = issues.count - errors
            let verdict = hasErrors ? "invalid" : "valid"
            print(
                "\(policies.count) \(policies.count == 1 ? "policy" : "policies") \(verdict): \(errors) error(s), \(warnings) warning(s)"
            )
        }
        if hasErrors { throw ExitCode(1) }
    }
}
