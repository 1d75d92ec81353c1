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
        ensureGraph(graph)
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
        switch element {
        case .array(let items):
            // Step 1.
            for item in items {
                try generate(
                    item, graph: activeGraph, subject: activeSubject, property: activeProperty,
                    list: &list, state: &state, depth: depth + 1)
            }
        case .object(let object):
            // Step 2. The graph exists: `add` and the @graph step create it.
            try generate(
                object: object, graph: activeGraph, subject: activeSubject, property: activeProperty,
                list: &list, state: &state, depth: depth)
        default:
            return
        }
    }

    /// Whether a value object has a blank node identifier as `@type` (to relabel).
    private static func hasBlankType(_ object: JSONObject) -> Bool {
        guard let type = object["@type"] else { return false }
        return type.asArray.contains { $0.stringValue?.isBlankNodeIdentifier == true }
    }

    /// The keys of a node object handled before its properties (steps 6.1-6.10).
    private static func isHandledKeyword(_ key: String) -> Bool {
        guard key.utf8.first == UInt8(ascii: "@") else { return false }
        switch key {
        case "@id", "@type", "@index", "@reverse", "@graph", "@included": return true
        default: return false
        }
    }

    private mutating func generate(
        object element: JSONObject, graph activeGraph: String, subject activeSubject: ActiveSubject,
        property activeProperty: String?, list: inout [JSONValue]?, state: inout GenerationState,
        depth: Int
    ) throws(JSONLDError) {
        var subjectID: String? = nil
        if case .node(let id) = activeSubject { subjectID = id }

        // Step 3: relabel blank node types (copying the element only when there is one).
        var types = element["@type"]
        if let type = types {
            switch type {
            case .array(let items) where items.contains(where: { $0.stringValue?.isBlankNodeIdentifier == true }):
                types = .array(
                    items.map { item in
                        guard let s = item.stringValue, s.isBlankNodeIdentifier else { return item }
                        return .string(state.generator.generate(s))
                    })
            case .string(let s) where s.isBlankNodeIdentifier:
                types = .string(state.generator.generate(s))
            default: break
            }
        }

        // Step 4: value objects.
        if element["@value"] != nil {
            var value = element
            if let types, types != element["@type"] { value["@type"] = types }
            if list != nil {
                list?.append(.object(value))
            } else if let subjectID, let activeProperty {
                graphs[activeGraph]?[subjectID]?.addUnique(.object(value), to: activeProperty)
            }
            return
        }

        // Step 5: list objects.
        if let listValue = element["@list"] {
            var result: [JSONValue]? = []
            try generate(
                listValue, graph: activeGraph, subject: activeSubject, property: activeProperty,
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
        if let idValue = element["@id"] {
            let s = idValue.stringValue ?? ""
            id = s.isBlankNodeIdentifier ? state.generator.generate(s) : s
        } else {
            id = state.generator.generate(nil)
        }
        if graphs[activeGraph]?.insertNodeIfAbsent(id) == true { nodeOrder[activeGraph]?.append(id) }

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

        let index = element["@index"]
        if types != nil || index != nil {
            if graphs[activeGraph]?[id]?.merge(types: types, index: index) == false {
                throw JSONLDError(.conflictingIndexes, "node \(id) has two different @index values")
            }
        }

        if let reverseMap = element["@reverse"]?.objectValue {
            for (property, values) in reverseMap {
                for value in values.asArray {
                    var noList: [JSONValue]? = nil
                    try generate(
                        value, graph: activeGraph, subject: .reverse(id), property: property,
                        list: &noList, state: &state, depth: depth + 1)
                }
            }
        }

        if let graphValue = element["@graph"] {
            var noList: [JSONValue]? = nil
            // Step 2 of the recursive call creates the graph when it meets a map.
            if graphValue.arrayValue?.isEmpty != true { ensureGraph(id) }
            try generate(
                graphValue, graph: id, subject: .none, property: nil, list: &noList,
                state: &state, depth: depth + 1)
        }

        if let included = element["@included"] {
            var noList: [JSONValue]? = nil
            try generate(
                included, graph: activeGraph, subject: .none, property: nil, list: &noList,
                state: &state, depth: depth + 1)
        }

        // Step 6.11: the properties, in code-point order.
        var keys: [String] = []
        keys.reserveCapacity(element.count)
        for key in element.keys where !Self.isHandledKeyword(key) { keys.append(key) }
        if keys.count > 1 { keys.sort(by: codePointLess) }
        // Size the node's property table once instead of growing it key by key.
        if keys.count > 1 { graphs[activeGraph]?[id]?.reserveProperties(keys.count) }
        var pending: [JSONValue] = []
        for key in keys {
            guard let value = element[key] else { continue }
            var property = key
            if property.isBlankNodeIdentifier { property = state.generator.generate(property) }
            // Value objects are added directly (step 4 of the recursive call), in runs,
            // with one access to the node per run; other items go through the recursion.
            pending.removeAll(keepingCapacity: true)
            var created = false
            for item in value.asArray {
                if case .object(let object) = item, object["@value"] != nil, !Self.hasBlankType(object) {
                    pending.append(item)
                    continue
                }
                if !pending.isEmpty || !created {
                    graphs[activeGraph]?[id]?.addUnique(contentsOf: pending, to: property)
                    pending.removeAll(keepingCapacity: true)
                    created = true
                }
                guard depth + 1 <= state.maxDepth else {
                    throw JSONLDError(
                        .limitExceeded, "node map generation exceeded the maximum depth \(state.maxDepth)")
                }
                var noList: [JSONValue]? = nil
                try generate(
                    item, graph: activeGraph, subject: .node(id), property: property,
                    list: &noList, state: &state, depth: depth + 2)
            }
            if !pending.isEmpty || !created {
                graphs[activeGraph]?[id]?.addUnique(contentsOf: pending, to: property)
            }
        }
    }
}
