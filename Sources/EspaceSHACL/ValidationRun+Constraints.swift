import EspaceRDF

extension ValidationRun {
    /// Checks one constraint of shape `s` for `focus` and its value nodes.
    func check(_ constraint: Constraint, shape s: Int, focus: Int32, values: ArraySlice<Int32>, into sink: inout ResultSink) {
        func report(_ value: Int32?, _ detail: String, component: String? = nil) {
            sink.results.append(
                RawResult(
                    focus: focus, path: shapes[s].path, shape: s, component: component ?? constraint.component(),
                    value: value, detail: detail))
        }
        func eachFailing(_ detail: (Term) -> String, _ ok: (Int32, Term) -> Bool) {
            for v in values {
                let term = graph.term(v)
                if !ok(v, term) {
                    report(v, detail(term))
                    if sink.done { return }
                }
            }
        }
        switch constraint {
        case .class(let cls):
            eachFailing({ "\(Self.show($0)) is not an instance of \(Self.show(cls))" }) { v, _ in isInstance(v, of: cls) }
        case .datatype(let datatype):
            eachFailing({ "\(Self.show($0)) is not a well-formed literal of datatype <\(datatype)>" }) { _, term in
                guard case .literal(let literal) = term, literal.datatype == datatype else { return false }
                return XSDValue.isWellFormed(literal)
            }
        case .nodeKind(let kind):
            eachFailing({ "\(Self.show($0)) is not of node kind sh:\(kind.rawValue)" }) { _, term in kind.matches(term) }
        case .range(let kind, let bound, let boundValue):
            eachFailing({ "\(Self.show($0)) does not satisfy sh:\(Self.lower(kind.rawValue)) \(Self.show(.literal(bound)))" }) {
                _, term in
                guard case .literal(let literal) = term, let boundValue, let value = XSDValue(literal),
                    let order = value.compare(boundValue)
                else { return false }
                return kind.accepts(order)
            }
        case .minLength(let n):
            eachFailing({ "\(Self.show($0)) is shorter than \(n) characters" }) { _, term in
                Self.string(term).map { $0.unicodeScalars.count >= n } ?? false
            }
        case .maxLength(let n):
            eachFailing({ "\(Self.show($0)) is longer than \(n) characters" }) { _, term in
                Self.string(term).map { $0.unicodeScalars.count <= n } ?? false
            }
        case .pattern(let pattern):
            eachFailing({ "\(Self.show($0)) does not match the pattern \(pattern.source)" }) { _, term in
                Self.string(term).map(pattern.matches) ?? false
            }
        case .languageIn(let ranges):
            eachFailing({ "\(Self.show($0)) has no language tag in \(ranges)" }) { _, term in
                guard let tag = term.literalValue?.language else { return false }
                return ranges.contains { Self.languageMatches(tag, $0) }
            }
        case .in(_, let members):
            eachFailing({ "\(Self.show($0)) is not one of the sh:in values" }) { _, term in members.contains(term) }
        case .hasValue(let term):
            let id = graph.id(term)
            if id == nil || !values.contains(id ?? -1) { report(nil, "missing the value \(Self.show(term))") }
        case .minCount(let n):
            if values.count < n { report(nil, "\(values.count) values, fewer than sh:minCount \(n)") }
        case .maxCount(let n):
            if values.count > n { report(nil, "\(values.count) values, more than sh:maxCount \(n)") }
        case .not(let other):
            eachFailing({ "\(Self.show($0)) conforms to the sh:not shape \(Self.show(shapes[other].term))" }) { v, _ in
                !conforms(other, v)
            }
        case .and(let members):
            eachFailing({ "\(Self.show($0)) does not conform to every sh:and shape" }) { v, _ in
                members.allSatisfy { conforms($0, v) }
            }
        case .or(let members):
            eachFailing({ "\(Self.show($0)) conforms to none of the sh:or shapes" }) { v, _ in
                members.contains { conforms($0, v) }
            }
        case .xone(let members):
            eachFailing({ "\(Self.show($0)) does not conform to exactly one sh:xone shape" }) { v, _ in
                members.filter { conforms($0, v) }.count == 1
            }
        case .node(let other):
            eachFailing({ "\(Self.show($0)) does not conform to the shape \(Self.show(shapes[other].term))" }) { v, _ in
                conforms(other, v)
            }
        case .property(let other):
            for v in values {
                validate(other, focus: v, into: &sink)
                if sink.done { return }
            }
        default:
            checkPropertyConstraint(constraint, shape: s, focus: focus, values: values, into: &sink)
        }
    }

    static func show(_ term: Term) -> String {
        switch term {
        case .iri(let iri): return "<\(iri)>"
        case .blank, .literal: return NQuadsSerializer.string(term)
        }
    }

    static func lower(_ name: String) -> String {
        (name.first.map { String($0).lowercased() } ?? "") + name.dropFirst()
    }

    /// The string of an IRI or literal (SPARQL `str`); nil for blank nodes.
    static func string(_ term: Term) -> String? {
        switch term {
        case .iri(let iri): return iri
        case .literal(let literal): return literal.lexicalForm
        case .blank: return nil
        }
    }

    /// SPARQL `langMatches` (RFC 4647 basic filtering).
    static func languageMatches(_ tag: String, _ range: String) -> Bool {
        if range == "*" { return !tag.isEmpty }
        let t = tag.lowercased()
        let r = range.lowercased()
        return t == r || t.hasPrefix(r + "-")
    }
}
