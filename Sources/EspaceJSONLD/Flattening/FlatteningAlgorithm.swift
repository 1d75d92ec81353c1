import EspaceJSON

/// The Flattening Algorithm (JSON-LD 1.1 API §7.1).
enum FlatteningAlgorithm {
    /// Flattens an expanded document: every node at the top level (or in the `@graph` of
    /// its named graph's node), with all its values collected and blank nodes labelled.
    static func flatten(
        _ expanded: JSONValue, ordered: Bool, options: JSONLDOptions,
        generator: inout BlankNodeIdentifierGenerator
    ) throws(JSONLDError) -> [JSONValue] {
        let nodeMap = try NodeMap.generate(from: expanded, generator: &generator, options: options)
        return flattenedOutput(of: nodeMap, ordered: ordered)
    }

    /// Steps 3-7: turns a node map into a flattened document.
    static func flattenedOutput(of nodeMap: NodeMap, ordered: Bool) -> [JSONValue] {
        var defaultGraph = nodeMap.graphs["@default"] ?? [:]
        var defaultOrder = nodeMap.nodeOrder["@default"] ?? []
        var graphObjects: [String: [JSONValue]] = [:]
        let graphNames = ordered ? nodeMap.sortedGraphNames : nodeMap.graphOrder
        for graphName in graphNames where graphName != "@default" {
            if defaultGraph[graphName] == nil {
                defaultGraph[graphName] = NodeMap.Node(id: graphName)
                defaultOrder.append(graphName)
            }
            let ids = ordered ? nodeMap.sortedNodeIDs(in: graphName) : (nodeMap.nodeOrder[graphName] ?? [])
            var members: [JSONValue] = []
            members.reserveCapacity(ids.count)
            if let graph = nodeMap.graphs[graphName] {
                for id in ids {
                    guard let node = graph[id], !node.hasOnlyID else { continue }
                    members.append(.object(node.jsonObject))
                }
            }
            graphObjects[graphName] = members
        }
        if ordered { defaultOrder.sort(by: codePointLess) }
        var flattened: [JSONValue] = []
        flattened.reserveCapacity(defaultOrder.count)
        for id in defaultOrder {
            guard let node = defaultGraph[id] else { continue }
            if let members = graphObjects[id] {
                var object = node.jsonObject
                object["@graph"] = .array(members)
                flattened.append(.object(object))
            } else if !node.hasOnlyID {
                flattened.append(.object(node.jsonObject))
            }
        }
        return flattened
    }
}

extension JSONLD {
    /// Flattens `input` (JSON-LD 1.1 API `flatten()`): expands it, collects every node's
    /// values at the top level (named graphs under their graph node's `@graph`), and
    /// compacts the result with `context` when it is neither nil nor null.
    ///
    /// `documentURL` and `contextURL` are as for `expand(_:documentURL:contextURL:options:)`.
    public static func flatten(
        _ input: JSONValue, context: JSONValue? = nil, documentURL: String? = nil, contextURL: String? = nil,
        options: JSONLDOptions = JSONLDOptions()
    ) throws(JSONLDError) -> JSONValue {
        var expandOptions = options
        expandOptions.ordered = false
        let resolver = ContextResolver(options: expandOptions)
        let expanded = try expand(input, documentURL: documentURL, contextURL: contextURL, resolver: resolver)
        var generator = BlankNodeIdentifierGenerator()
        let flattened = try FlatteningAlgorithm.flatten(
            .array(expanded), ordered: options.ordered, options: options, generator: &generator)
        guard let context, !context.isNull else { return .array(flattened) }
        return try compactExpanded(
            flattened, context: context, documentURL: documentURL, options: options, resolver: resolver,
            alwaysGraph: true)
    }
}
