import ArgumentParser

/// `espace conformance`: runs the official conformance suites.
struct ConformanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Run an official conformance suite and report the counts (and EARL).",
        subcommands: [ConformanceJSONLDCommand.self, RDFCanonConformanceCommand.self, ODRLConformanceCommand.self,
            SHACLConformanceCommand.self,
        ])
}
