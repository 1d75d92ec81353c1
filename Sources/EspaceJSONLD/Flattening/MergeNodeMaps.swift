import EspaceJSON

extension NodeMap {
    /// Merge Node Maps (JSON-LD 1.1 API §7.3): one map of all nodes of all graphs, each
    /// merged node holding the union of the values found for its identifier in any graph.
    /// Keyword entries other than `@type` (`@index`) are overwritten by later graphs.
    public func merged() -> [String: Node] {
        var result: [String: Node] = [:]
        for graphName in graphOrder {
            guard let graph = graphs[graphName] else { continue }
            for id in nodeOrder[graphName] ?? [] {
                guard let node = graph[id] else { continue }
                var merged = result[id] ?? Node(id: id)
                if let types = node.types {
                    if merged.types == nil { merged.types = [] }
                    for type in types { merged.addType(type) }
                }
                if let index = node.index { merged.index = index }
                for property in node.propertyOrder {
                    merged.ensureProperty(property)
                    for value in node.properties[property] ?? [] {
                        merged.addUnique(value, to: property)
                    }
                }
                result[id] = merged
            }
        }
        return result
    }
}
