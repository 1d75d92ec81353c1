import ArgumentParser

/// `espace rdf`: RDF tools.
struct RDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rdf",
        abstract: "RDF tools: canonicalization (RDFC-1.0).",
        subcommands: [RDFCanonicalizeCommand.self]
    )
}
