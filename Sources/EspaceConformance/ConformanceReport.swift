/// The outcome of one conformance test.
public enum ConformanceOutcome: Sendable, Equatable {
    case passed
    /// Failed, with what differed or which error was raised.
    case failed(String)
    /// Not run, with the reason (for example a 1.0-only test, or an optional feature).
    case skipped(String)
}

/// One conformance test's result.
public struct ConformanceTestResult: Sendable, Equatable {
    /// The test's IRI (manifest IRI + `#id`).
    public var id: String
    /// The test's name from the manifest.
    public var name: String
    /// The category the test is counted under (e.g. `expand`, `toRdf`, `eval`, `map`).
    public var category: String
    public var outcome: ConformanceOutcome

    public init(id: String, name: String, category: String, outcome: ConformanceOutcome) {
        self.id = id
        self.name = name
        self.category = category
        self.outcome = outcome
    }
}

/// The results of running one suite, with per-category counts and an EARL report.
public struct ConformanceReport: Sendable {
    /// The suite's name (e.g. `jsonld`, `rdf-canon`).
    public var suite: String
    public var results: [ConformanceTestResult]

    public init(suite: String, results: [ConformanceTestResult]) {
        self.suite = suite
        self.results = results
    }

    public struct Counts: Sendable, Equatable {
        public var passed = 0
        public var failed = 0
        public var skipped = 0
        public var total: Int { passed + failed + skipped }

        mutating func add(_ outcome: ConformanceOutcome) {
            switch outcome {
            case .passed: passed += 1
            case .failed: failed += 1
            case .skipped: skipped += 1
            }
        }

        /// `N passed, N failed, N skipped`.
        public var line: String { "\(passed) passed, \(failed) failed, \(skipped) skipped" }
    }

    /// Counts over all results.
    public var counts: Counts {
        var c = Counts()
        for r in results { c.add(r.outcome) }
        return c
    }

    /// Counts per category, in the order categories first appear.
    public var countsByCategory: [(category: String, counts: Counts)] {
        var order: [String] = []
        var map: [String: Counts] = [:]
        for r in results {
            if map[r.category] == nil { order.append(r.category) }
            map[r.category, default: Counts()].add(r.outcome)
        }
        return order.map { ($0, map[$0] ?? Counts()) }
    }

    /// The failed results.
    public var failures: [ConformanceTestResult] {
        results.filter { if case .failed = $0.outcome { return true } else { return false } }
    }

    /// The skipped results.
    public var skips: [ConformanceTestResult] {
        results.filter { if case .skipped = $0.outcome { return true } else { return false } }
    }

    /// Human-readable summary: one line per category, then the final count line.
    public var summary: String {
        var lines = countsByCategory.map { "\(suite) \($0.category): \($0.counts.line)" }
        lines.append(counts.line)
        return lines.joined(separator: "\n")
    }

    /// An EARL report in Turtle, the format of W3C implementation reports.
    /// - Parameters:
    ///   - date: the assertion date, `YYYY-MM-DD` (injected so output is reproducible).
    public func earl(subject: String = "https://github.com/espace-dataspace/espace", version: String, date: String) -> String {
        var out = """
            @prefix earl: <http://www.w3.org/ns/earl#> .
            @prefix dc: <http://purl.org/dc/terms/> .
            @prefix doap: <http://usefulinc.com/ns/doap#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

            <\(subject)> a doap:Project, earl:TestSubject, earl:Software ;
              doap:name "Espace" ;
              doap:programming-language "Swift" ;
              doap:release [ doap:revision "\(version)" ] .

            <#espace-conformance-runner> a earl:Assertor, earl:Software ;
              doap:name "espace conformance" .


            """
        for r in results {
            let outcome: String
            var info = ""
            switch r.outcome {
            case .passed: outcome = "earl:passed"
            case .failed(let why): outcome = "earl:failed"; info = why
            case .skipped(let why): outcome = "earl:untested"; info = why
            }
            out += """
                [ a earl:Assertion ;
                  earl:assertedBy <#espace-conformance-runner> ;
                  earl:subject <\(subject)> ;
                  earl:test <\(r.id)> ;
                  earl:mode earl:automatic ;
                  earl:result [ a earl:TestResult ; earl:outcome \(outcome) ;
                    dc:date "\(date)"^^xsd:date\(info.isEmpty ? "" : " ;\n    earl:info \(turtleString(info))") ]
                ] .

                """
        }
        return out
    }

    private func turtleString(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }
}
