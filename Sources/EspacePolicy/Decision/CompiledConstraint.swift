/// A constraint with its right operand parsed once, evaluated to a bare yes or no with the
/// same semantics as `ConstraintEvaluator` (which also says why).
indirect enum CompiledConstraint: Sendable {
    case atomic(CompiledAtomicConstraint)
    case logical(LogicalConstraint.Operand, [CompiledConstraint])
    /// A constraint that can never hold (too deeply nested, or an empty logical constraint).
    case never

    init(_ constraint: Constraint, depth: Int, slots: inout [String: Int]) {
        switch constraint {
        case .atomic(let atomic):
            self = .atomic(CompiledAtomicConstraint(atomic, slots: &slots))
        case .logical(let logical):
            guard depth < 64, !logical.constraints.isEmpty else {
                self = .never
                return
            }
            var members: [CompiledConstraint] = []
            for member in logical.constraints {
                members.append(CompiledConstraint(member, depth: depth + 1, slots: &slots))
            }
            self = .logical(logical.operand, members)
        }
    }

    func holds(_ request: EvaluationRequest, _ state: StateOfTheWorld, _ rule: CompiledRule, _ cache: inout LeftValueCache)
        -> Bool
    {
        switch self {
        case .never: return false
        case .atomic(let atomic): return atomic.holds(request, state, rule, &cache)
        case .logical(let operand, let members):
            switch operand {
            case .and, .andSequence:
                for member in members where !member.holds(request, state, rule, &cache) { return false }
                return true
            case .or:
                for member in members where member.holds(request, state, rule, &cache) { return true }
                return false
            case .xone:
                var count = 0
                for member in members where member.holds(request, state, rule, &cache) {
                    count += 1
                    if count > 1 { return false }
                }
                return count == 1
            }
        }
    }
}

/// `leftOperand operator rightOperand` with the right operand typed in advance (a class:
/// decisions pass it around by reference, with no copy of its fields).
final class CompiledAtomicConstraint: Sendable {
    let source: AtomicConstraint
    /// The right operand after the constraint's `dataType` is applied.
    let right: [PolicyValue]
    /// The typed right operand values, when every one of them has a typed reading.
    let typedRight: [TypedValue]?
    /// The typed right operand of a scalar operator (exactly one value, with a typed reading).
    let singleTypedRight: TypedValue?
    /// Unknown operator, unknown `dataType` or an undereferenced `rightOperandReference`.
    let failsClosed: Bool
    /// A `unit` or `status` to honour: decided by `ConstraintEvaluator` itself.
    let needsEvaluator: Bool

    /// The left operand's slot in the decision's value cache (one per distinct operand).
    let slot: Int
    /// What the evaluator computes for the left operand itself, if anything.
    let builtin: BuiltinOperand?

    init(_ atomic: AtomicConstraint, slots: inout [String: Int]) {
        source = atomic
        if let known = slots[atomic.leftOperand] {
            slot = known
        } else {
            slot = slots.count
            slots[atomic.leftOperand] = slot
        }
        builtin = BuiltinOperand(iri: atomic.leftOperand)
        var failsClosed = false
        if case .unknown = atomic.operator { failsClosed = true }
        // Units and statuses are rare: the evaluator's path handles them.
        needsEvaluator = atomic.unit != nil || atomic.status != nil
        if !atomic.rightOperandReference.isEmpty, atomic.rightOperand.isEmpty { failsClosed = true }
        var right = atomic.rightOperand
        if let dataType = atomic.dataType {
            if TypedValue.supports(dataType) {
                right = ConstraintEvaluator.applying(dataType: dataType, to: right)
            } else {
                failsClosed = true
            }
        }
        self.right = right
        self.failsClosed = failsClosed
        var typed: [TypedValue] = []
        for value in right {
            guard case .success(let t) = TypedValue.from(value) else { break }
            typed.append(t)
        }
        typedRight = typed.count == right.count ? typed : nil
        singleTypedRight = right.count == 1 ? typedRight?.first : nil
    }

