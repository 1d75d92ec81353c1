import EspaceRDF

extension ShapeCompiler {
    /// Reads every constraint parameter of the shape at `term`, in a fixed order.
    mutating func constraints(_ term: Term, isProperty: Bool, depth: Int) throws(SHACLShapesError) -> [Constraint] {
        var out: [Constraint] = []
        func values(_ name: String) -> [Term] { index.objects(term, SHACL.ns + name) }
        for cls in values("class") {
            guard !cls.isLiteral else { throw error(term, "sh:class", "an IRI", cls) }
            out.append(.class(cls))
        }
        for datatype in values("datatype") {
            guard case .iri(let iri) = datatype else { throw error(term, "sh:datatype", "an IRI", datatype) }
            out.append(.datatype(iri))
        }
        for kind in values("nodeKind") {
            guard case .iri(let iri) = kind, iri.hasPrefix(SHACL.ns),
                let nodeKind = NodeKind(rawValue: String(iri.dropFirst(SHACL.ns.count)))
            else { throw error(term, "sh:nodeKind", "one of sh:BlankNode, sh:IRI, sh:Literal, …", kind) }
            out.append(.nodeKind(nodeKind))
        }
        if isProperty {
            for value in values("minCount") { out.append(.minCount(try count(term, "sh:minCount", value))) }
            for value in values("maxCount") { out.append(.maxCount(try count(term, "sh:maxCount", value))) }
        }
        let ranges: [(String, RangeKind)] = [
            ("minExclusive", .minExclusive), ("minInclusive", .minInclusive),
            ("maxExclusive", .maxExclusive), ("maxInclusive", .maxInclusive),
        ]
        for (name, kind) in ranges {
            for value in values(name) {
                guard case .literal(let literal) = value else { throw error(term, "sh:" + name, "a literal", value) }
                out.append(.range(kind, literal, XSDValue(literal)))
            }
        }
        for value in values("minLength") { out.append(.minLength(try count(term, "sh:minLength", value))) }
        for value in values("maxLength") { out.append(.maxLength(try count(term, "sh:maxLength", value))) }
        let flags = values("flags").first
        for value in values("pattern") { out.append(.pattern(try pattern(term, value, flags: flags))) }
        for head in values("languageIn") {
            var tags: [String] = []
            for item in try list(term, "sh:languageIn", head) {
                guard case .literal(let literal) = item else { throw error(term, "sh:languageIn", "strings", item) }
                tags.append(literal.lexicalForm)
            }
            out.append(.languageIn(tags))
        }
        if isProperty, try boolean(term, SHACL.ns + "uniqueLang") == true { out.append(.uniqueLang) }
        let pairs: [(String, PairKind)] = [
            ("equals", .equals), ("disjoint", .disjoint), ("lessThan", .lessThan),
            ("lessThanOrEquals", .lessThanOrEquals),
        ]
        for (name, kind) in pairs where isProperty || kind == .equals || kind == .disjoint {
            for value in values(name) {
                guard case .iri(let iri) = value else { throw error(term, "sh:" + name, "an IRI", value) }
                out.append(.pair(kind, iri))
            }
        }
        for value in values("not") { out.append(.not(try compile(value, depth: depth + 1))) }
        for (name, make) in [("and", Constraint.and), ("or", Constraint.or), ("xone", Constraint.xone)] {
            for head in values(name) {
                var members: [Int] = []
                for item in try list(term, "sh:" + name, head) { members.append(try compile(item, depth: depth + 1)) }
                out.append(make(members))
            }
        }
        for value in values("node") { out.append(.node(try compile(value, depth: depth + 1))) }
        for value in values("property") {
            guard index.has(value, SHACL.path) else {
                throw error(term, "sh:property", "a property shape (with sh:path)", value)
            }
            out.append(.property(try compile(value, depth: depth + 1)))
        }
        if isProperty { out += try qualified(term, depth: depth) }
        if try boolean(term, SHACL.ns + "closed") == true {
            var allowed: Set<String> = []
            for head in values("ignoredProperties") {
                for item in try list(term, "sh:ignoredProperties", head) {
                    guard case .iri(let iri) = item else { throw error(term, "sh:ignoredProperties", "IRIs", item) }
                    allowed.insert(iri)
                }
            }
            for property in values("property") {
                for case .iri(let iri) in index.objects(property, SHACL.path) { allowed.insert(iri) }
            }
            out.append(.closed(allowed: allowed))
        }
        for value in values("hasValue") { out.append(.hasValue(value)) }
        for head in values("in") {
            let members = try list(term, "sh:in", head)
            out.append(.in(members, Set(members)))
        }
        return out
    }

