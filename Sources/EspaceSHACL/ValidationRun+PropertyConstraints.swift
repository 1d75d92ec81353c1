import EspaceRDF

extension ValidationRun {
    /// The constraints that look at a focus node's values together: uniqueLang, property
    /// pairs, qualified value shapes and closed shapes.
    func checkPropertyConstraint(
        _ constraint: Constraint, shape s: Int, focus: Int32, values: ArraySlice<Int32>, into sink: inout ResultSink
    ) {
        func report(_ value: Int32?, _ detail: String, component: String? = nil, path: SHACLPath? = nil) {
            sink.results.append(
                RawResult(
                    focus: focus, path: path ?? shapes[s].path, shape: s,
                    component: component ?? constraint.component(), value: value, detail: detail))
        }
        switch constraint {
        case .uniqueLang:
            var counts: [String: Int] = [:]
            var order: [String] = []
            for v in values {
                guard let tag = graph.term(v).literalValue?.language?.lowercased() else { continue }
                if counts[tag] == nil { order.append(tag) }
                counts[tag, default: 0] += 1
            }
            for tag in order where (counts[tag] ?? 0) > 1 {
                report(nil, "more than one value with the language tag \(tag)")
                if sink.done { return }
            }
        case .pair(let kind, let predicate):
            let p = predicateID(predicate)
            let others = p >= 0 ? graph.objects(focus, p) : []
            checkPair(kind, predicate, values: values, others: others, report: report)
        case .qualified(let shape, let min, let max, let siblings):
            var count = 0
            for v in values where conforms(shape, v) && !siblings.contains(where: { conforms($0, v) }) { count += 1 }
            if let min, count < min {
                report(nil, "\(count) values conform to the qualified shape, fewer than \(min)",
                       component: constraint.component(min: true))
            }
            if let max, count > max {
                report(nil, "\(count) values conform to the qualified shape, more than \(max)",
                       component: constraint.component(min: false))
            }
        case .closed(let allowed):
            for v in values {
                for p in graph.predicates(of: v) {
                    guard case .iri(let iri) = graph.term(p), !allowed.contains(iri) else { continue }
                    for o in graph.objects(v, p) {
                        report(o, "the closed shape does not allow the property <\(iri)>", path: .predicate(iri))
                        if sink.done { return }
                    }
                }
            }
        default:
            break
        }
    }

    private func checkPair(
        _ kind: PairKind, _ predicate: String, values: ArraySlice<Int32>, others: ArraySlice<Int32>,
        report: (Int32?, String, String?, SHACLPath?) -> Void
    ) {
        let otherSet = Set(others)
        switch kind {
        case .equals:
            let valueSet = Set(values)
            for v in values where !otherSet.contains(v) {
                report(v, "\(Self.show(graph.term(v))) is not a value of <\(predicate)>", nil, nil)
            }
            for o in others where !valueSet.contains(o) {
                report(o, "the value \(Self.show(graph.term(o))) of <\(predicate)> is missing", nil, nil)
            }
        case .disjoint:
            for v in values where otherSet.contains(v) {
                report(v, "\(Self.show(graph.term(v))) is also a value of <\(predicate)>", nil, nil)
            }
        case .lessThan, .lessThanOrEquals:
            for v in values {
                for o in others {
                    let order = Self.compareTerms(graph.term(v), graph.term(o))
                    let ok = order == .less || (kind == .lessThanOrEquals && order == .equal)
                    if !ok {
                        report(
                            v,
                            "\(Self.show(graph.term(v))) is not \(kind == .lessThan ? "less than" : "at most") \(Self.show(graph.term(o)))",
                            nil, nil)
                    }
                }
            }
        }
    }

    /// Orders two terms as SPARQL `<` does for literals; nil when not comparable.
    static func compareTerms(_ a: Term, _ b: Term) -> XSDValue.Order? {
        guard case .literal(let x) = a, case .literal(let y) = b,
            let vx = XSDValue(x), let vy = XSDValue(y)
        else { return nil }
        return vx.compare(vy)
    }
}
