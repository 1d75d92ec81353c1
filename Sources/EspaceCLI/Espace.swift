import ArgumentParser

@main
struct Espace: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "espace",
        abstract: "Espace: an open-source data space node and toolkit.",
        subcommands: [RDFCommand.self, ConformanceCommand.self]
    )
}
