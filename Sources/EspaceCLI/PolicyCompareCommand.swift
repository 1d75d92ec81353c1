import ArgumentParser
import EspaceJSON
import EspacePolicy

/// `espace policy compare`: does an agreement say what the offer said?
struct PolicyCompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Check that an agreement (or counter-offer) means the same as its offer.",
        discussion: """
            Compares the two policies by meaning: rule by rule in atomic form, ignoring the order
            of rules, constraints and values, identifiers, and the lexical form of typed values.
            The agreement may name the assignee the offer left open. Prints each difference;
            exits 0 when there is none, 1 otherwise.
            """)

    @Option(help: "The agreement (JSON, JSON-LD or Turtle).")
    var agreement: String

    @Option(help: "The offer it came from.")
    var offer: String

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        func single(_ path: String) throws -> Policy {
            let policies = try PolicyInput.policies(path, nil)
            guard policies.count == 1, let policy = policies.first else {
                throw CommandFailure.exit("\(path) holds \(policies.count) policies; give a file with exactly one")
            }
            return policy
        }
        let differences = PolicyMatcher().differences(agreement: try single(agreement), offer: try single(offer))
        if json {
            let value: JSONValue = ["matches": .bool(differences.isEmpty), "differences": .array(differences.map { .string($0.message) })]
            print((try? JSONSerializer(options: .init(pretty: true)).serialize(value)) ?? "{}")
        } else {
            for difference in differences { print("✘ \(difference)") }
            print(differences.isEmpty ? "The agreement matches the offer." : "The agreement differs from the offer (\(differences.count)).")
        }
        if !differences.isEmpty { throw ExitCode(1) }
    }
}
