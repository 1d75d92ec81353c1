import EspaceJSON

/// The measurement of one benchmark, printed as one JSON line.
struct BenchmarkResult {
    let name: String
    let implementation: String
    /// Operations timed (samples × batch size), warm-up excluded.
    let iterations: Int
    /// Median time of one operation, in microseconds.
    let medianMicroseconds: Double

    var operationsPerSecond: Double { medianMicroseconds > 0 ? 1_000_000 / medianMicroseconds : 0 }

    /// `{"name":…,"impl":…,"iterations":…,"median_us":…,"ops_per_s":…}`, the format the
    /// Python peers print too.
    var jsonLine: String {
        let object: JSONValue = [
            "name": .string(name),
            "impl": .string(implementation),
            "iterations": .number(JSONNumber(iterations)),
            "median_us": .number(JSONNumber(validatedLexeme: Self.fixed(medianMicroseconds, digits: 3))),
            "ops_per_s": .number(JSONNumber(validatedLexeme: Self.fixed(operationsPerSecond, digits: 2))),
        ]
        return object.jsonText
    }

    /// `value` with `digits` decimals, as a JSON number lexeme.
    static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard scaled < 9e18 else { return JSONNumber.ecmaScriptString(value.rounded()) }
        let whole = Int64(scaled)
        let integer = whole / Int64(scale)
        var fraction = String(whole % Int64(scale))
        fraction = String(repeating: "0", count: digits - fraction.count) + fraction
        return digits == 0 ? String(integer) : "\(integer).\(fraction)"
    }
}
