import ArgumentParser

@main
struct Espace: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "espace",
        abstract: "Espace: an open-source data space node and toolkit.",
        version: EspaceVersion.current,
        subcommands: [
            JSONLDCommand.self,
            RDFCommand.self,
            ConformanceCommand.self,
            JSONCommand.self,
            CACommand.self,
            KeyCommand.self,
            DIDCommand.self,
        ]
    )
}
