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

    func holds(_ context: ConstraintEvaluator, _ cache: inout LeftValueCache) -> Bool {
        switch self {
        case .never: return false
        case .atomic(let atomic): return atomic.holds(context, &cache)
        case .logical(let operand, let members):
            switch operand {
            case .and, .andSequence:
                for member in members where !member.holds(context, &cache) { return false }
                return true
            case .or:
                for member in members where member.holds(context, &cache) { return true }
                return false
            case .xone:
                var count = 0
                for member in members where member.holds(context, &cache) {
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
    }

    func holds(_ context: ConstraintEvaluator, _ cache: inout LeftValueCache) -> Bool {
        if failsClosed { return false }
        if needsEvaluator { return context.evaluate(source).satisfied }
        if !context.state.deferred.isEmpty, context.state.deferred[source.leftOperand] != nil {
            return context.ruleKind != .prohibition
        }
        if !context.state.undefined.isEmpty, context.state.undefined.contains(source.leftOperand) { return false }
        guard let (left, typedLeft) = cache.values(slot, source.leftOperand, builtin, context) else {
            return source.operator == .isNoneOf
        }
        switch source.operator {
        case .eq, .neq, .lt, .lteq, .gt, .gteq:
            guard right.count == 1, let typedRight, let r = typedRight.first else {
                // An untyped right operand: the evaluator's path gives the same answer.
                return OperatorEvaluation(state: context.state).apply(source.operator, left, right).0
            }
            for (index, value) in left.enumerated() {
                guard case .success(let l) = typedLeft[index],
                    case .success(let order) = PolicyValueComparison.order(l, r, value, right[0])
                else { return false }
                if source.operator != .eq, source.operator != .neq, !(l.isOrdered && r.isOrdered) { return false }
                switch source.operator {
                case .eq: if order != .equal { return false }
                case .neq: if order == .equal { return false }
                case .lt: if order != .less { return false }
                case .lteq: if order != .less && order != .equal { return false }
                case .gt: if order != .greater { return false }
                default: if order != .greater && order != .equal { return false }
                }
            }
            return true
        default:
            return OperatorEvaluation(state: context.state).apply(source.operator, left, right).0
        }
    }
}

/// The left operand values of one decision, read and typed once however many constraints
/// use them (a date window reads `dateTime` twice); indexed by the operands' slots.
struct LeftValueCache {
    private enum Entry {
        case unread
        case missing
        case values([PolicyValue], [Result<TypedValue, Incomparable>])
    }

    private var entries: [Entry]

    init(slots: Int) {
        entries = Array(repeating: .unread, count: slots)
    }

    mutating func values(
        _ slot: Int, _ leftOperand: String, _ builtin: BuiltinOperand?, _ context: ConstraintEvaluator
    ) -> ([PolicyValue], [Result<TypedValue, Incomparable>])? {
        switch entries[slot] {
        case .values(let values, let typed): return (values, typed)
        case .missing: return nil
        case .unread:
            guard let values = context.leftValues(leftOperand, builtin: builtin) else {
                entries[slot] = .missing
                return nil
            }
            // A count is typed as it is made; other values are read from their lexical form.
            let typed: [Result<TypedValue, Incomparable>]
            if case .count = builtin, values.count == 1, case .literal(let text, _, _) = values[0], let n = Int(text) {
                typed = [.success(.decimal(ExactNumber(n)))]
            } else {
                typed = values.map(TypedValue.from)
            }
            entries[slot] = .values(values, typed)
            return (values, typed)
        }
    }
}
