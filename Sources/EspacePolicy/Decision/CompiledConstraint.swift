/// A constraint with its right operand parsed once, evaluated to a bare yes or no with the
/// same semantics as `ConstraintEvaluator` (which also says why).
indirect enum CompiledConstraint: Sendable {
    case atomic(CompiledAtomicConstraint)
    case logical(LogicalConstraint.Operand, [CompiledConstraint])
    /// A constraint that can never hold (too deeply nested, or an empty logical constraint).
    case never

    init(_ constraint: Constraint, depth: Int) {
        switch constraint {
        case .atomic(let atomic):
            self = .atomic(CompiledAtomicConstraint(atomic))
        case .logical(let logical):
            guard depth < 64, !logical.constraints.isEmpty else {
                self = .never
                return
            }
            self = .logical(logical.operand, logical.constraints.map { CompiledConstraint($0, depth: depth + 1) })
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

/// `leftOperand operator rightOperand` with the right operand typed in advance.
struct CompiledAtomicConstraint: Sendable {
    let source: AtomicConstraint
    /// The right operand after the constraint's `dataType` is applied.
    let right: [PolicyValue]
    /// The typed right operand values, when every one of them has a typed reading.
    let typedRight: [TypedValue]?
    /// Unknown operator, unknown `dataType` or an undereferenced `rightOperandReference`.
    let failsClosed: Bool

    init(_ atomic: AtomicConstraint) {
        source = atomic
        var failsClosed = false
        if case .unknown = atomic.operator { failsClosed = true }
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
        if !context.state.deferred.isEmpty, context.state.deferred[source.leftOperand] != nil {
            return context.ruleKind != .prohibition
        }
        if !context.state.undefined.isEmpty, context.state.undefined.contains(source.leftOperand) { return false }
        guard let (left, typedLeft) = cache.values(of: source.leftOperand, context) else {
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
/// use them (a date window reads `dateTime` twice).
struct LeftValueCache {
    private var entries: [(String, [PolicyValue], [Result<TypedValue, Incomparable>])] = []

    mutating func values(of leftOperand: String, _ context: ConstraintEvaluator) -> (
        [PolicyValue], [Result<TypedValue, Incomparable>]
    )? {
        for entry in entries where entry.0 == leftOperand { return (entry.1, entry.2) }
        guard let values = context.leftValues(leftOperand) else { return nil }
        let typed = values.map(TypedValue.from)
        entries.append((leftOperand, values, typed))
        return (values, typed)
    }
}
