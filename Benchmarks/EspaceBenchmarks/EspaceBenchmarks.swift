import Foundation

/// `EspaceBenchmarks [--data DIR] [--shared DIR] [--budget SECONDS | --iterations N] [--filter TEXT]… [--list]`
///
/// Times Espace's JSON, JSON-LD, RDF and credential-verification operations and prints one JSON line per benchmark:
/// `{"name":…,"impl":"espace","iterations":…,"median_us":…,"ops_per_s":…}`. Build it in
/// release mode; Benchmarks/run.sh runs it beside the Python peers and prints the ratios.
@main
struct EspaceBenchmarks {
    /// A synchronous `main` that waits for the benchmarks, run in a detached task. (An
    /// `async main` parks the main thread in libdispatch's signal loop, which valgrind 3.19
    /// cannot follow: callgrind crashes at exit.)
    static func main() {
        let arguments = CommandLine.arguments
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            await run(arguments)
            done.signal()
        }
        done.wait()
    }

    /// Parses the arguments and runs the benchmarks. Nonisolated (unlike `main`, which runs
    /// on the main actor), so the async operations it times run on one executor, without a
    /// hop per call.
    nonisolated static func run(_ commandLine: [String]) async {
        var data: String?
        var shared: String?
        var filters: [String] = []
        var runner = BenchmarkRunner()
        var listOnly = false
        var arguments = commandLine.dropFirst().makeIterator()
        while let argument = arguments.next() {
            switch argument {
            case "--data": data = arguments.next()
            case "--shared": shared = arguments.next()
            case "--filter": if let text = arguments.next() { filters.append(text) }
            case "--budget": runner.budget = arguments.next().flatMap(Double.init) ?? runner.budget
            case "--iterations": runner.fixedIterations = arguments.next().flatMap(Int.init)
            case "--list": listOnly = true
            default:
                fail(
                    "unknown argument \(argument)\nusage: EspaceBenchmarks [--data DIR] [--shared DIR] [--budget SECONDS | --iterations N] [--filter TEXT]... [--list]"
                )
            }
        }

        let inputs = BenchmarkInputs(shared: shared, data: data)
        var benchmarks = JSONBenchmarks.all(inputs)
        do {
            benchmarks += try JSONLDBenchmarks.all(inputs)
            benchmarks += try RDFBenchmarks.all(inputs)
            benchmarks += try CredentialBenchmarks.all(inputs)
            benchmarks += try PolicyBenchmarks.all(inputs)
            benchmarks += try SHACLBenchmarks.all(inputs)
        } catch {
            fail("cannot prepare the benchmarks: \(error)")
        }
        if !filters.isEmpty {
            benchmarks = benchmarks.filter { benchmark in filters.contains { benchmark.name.contains($0) } }
        }
        if listOnly {
            for benchmark in benchmarks { print(benchmark.name) }
            return
        }
        var failed = false
        for benchmark in benchmarks {
            await benchmark.check?()
            do {
                let result = try await runner.measure(benchmark)
                FileHandle.standardOutput.write(Data((result.jsonLine + "\n").utf8))
            } catch {
                failed = true
                FileHandle.standardError.write(Data("error: \(benchmark.name): \(error)\n".utf8))
            }
        }
        FileHandle.standardError.write(Data("checksum \(runner.sink)\n".utf8))
        if failed { exit(1) }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        exit(2)
    }
}
