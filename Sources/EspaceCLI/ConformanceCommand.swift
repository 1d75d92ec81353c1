import ArgumentParser

/// `espace conformance`: runs the official conformance suites.
struct ConformanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Run an official conformance test suite and report the results.",
        subcommands: [RDFCanonConformanceCommand.self]
    )
}
