import EspaceJSON

extension NodeMap {
    /// The subject an element is processed for: none, a node (by identifier), or a node
    /// that the element points to through a reverse property.
    enum ActiveSubject {
        case none
        case node(String)
        case reverse(String)
    }

    /// Node Map Generation (JSON-LD 1.1 API §7.2) over an expanded document.
    ///
    /// Blank node identifiers are relabelled through `generator`, and nodes without `@id`
    /// get a fresh one. Throws `conflicting indexes` when a node has two `@index` values.
    public static func generate(
        from expanded: JSONValue, generator: inout BlankNodeIdentifierGenerator,
        options: JSONLDOptions = JSONLDOptions()
    ) throws(JSONLDError) -> NodeMap {
        var map = NodeMap()
        try map.add(expanded, generator: &generator, maxDepth: options.limits.expandedMaxDepth)
        return map
    }

    /// Adds the nodes of the expanded `element` to this node map, in `graph`.
    public mutating func add(
        _ element: JSONValue, graph: String = "@default",
        generator: inout BlankNodeIdentifierGenerator, maxDepth: Int = JSONLDLimits().expandedMaxDepth
    ) throws(JSONLDError) {
        var noList: [JSONValue]? = nil
        var context = GenerationState(generator: generator, maxDepth: maxDepth)
        defer { generator = context.generator }
        try generate(element, graph: graph, subject: .none, property: nil, list: &noList, state: &context, depth: 0)
    }

    struct GenerationState {
        var generator: BlankNodeIdentifierGenerator
        let maxDepth: Int
    }

    private mutating func generate(
        _ element: JSONValue, graph activeGraph: String, subject activeSubject: ActiveSubject,
        property activeProperty: String?, list: inout [JSONValue]?, state: inout GenerationState,
        depth: Int
    ) throws(JSONLDError) {
        guard depth <= state.maxDepth else {
            throw JSONLDError(.limitExceeded, "node map generation exceeded the maximum depth \(state.maxDepth)")
        }
        // Step 1: arrays.
        if case .array(let items) = element {
            for item in items {
                try generate(item, graph: activeGraph, subject: activeSubject, property: activeProperty,
                             list: &list, state: &state, depth: depth + 1)
            }
            return
        }
        // Step 2: element is a map.
        guard case .object(var element) = element else { return }
        ensureGraph(activeGraph)
        var subjectID: String? = nil
        if case .node(let id) = activeSubject { subjectID = id }

        // Step 3: relabel blank node types.
        if let type = element["@type"] {
            switch type {
            case .array(let items):
                var relabelled = items
                for (i, item) in items.enumerated() {
                    if let s = item.stringValue, s.isBlankNodeIdentifier {
                        relabelled[i] = .string(state.generator.generate(s))
                    }
                }
                element["@type"] = .array(relabelled)
            case .string(let s) where s.isBlankNodeIdentifier:
                element["@type"] = .string(state.generator.generate(s))
            default: break
            }
        }

        // Step 4: value objects.
        if element["@value"] != nil {
            if list != nil {
                list?.append(.object(element))
            } else if let subjectID, let activeProperty {
                graphs[activeGraph]?[subjectID]?.addUnique(.object(element), to: activeProperty)
            }
            return
        }

        // Step 5: list objects.
        if let listValue = element["@list"] {
            var result: [JSONValue]? = []
            try generate(listValue, graph: activeGraph, subject: activeSubject, property: activeProperty,
                         list: &result, state: &state, depth: depth + 1)
            let listObject: JSONValue = .object(["@list": .array(result ?? [])])
            if list != nil {
                list?.append(listObject)
            } else if let subjectID, let activeProperty {
                graphs[activeGraph]?[subjectID]?.append(listObject, to: activeProperty)
            }
            return
        }

        // Step 6: node objects.
        let id: String
        if let idValue = element.removeValue(forKey: "@id") {
            let s = idValue.stringValue ?? ""
            id = s.isBlankNodeIdentifier ? state.generator.generate(s) : s
        } else {
            id = state.generator.generate(nil)
        }
        ensureNode(id, in: activeGraph)

        switch activeSubject {
        case .reverse(let referencing):
            if let activeProperty {
                graphs[activeGraph]?[id]?.addUnique(.object(["@id": .string(referencing)]), to: activeProperty)
            }
        case .node, .none:
            if let activeProperty {
                let reference: JSONValue = .object(["@id": .string(id)])
                if list != nil {
                    list?.append(reference)
                } else if let subjectID {
                    graphs[activeGraph]?[subjectID]?.addUnique(reference, to: activeProperty)
                }
            }
        }

        if let types = element.removeValue(forKey: "@type") {
            if graphs[activeGraph]?[id]?.types == nil { graphs[activeGraph]?[id]?.types = [] }
            for type in types.asArray {
                if let s = type.stringValue { graphs[activeGraph]?[id]?.addType(s) }
            }
        }

        if let index = element.removeValue(forKey: "@index") {
            if let existing = graphs[activeGraph]?[id]?.index, existing != index {
                throw JSONLDError(.conflictingIndexes, "node \(id) has two different @index values")
            }
            graphs[activeGraph]?[id]?.index = index
        }

        if let reverseMap = element.removeValue(forKey: "@reverse")?.objectValue {
            for (property, values) in reverseMap {
                for value in values.asArray {
                    var noList: [JSONValue]? = nil
                    try generate(value, graph: activeGraph, subject: .reverse(id), property: property,
                                 list: &noList, state: &state, depth: depth + 1)
                }
            }
        }

        if let graphValue = element.removeValue(forKey: "@graph") {
            var noList: [JSONValue]? = nil
            try generate(graphValue, graph: id, subject: .none, property: nil, list: &noList,
                         state: &state, depth: depth + 1)
        }

        if let included = element.removeValue(forKey: "@included") {
            var noList: [JSONValue]? = nil
            try generate(included, graph: activeGraph, subject: .none, property: nil, list: &noList,
                         state: &state, depth: depth + 1)
        }

        for key in element.keys.sorted(by: codePointLess) {
            guard let value = element[key] else { continue }
            var property = key
            if property.isBlankNodeIdentifier { property = state.generator.generate(property) }
            graphs[activeGraph]?[id]?.ensureProperty(property)
            var noList: [JSONValue]? = nil
            try generate(value, graph: activeGraph, subject: .node(id), property: property,
                         list: &noList, state: &state, depth: depth + 1)
        }
    }
}
