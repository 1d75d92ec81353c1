import EspaceRDF

extension SHACLValidationReport {
    /// The report as RDF (SHACL §3.6): a `sh:ValidationReport` with `sh:conforms` and one
    /// `sh:ValidationResult` per result, paths written in SHACL path syntax. New blank
    /// nodes get labels that no term of the results uses.
    public func quads() -> [Quad] {
        let prefix = freshBlankPrefix()
        var counter = 0
        let report = Term.blank(prefix + "0")
        var quads: [Quad] = [
            Quad(subject: report, predicate: .iri(Vocabulary.rdfType), object: .iri(SHACL.validationReport)),
            Quad(
                subject: report, predicate: .iri(SHACL.conforms),
                object: .literal(Literal(conforms ? "true" : "false", datatype: Vocabulary.xsdBoolean))),
        ]
        for result in results {
            counter += 1
            let node = Term.blank("\(prefix)\(counter)")
            func add(_ predicate: String, _ object: Term) {
                quads.append(Quad(subject: node, predicate: .iri(predicate), object: object))
            }
            quads.append(Quad(subject: report, predicate: .iri(SHACL.result), object: node))
            add(Vocabulary.rdfType, .iri(SHACL.validationResult))
            add(SHACL.focusNode, result.focusNode)
            var pathQuads: [Quad] = []
            if let path = result.resultPath {
                let (pathNode, more) = path.rdf(blankPrefix: prefix, counter: &counter)
                add(SHACL.resultPath, pathNode)
                pathQuads = more
            }
            add(SHACL.resultSeverity, result.severity)
            add(SHACL.sourceConstraintComponent, .iri(result.sourceConstraintComponent))
            add(SHACL.sourceShape, result.sourceShape)
            if let value = result.value { add(SHACL.value, value) }
            for message in result.messages { add(SHACL.resultMessage, message) }
            quads += pathQuads
        }
        return quads
    }

    /// The report as N-Quads (N-Triples: all in the default graph).
    public func nquads() -> String {
        NQuadsSerializer.serialize(quads())
    }

    /// The report as Turtle, with the `sh:`, `rdf:` and `xsd:` prefixes.
    public func turtle() -> String {
        var out = """
            @prefix sh: <\(SHACL.ns)> .
            @prefix rdf: <\(Vocabulary.rdf)> .
            @prefix xsd: <\(Vocabulary.xsd)> .

            """
        var order: [Term] = []
        var bySubject: [Term: [Quad]] = [:]
        for quad in quads() {
            if bySubject[quad.subject] == nil { order.append(quad.subject) }
            bySubject[quad.subject, default: []].append(quad)
        }
        for subject in order {
            let lines = (bySubject[subject] ?? []).map { quad in
                let predicate = quad.predicate == .iri(Vocabulary.rdfType) ? "a" : Self.turtleTerm(quad.predicate)
                return "    \(predicate) \(Self.turtleTerm(quad.object))"
            }
            out += "\n\(Self.turtleTerm(subject))\n" + lines.joined(separator: " ;\n") + " .\n"
        }
        return out
    }

    static func turtleTerm(_ term: Term) -> String {
        switch term {
        case .iri(let iri):
            for (prefix, ns) in [("sh", SHACL.ns), ("rdf", Vocabulary.rdf), ("xsd", Vocabulary.xsd)]
            where iri.hasPrefix(ns) {
                let local = iri.dropFirst(ns.count)
                if let first = local.first, first.isASCII, first.isLetter,
                    local.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
                {
                    return "\(prefix):\(local)"
                }
            }
            return NQuadsSerializer.string(term)
        case .literal(let literal) where literal.datatype == Vocabulary.xsdBoolean:
            return literal.lexicalForm == "true" || literal.lexicalForm == "false"
                ? literal.lexicalForm : NQuadsSerializer.string(term)
        default:
            return NQuadsSerializer.string(term)
        }
    }

    /// A blank node label prefix that no blank node of the results starts with.
    private func freshBlankPrefix() -> String {
        var labels: [String] = []
        for result in results {
            for term in [result.focusNode, result.sourceShape, result.value] {
                if let label = term?.blankLabel { labels.append(label) }
            }
        }
        var prefix = "report"
        while labels.contains(where: { $0.hasPrefix(prefix) }) { prefix += "x" }
        return prefix
    }
}
