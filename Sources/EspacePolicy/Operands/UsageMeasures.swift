import EspaceRDF

/// The ODRL usage left operands computed from a usage history and the current time.
struct UsageMeasures {
    enum Measure {
        case elapsedTime, meteredTime, timeInterval, delayPeriod

        init?(iri: String) {
            switch iri {
            case ODRL.iri("elapsedTime"): self = .elapsedTime
            case ODRL.iri("meteredTime"): self = .meteredTime
            case ODRL.iri("timeInterval"): self = .timeInterval
            case ODRL.iri("delayPeriod"): self = .delayPeriod
            default: return nil
            }
        }
    }

    /// The uses of the rule's action (or of an action it includes).
    let uses: [UsageHistory.Use]
    let agreementTime: Double?
    let now: Double?

    init(_ history: UsageHistory, now: Double?, action: String?, state: StateOfTheWorld) {
        if let action {
            uses = history.uses.filter {
                $0.action == action || ActionHierarchy.isIncluded($0.action, in: action, additions: state.actionHierarchy)
            }
        } else {
            uses = history.uses
        }
        agreementTime = history.agreementTime
        self.now = now
    }

    /// `odrl:count`: the number of uses so far.
    var count: PolicyValue { .literal(String(uses.count), datatype: ConstraintEvaluator.xsd + "integer") }

    /// A time measure as an `xsd:duration`, nil when the facts it needs are missing.
    func value(_ measure: Measure) -> PolicyValue? {
        let seconds: Double?
        switch measure {
        case .meteredTime: seconds = uses.reduce(0) { $0 + max(0, $1.duration) }
        case .elapsedTime:
            guard let now else { return nil }
            seconds = uses.map(\.time).min().map { now - $0 } ?? 0
        case .timeInterval:
            guard let now, let since = uses.map(\.time).max() ?? agreementTime else { return nil }
            seconds = now - since
        case .delayPeriod:
            guard let now, let agreementTime else { return nil }
            seconds = now - agreementTime
        }
        return seconds.map(Self.duration)
    }

    /// `PTn.nnnS` with millisecond precision (negative spans, from clock skew, count as zero).
    static func duration(_ seconds: Double) -> PolicyValue {
        let millis = Int((max(0, seconds) * 1_000).rounded())
        let fraction = String(millis % 1_000)
        let lexical = "PT\(millis / 1_000).\(String(repeating: "0", count: 3 - fraction.count) + fraction)S"
        return .literal(lexical, datatype: ConstraintEvaluator.xsd + "duration")
    }

    /// An `xsd:dateTime` literal as seconds since 1970.
    static func seconds(_ value: PolicyValue) -> Double? {
        guard case .literal(let text, _, _) = value else { return nil }
        return XSDTemporal.dateTime(text)?.secondsSinceEpoch
    }
}
