import EspaceServer

/// Nodes served on loopback while a piece of work runs (the demo, onboarding, certification):
/// the servers start, the work runs once they all listen, then they stop.
enum ServingNodes {
    static func whileServing<T: Sendable>(
        _ nodes: [(endpoints: NodeEndpoints, port: Int)], _ work: () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            let ready = AsyncStream<Int>.makeStream()
            for node in nodes {
                group.addTask {
                    try await NodeServer.run(endpoints: node.endpoints, host: "127.0.0.1", port: node.port, logLevel: .critical) { bound in
                        ready.continuation.yield(bound)
                    }
                    return nil
                }
            }
            var started = 0
            for await _ in ready.stream {
                started += 1
                if started == nodes.count { break }
            }
            let result = try await work()
            group.cancelAll()
            return result
        }
    }
}
