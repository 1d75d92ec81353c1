extension Policy {
    /// Every left operand the policy's constraints and refinements use (rules, duties,
    /// remedies, consequences, nested logical constraints).
    public var leftOperands: Set<String> {
        var found: Set<String> = []
        var pending: [Constraint] = []
        func add(_ rule: Rule) {
            pending += rule.constraints
            pending += rule.action?.refinements ?? []
            pending += rule.target?.refinements ?? []
            pending += rule.assignee?.refinements ?? []
            pending += rule.assigner?.refinements ?? []
            for nested in rule.duties + rule.remedies + rule.consequences { add(nested) }
        }
        for rule in rules { add(rule) }
        var budget = 100_000
        while let next = pending.popLast(), budget > 0 {
            budget -= 1
            switch next {
            case .atomic(let atomic): found.insert(atomic.leftOperand)
            case .logical(let logical): pending += logical.constraints
            }
        }
        return found
    }
}
