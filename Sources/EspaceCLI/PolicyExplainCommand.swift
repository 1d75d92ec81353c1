import ArgumentParser
import EspacePolicy

/// `espace policy explain FILE [--format json|turtle]`.
struct PolicyExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Say in plain English what ODRL policies allow, forbid and require.")

    @Argument(help: "The policy file (JSON, JSON-LD or Turtle), or - for standard input.")
    var file: String

    @Option(help: "The input syntax (default: by extension, .ttl is Turtle, else JSON).")
    var format: PolicyFormat?

    func run() throws {
        print(PolicyExplainer().explain(try PolicyInput.policies(file, format)))
    }
}
