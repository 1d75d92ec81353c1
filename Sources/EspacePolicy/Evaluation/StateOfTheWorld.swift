/// A duty's state (Formal Semantics: fulfilled, violated, or not set).
public enum DeonticState: String, Sendable, Equatable {
    case fulfilled = "Fulfilled"
    case violated = "Violated"
    case nonSet = "NonSet"
}

/// An action recorded as performed (for duty fulfilment).
public struct PerformedAction: Sendable, Equatable {
    public var action: String
    public var party: String?
    public var target: String?
    /// When it was performed (an `xsd:dateTime` literal), nil if unknown.
    public var time: PolicyValue?

    public init(action: String, party: String? = nil, target: String? = nil, time: PolicyValue? = nil) {
        self.action = action
        self.party = party
        self.target = target
        self.time = time
    }
}

/// What the evaluator knows about the world besides the request (closed world: anything
/// not stated here is unknown, and constraints needing it are not satisfied).
public struct StateOfTheWorld: Sendable, Equatable {
    /// The state's identifier (the SotW graph's subject when read from RDF).
    public var uid: String?
    /// The current time, an `xsd:dateTime` literal (the value of `odrl:dateTime`).
    public var currentTime: PolicyValue?
    /// Party and asset collection membership: member IRI → collection IRIs (`odrl:partOf`).
    public var memberships: [String: Set<String>]
    /// Classes of values for `isA`: IRI → its types and broader concepts (transitive).
    public var types: [String: Set<String>]
    /// Action hierarchy additions to ODRL's `includedIn`: action IRI → parent IRIs.
    public var actionHierarchy: [String: Set<String>]
    /// Use counts (`odrl:count`) by rule uid, and by `ruleUID + " " + targetIRI`.
    public var usageCounts: [String: Int]
    /// Known deontic states of duties, by duty uid.
    public var dutyStates: [String: DeonticState]
    /// Actions known to have been performed.
    public var performedActions: [PerformedAction]
    /// Other left-operand values by IRI (e.g. `odrl:spatial`).
    public var values: [String: [PolicyValue]]
    /// The uses made so far under the agreement: when set, `odrl:count`, `elapsedTime`,
    /// `meteredTime`, `timeInterval` and `delayPeriod` are computed from it and the current time.
    public var usage: UsageHistory?
    /// Left operands not known in the scope of this decision, with the scopes that know them:
    /// constraints on them are deferred (reported, and left to those scopes).
    public var deferred: [String: Set<PolicyScope>] = [:]
    /// Left operands the data space's registry does not define (their constraints fail closed).
    public var undefined: Set<String> = []
    /// Attributes of assets and parties, by IRI then left operand: what the refinements of a
    /// collection are evaluated against for each member (a party's verified claims, say).
    public var attributes: [String: [String: [PolicyValue]]] = [:]
    /// The unit the values of a left operand are expressed in (`payAmount` → a currency IRI).
    /// A constraint with a `unit` holds only for values known to be in that unit.
    public var units: [String: String] = [:]

    public init(
        uid: String? = nil, currentTime: PolicyValue? = nil, memberships: [String: Set<String>] = [:],
        types: [String: Set<String>] = [:], actionHierarchy: [String: Set<String>] = [:],
        usageCounts: [String: Int] = [:], dutyStates: [String: DeonticState] = [:],
        performedActions: [PerformedAction] = [], values: [String: [PolicyValue]] = [:]
    ) {
        self.uid = uid
        self.currentTime = currentTime
        self.memberships = memberships
        self.types = types
        self.actionHierarchy = actionHierarchy
        self.usageCounts = usageCounts
        self.dutyStates = dutyStates
        self.performedActions = performedActions
        self.values = values
        self.usage = nil
    }

    /// The current time as an `xsd:dateTime` literal.
    public static func time(_ lexical: String) -> PolicyValue {
        .literal(lexical, datatype: "http://www.w3.org/2001/XMLSchema#dateTime")
    }

    /// Whether `member` is `collection` or part of it, transitively.
    public func isMember(_ member: String, of collection: String) -> Bool {
        Self.reaches(member, collection, memberships)
    }

    /// Whether `value` is `type` or has it among its types, transitively.
    public func isA(_ value: String, _ type: String) -> Bool {
        Self.reaches(value, type, types)
    }

    static func reaches(_ start: String, _ goal: String, _ edges: [String: Set<String>]) -> Bool {
        if edges.isEmpty { return start == goal }
        var queue = [start]
        var seen: Set<String> = []
        while let next = queue.popLast() {
            if next == goal { return true }
            guard seen.insert(next).inserted, seen.count <= 10_000 else { continue }
            queue += edges[next] ?? []
        }
        return false
    }
}