    private mutating func qualified(_ term: Term, depth: Int) throws(SHACLShapesError) -> [Constraint] {
        let shapes = index.objects(term, SHACL.ns + "qualifiedValueShape")
        guard !shapes.isEmpty else { return [] }
        let min = try index.objects(term, SHACL.ns + "qualifiedMinCount").first.map { (v) throws(SHACLShapesError) in
            try count(term, "sh:qualifiedMinCount", v)
        }
        let max = try index.objects(term, SHACL.ns + "qualifiedMaxCount").first.map { (v) throws(SHACLShapesError) in
            try count(term, "sh:qualifiedMaxCount", v)
        }
        let disjoint = try boolean(term, SHACL.ns + "qualifiedValueShapesDisjoint") == true
        var out: [Constraint] = []
        for value in shapes {
            let shape = try compile(value, depth: depth + 1)
            var siblings: [Int] = []
            if disjoint {
                for parent in index.subjects(SHACL.ns + "property", term) {
                    for sibling in index.objects(parent, SHACL.ns + "property") {
                        for other in index.objects(sibling, SHACL.ns + "qualifiedValueShape") where other != value {
                            let i = try compile(other, depth: depth + 1)
                            if !siblings.contains(i) { siblings.append(i) }
                        }
                    }
                }
            }
            out.append(.qualified(shape: shape, min: min, max: max, siblings: siblings))
        }
        return out
    }

    private func count(_ term: Term, _ parameter: String, _ value: Term) throws(SHACLShapesError) -> Int {
        guard case .literal(let literal) = value, case .decimal(let number)? = XSDValue(literal), number.isInteger,
            !number.isNegative, number.integerDigits.count <= 15,
            let int = Int(number.description)
        else { throw error(term, parameter, "a non-negative integer", value) }
        return int
    }

    private func list(_ term: Term, _ parameter: String, _ head: Term) throws(SHACLShapesError) -> [Term] {
        guard let items = index.list(head) else { throw error(term, parameter, "a well-formed RDF list", head) }
        return items
    }

    private func pattern(_ term: Term, _ value: Term, flags: Term?) throws(SHACLShapesError) -> CompiledPattern {
        guard case .literal(let literal) = value else { throw error(term, "sh:pattern", "a string literal", value) }
        var flagText = ""
        if let flags {
            guard case .literal(let f) = flags, f.lexicalForm.allSatisfy({ "ismxq".contains($0) }) else {
                throw error(term, "sh:flags", "a string of the XPath flags i, s, m, x, q", flags)
            }
            flagText = f.lexicalForm
        }
        var source = literal.lexicalForm
        if flagText.contains("q") {
            source = source.map { "\\^$.|?*+()[]{}".contains($0) ? "\\\($0)" : String($0) }.joined()
        }
        let inline = flagText.filter { "x".contains($0) }
        if !inline.isEmpty { source = "(?\(inline))" + source }
        do {
            var regex = try Regex(source).matchingSemantics(.unicodeScalar)
            if flagText.contains("i") { regex = regex.ignoresCase() }
            if flagText.contains("s") { regex = regex.dotMatchesNewlines() }
            if flagText.contains("m") { regex = regex.anchorsMatchLineEndings() }
            return CompiledPattern(source: literal.lexicalForm, regex: regex)
        } catch {
            throw SHACLShapesError(shape: term, message: "sh:pattern \(literal.lexicalForm) is not a valid regular expression")
        }
    }
}
