/// One named operation to time. `run` performs the operation once and returns a number
/// derived from its result (a count or a length), which the runner accumulates so the
/// optimizer cannot drop the work.
struct Benchmark {
    /// How the operation is called: most are synchronous; credential verification is an
    /// `async` API (key resolution may fetch), timed from a nonisolated context so the calls
    /// do not hop between executors.
    enum Body {
        case sync(() throws -> Int)
        case async(() async throws -> Int)
    }

    /// Dotted name shared with the Python peers (`json.parse.alumni`), so results pair up.
    let name: String
    /// Performs the operation once.
    let body: Body
    /// Checks the operation's result once before timing (prints `check …` to standard error).
    var check: (() async -> Void)?

    init(_ name: String, check: (() -> Void)? = nil, run: @escaping () throws -> Int) {
        self.name = name
        self.check = check.map { check in { check() } }
        self.body = .sync(run)
    }

    init(_ name: String, asyncCheck: @escaping () async -> Void, run: @escaping () async throws -> Int) {
        self.name = name
        self.check = asyncCheck
        self.body = .async(run)
    }

    /// Performs the operation `count` times; returns the sum of the results.
    func run(_ count: Int) async throws -> Int {
        var sum = 0
        switch body {
        case .sync(let run):
            for _ in 0..<count { sum &+= try run() }
        case .async(let run):
            for _ in 0..<count { sum &+= try await run() }
        }
        return sum
    }
}
