import ArgumentParser

@main
struct Espace: AsyncParsableCommand {
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
            DCPCommand.self,
            ServeCommand.self,
            ParticipantCommand.self,
            OfferingCommand.self,
            DemoCommand.self,
            VCCommand.self,
            PolicyCommand.self,
            SHACLCommand.self,
        ]
    )
}