    func holds(_ request: EvaluationRequest, _ state: StateOfTheWorld, _ rule: CompiledRule, _ cache: inout LeftValueCache)
        -> Bool
    {
        if failsClosed { return false }
        if needsEvaluator { return rule.evaluator(request, state).evaluate(source).satisfied }
        if !state.deferred.isEmpty, state.deferred[source.leftOperand] != nil {
            return rule.source.kind != .prohibition
        }
        if !state.undefined.isEmpty, state.undefined.contains(source.leftOperand) { return false }
        guard let cached = cache.values(slot, source.leftOperand, builtin, request, state, rule) else {
            return source.operator == .isNoneOf
        }
        switch source.operator {
        case .eq, .neq, .lt, .lteq, .gt, .gteq:
            guard let r = singleTypedRight else {
                // An untyped right operand: the evaluator's path gives the same answer.
                return OperatorEvaluation(state: state).apply(source.operator, leftValues(cached, request, state, rule), right).0
            }
            switch cached {
            case .builtin(let value): return scalarHolds(value, r)
            case .values(_, let typed):
                for value in typed where !scalarHolds(value, r) { return false }
                return true
            }
        default:
            return OperatorEvaluation(state: state).apply(source.operator, leftValues(cached, request, state, rule), right).0
        }
    }

    /// `left op right` for one typed left value (an unreadable or incomparable value fails).
    private func scalarHolds(_ left: Result<TypedValue, Incomparable>, _ right: TypedValue) -> Bool {
        guard case .success(let l) = left, let order = PolicyValueComparison.order(l, right) else { return false }
        if source.operator != .eq, source.operator != .neq, !(l.isOrdered && right.isOrdered) { return false }
        switch source.operator {
        case .eq: return order == .equal
        case .neq: return order != .equal
        case .lt: return order == .less
        case .lteq: return order == .less || order == .equal
        case .gt: return order == .greater
        default: return order == .greater || order == .equal
        }
    }

    /// The left values as policy values (for the set operators, which compare them as such).
    private func leftValues(_ cached: CachedOperand, _ request: EvaluationRequest, _ state: StateOfTheWorld, _ rule: CompiledRule)
        -> [PolicyValue]
    {
        if case .values(let values, _) = cached { return values }
        return ConstraintEvaluator.leftValues(
            source.leftOperand, builtin: builtin, request: request, state: state, ruleUID: rule.source.uid,
            ruleAction: rule.source.action?.iri) ?? []
    }
}

/// A left operand's values in one decision, with their typed readings: a built-in's single
/// value (the clock, a count) typed as it is made, or the values stated for it.
enum CachedOperand {
    case builtin(Result<TypedValue, Incomparable>)
    case values([PolicyValue], [Result<TypedValue, Incomparable>])
}

/// The left operand values of one decision, read and typed once however many constraints
/// use them (a date window reads `dateTime` twice); indexed by the operands' slots.
struct LeftValueCache {
    private enum Entry {
        case unread
        case missing
        case read(CachedOperand)
    }

    private var entries: [Entry]

    init(slots: Int) {
        entries = Array(repeating: .unread, count: slots)
    }

    mutating func values(
        _ slot: Int, _ leftOperand: String, _ builtin: BuiltinOperand?, _ request: EvaluationRequest,
        _ state: StateOfTheWorld, _ rule: CompiledRule
    ) -> CachedOperand? {
        switch entries[slot] {
        case .read(let entry): return entry
        case .missing: return nil
        case .unread: break
        }
        let entry = Self.read(leftOperand, builtin, request, state, rule)
        entries[slot] = entry.map(Entry.read) ?? .missing
        return entry
    }

    /// The same values as `ConstraintEvaluator.leftValues`, with the clock and counts typed
    /// directly (no array, no lexical round trip).
    private static func read(
        _ leftOperand: String, _ builtin: BuiltinOperand?, _ request: EvaluationRequest, _ state: StateOfTheWorld,
        _ rule: CompiledRule
    ) -> CachedOperand? {
        if let values = ConstraintEvaluator.lookup(leftOperand, in: request.context)
            ?? ConstraintEvaluator.lookup(leftOperand, in: state.values)
        {
            return .values(values, values.map(TypedValue.from))
        }
        switch builtin {
        case nil:
            return nil
        case .dateTime:
            return state.currentTime.map { .builtin(TypedValue.from($0)) }
        case .count where state.usage == nil:
            return ConstraintEvaluator.recordedCount(ruleUID: rule.source.uid, request: request, state: state).map {
                .builtin(.success(.decimal(ExactNumber($0))))
            }
        case .count, .measure:
            guard
                let values = ConstraintEvaluator.leftValues(
                    leftOperand, builtin: builtin, request: request, state: state, ruleUID: rule.source.uid,
                    ruleAction: rule.source.action?.iri)
            else { return nil }
            return .values(values, values.map(TypedValue.from))
        }
    }
}
