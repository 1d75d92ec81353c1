import Foundation
import Testing

/// `--allow-remote` against a throwaway HTTP server on the loopback interface.
@Suite("espace jsonld --allow-remote", .serialized)
struct RemoteContextTests {
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        ?? ProcessInfo.processInfo.environment["PATH"].flatMap { path in
            path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }

    /// Serves `folder` on 127.0.0.1 with Python's http.server; `/redirect` answers 302 to `target`.
    final class LoopbackServer {
        let process = Process()
        let port: Int

        init(folder: URL, redirectTarget: String) throws {
            port = Int.random(in: 20_000..<40_000)
            let script = """
                import http.server, functools, sys
                class H(http.server.SimpleHTTPRequestHandler):
                    def do_GET(self):
                        if self.path == "/redirect":
                            self.send_response(302); self.send_header("Location", sys.argv[2]); self.end_headers(); return
                        super().do_GET()
                    def log_message(self, *a): pass
                http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), functools.partial(H, directory=sys.argv[3])).serve_forever()
                """
            process.executableURL = URL(fileURLWithPath: RemoteContextTests.python ?? "python3")
            process.arguments = ["-c", script, String(port), redirectTarget, folder.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Wait until it answers (bounded).
            for _ in 0..<50 {
                if (try? Data(contentsOf: URL(string: "http://127.0.0.1:\(port)/ctx.jsonld")!)) != nil { return }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }

        deinit { process.terminate() }
    }

    @Test(.enabled(if: python != nil))
    func allowListedContextsAreFetchedAndRedirectsOutsideAreRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("espace-remote-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"@context": {"a": "http://example.org/a"}}"#.utf8).write(to: folder.appendingPathComponent("ctx.jsonld"))
        let server = try LoopbackServer(folder: folder, redirectTarget: "http://localhost:1/elsewhere.jsonld")
        let base = "http://127.0.0.1:\(server.port)/"

        let fetched = try CLIRunner.run(
            ["jsonld", "to-rdf", "-", "--allow-remote", base],
            input: Array(#"{"@context": "\#(base)ctx.jsonld", "@id": "http://x/s", "a": 1}"#.utf8))
        #expect(fetched.status == 0, "\(fetched.stderr)")
        #expect(fetched.stdout == "<http://x/s> <http://example.org/a> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n")

        let notListed = try CLIRunner.run(
            ["jsonld", "to-rdf", "-", "--allow-remote", base + "other/"],
            input: Array(#"{"@context": "\#(base)ctx.jsonld", "a": 1}"#.utf8))
        #expect(notListed.status == 1)
        #expect(notListed.stderr.contains("remote loading is not allowed"))

        let redirected = try CLIRunner.run(
            ["jsonld", "to-rdf", "-", "--allow-remote", base],
            input: Array(#"{"@context": "\#(base)redirect", "a": 1}"#.utf8))
        #expect(redirected.status == 1)
        #expect(redirected.stderr.hasPrefix("error: loading remote context failed: "))
        withExtendedLifetime(server) {}
    }
}
