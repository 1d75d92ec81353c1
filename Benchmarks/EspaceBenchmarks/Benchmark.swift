/// One named operation to time. `run` performs the operation once and returns a number
/// derived from its result (a count or a length), which the runner accumulates so the
/// optimizer cannot drop the work.
struct Benchmark {
    /// Dotted name shared with the Python peers (`json.parse.alumni`), so results pair up.
    let name: String
    /// Performs the operation once.
    let run: () throws -> Int
    /// Checks the operation's result once before timing (prints `check …` to standard error).
    var check: (() -> Void)?

    init(_ name: String, check: (() -> Void)? = nil, run: @escaping () throws -> Int) {
        self.name = name
        self.check = check
        self.run = run
    }
}
