import ArgumentParser

/// `espace policy`: ODRL 2.2 policy tools.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "ODRL 2.2 policies: validate, explain, evaluate, compare.",
        subcommands: [PolicyValidateCommand.self, PolicyExplainCommand.self, PolicyEvalCommand.self, PolicyEnforceCommand.self, PolicyCompareCommand.self]
    )
}
