import Hummingbird
import Logging

/// Runs a node's HTTP server until the process is asked to stop (SIGINT, SIGTERM).
public enum NodeServer {
    /// Serves `endpoints` on `host:port`; `onReady` gets the bound port (useful with port 0).
    public static func run(
        endpoints: NodeEndpoints, host: String, port: Int, logLevel: Logger.Level = .info,
        onReady: (@Sendable (Int) async -> Void)? = nil
    ) async throws {
        var logger = Logger(label: "espace")
        logger.logLevel = logLevel
        let app = Application(
            router: NodeRouter.router(for: endpoints),
            configuration: .init(address: .hostname(host, port: port), serverName: "espace"),
            onServerRunning: { channel in await onReady?(channel.localAddress?.port ?? port) },
            logger: logger)
        try await app.runService()
    }
}
