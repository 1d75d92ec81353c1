/// Times benchmarks with a monotonic clock: a warm-up, then samples of a batch of
/// operations each; reports the median time per operation.
///
/// The Python peers (Benchmarks/peers.py) use the same procedure:
/// 1. warm up: run the operation until `warmup` seconds have passed (at least once);
/// 2. batch: enough operations that one sample lasts at least `minimumSample` seconds;
/// 3. samples: as many as fit in `budget` seconds, between `minimumSamples` and `maximumSamples`;
/// 4. the result is the median over samples of (sample time / batch).
struct BenchmarkRunner {
    var warmup: Double = 0.2
    var budget: Double = 2.0
    var minimumSample: Double = 0.001
    var minimumSamples = 3
    var maximumSamples = 51
    /// When set: one warm-up operation, then exactly this many samples of one operation
    /// (a fixed amount of work, for profilers and instruction counts).
    var fixedIterations: Int?
    /// Accumulates what the operations return, so their work is observable.
    private(set) var sink = 0

    private let clock = ContinuousClock()

    mutating func measure(_ benchmark: Benchmark) async throws -> BenchmarkResult {
        // 1. Warm-up, which also estimates the time of one operation.
        var warmed = 0
        let warmStart = clock.now
        repeat {
            sink &+= try await benchmark.run(1)
            warmed += 1
        } while seconds(clock.now - warmStart) < warmup && fixedIterations == nil
        let estimate = max(seconds(clock.now - warmStart) / Double(warmed), 1e-9)

        // 2-3. Batch size and sample count.
        var batch = max(1, Int((minimumSample / estimate).rounded(.up)))
        let sampleTime = estimate * Double(batch)
        var samples = min(maximumSamples, max(minimumSamples, Int(budget / sampleTime)))
        if let fixedIterations {
            batch = 1
            samples = max(1, fixedIterations)
        }

        // 4. Samples.
        var perOperation: [Double] = []
        perOperation.reserveCapacity(samples)
        for _ in 0..<samples {
            let start = clock.now
            sink &+= try await benchmark.run(batch)
            perOperation.append(seconds(clock.now - start) / Double(batch))
        }
        perOperation.sort()
        let middle = perOperation.count / 2
        let median =
            perOperation.count % 2 == 1
            ? perOperation[middle] : (perOperation[middle - 1] + perOperation[middle]) / 2
        return BenchmarkResult(
            name: benchmark.name, implementation: "espace", iterations: samples * batch,
            medianMicroseconds: median * 1_000_000)
    }

    private func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}
