/// The twelve ODRL operators over left and right operand values.
struct OperatorEvaluation {
    let state: StateOfTheWorld

    /// Whether `left op right` holds, and why.
    func apply(_ op: Operator, _ left: [PolicyValue], _ right: [PolicyValue]) -> (Bool, String) {
        switch op {
        case .unknown(let iri): return (false, "unknown operator <\(iri)>")
        case .eq, .neq, .lt, .lteq, .gt, .gteq: return scalar(op, left, right)
        case .isA:
            return each(left, "isA") { l in
                right.contains { r in l == r || (iri(l).flatMap { a in iri(r).map { state.isA(a, $0) } } ?? false) }
            }
        case .isPartOf:
            return each(left, "isPartOf") { l in
                right.contains { r in
                    l == r || (iri(l).flatMap { a in iri(r).map { state.isMember(a, of: $0) } } ?? false)
                }
            }
        case .hasPart:
            let missing = right.filter { r in
                !left.contains { l in
                    l == r || (iri(r).flatMap { a in iri(l).map { state.isMember(a, of: $0) } } ?? false)
                }
            }
            return missing.isEmpty
                ? (true, "\(list(left)) has every part \(list(right))")
                : (false, "\(list(left)) does not have \(list(missing)) as part")
        case .isAllOf:
            var problems: [String] = []
            let missing = right.filter { r in !contains(left, r, &problems) }
            if missing.isEmpty { return (true, "\(list(left)) holds all of \(list(right))") }
            return (false, "\(list(left)) lacks \(list(missing))" + note(problems))
        case .isAnyOf:
            var problems: [String] = []
            if left.contains(where: { contains(right, $0, &problems) }) {
                return (true, "\(list(left)) is one of \(list(right))")
            }
            return (false, "\(list(left)) is none of \(list(right))" + note(problems))
        case .isNoneOf:
            var problems: [String] = []
            let found = left.filter { contains(right, $0, &problems) }
            if !found.isEmpty { return (false, "\(list(found)) is one of \(list(right))") }
            if !problems.isEmpty {
                return (false, "cannot tell whether \(list(left)) is among \(list(right))" + note(problems))
            }
            return (true, "\(list(left)) is none of \(list(right))")
        }
    }

    func scalar(_ op: Operator, _ left: [PolicyValue], _ right: [PolicyValue]) -> (Bool, String) {
        guard right.count == 1, let r = right.first else {
            return (false, "\(op) needs exactly one right operand value, found \(right.count)")
        }
        var reasons: [String] = []
        for l in left {
            switch PolicyValueComparison.order(l, r) {
            case .failure(let why): return (false, why.reason)
            case .success(let order):
                if ![.eq, .neq].contains(op) {
                    guard case .success(let a) = TypedValue.from(l), case .success(let b) = TypedValue.from(r),
                        a.isOrdered, b.isOrdered
                    else {
                        return (
                            false,
                            "\(op) needs ordered values (numbers, dates, durations); \(l) and \(r) are only equal or not"
                        )
                    }
                }
                let holds: Bool
                switch op {
                case .eq: holds = order == .equal
                case .neq: holds = order != .equal
                case .lt: holds = order == .less
                case .lteq: holds = order == .less || order == .equal
                case .gt: holds = order == .greater
                default: holds = order == .greater || order == .equal
                }
                guard holds else { return (false, "\(l) \(op) \(r) does not hold") }
                reasons.append("\(l) \(op) \(r)")
            }
        }
        return (true, reasons.joined(separator: "; "))
    }

    /// Whether every left value passes `test`.
    func each(_ left: [PolicyValue], _ name: String, _ test: (PolicyValue) -> Bool) -> (Bool, String) {
        let failing = left.filter { !test($0) }
        return failing.isEmpty
            ? (true, "\(list(left)) \(name) holds") : (false, "\(list(failing)) \(name) does not hold")
    }

    /// Whether `values` holds a value equal to `value`; incomparable pairs are noted.
    func contains(_ values: [PolicyValue], _ value: PolicyValue, _ problems: inout [String]) -> Bool {
        for v in values {
            switch PolicyValueComparison.equals(v, value) {
            case .success(true): return true
            case .success(false): continue
            case .failure(let why): problems.append(why.reason)
            }
        }
        return false
    }

    func iri(_ value: PolicyValue) -> String? {
        if case .iri(let iri) = value { return iri }
        return nil
    }

    func list(_ values: [PolicyValue]) -> String {
        values.count == 1 ? values[0].description : "[" + values.map(\.description).joined(separator: ", ") + "]"
    }

    func note(_ problems: [String]) -> String { problems.isEmpty ? "" : " (" + problems.joined(separator: "; ") + ")" }
}
