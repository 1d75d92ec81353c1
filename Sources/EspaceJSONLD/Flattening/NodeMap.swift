import EspaceJSON

/// A node map (JSON-LD 1.1 API §7.2): for each graph name (`@default` for the default
/// graph) the nodes of that graph by identifier, each node holding all the values found
/// for it in an expanded document, with embedded nodes replaced by node references.
///
/// Built by `NodeMap.generate(from:generator:)` (Node Map Generation); `merged()` is the
/// Merge Node Maps algorithm. Graph names, node identifiers and properties are kept in
/// first-seen order; `sortedGraphNames`, `sortedNodeIDs(in:)` give the spec's code-point
/// order.
public struct NodeMap: Sendable {
    /// One node of a graph: its identifier, types, index and property values.
    public struct Node: Sendable, Equatable {
        /// The node identifier (an IRI or blank node identifier).
        public let id: String
        /// The `@type` values, without duplicates; nil when the node has no `@type` entry.
        public internal(set) var types: [String]?
        /// The `@index` value, if any.
        public internal(set) var index: JSONValue?
        /// Property IRI (or blank node identifier) → values, in first-seen order.
        public internal(set) var properties: [String: [JSONValue]] = [:]
        /// The properties in the order they were first seen.
        public internal(set) var propertyOrder: [String] = []
        /// Keywords other than `@id`/`@type`/`@index` set by merging (e.g. `@graph`).
        var valueSets: [String: Set<JSONValue>] = [:]

        public init(id: String) {
            self.id = id
        }

        /// The values of `property` (empty when absent).
        public subscript(property: String) -> [JSONValue] {
            properties[property] ?? []
        }

        /// Whether the node has nothing but its `@id`.
        public var hasOnlyID: Bool {
            types == nil && index == nil && properties.isEmpty
        }

        /// Creates `property` with no values when absent.
        mutating func ensureProperty(_ property: String) {
            if properties[property] == nil {
                properties[property] = []
                propertyOrder.append(property)
            }
        }

        /// Appends `value` to `property` unless an equal value is already there.
        mutating func addUnique(_ value: JSONValue, to property: String) {
            ensureProperty(property)
            let count = properties[property]?.count ?? 0
            if count >= NodeMap.Node.hashThreshold {
                if valueSets[property] == nil {
                    valueSets[property] = Set(properties[property] ?? [])
                }
                guard valueSets[property]?.insert(value).inserted == true else { return }
            } else if properties[property]?.contains(value) == true {
                return
            }
            properties[property]?.append(value)
        }

        /// Appends `value` to `property` without a duplicate check.
        mutating func append(_ value: JSONValue, to property: String) {
            ensureProperty(property)
            properties[property]?.append(value)
            if valueSets[property] != nil { valueSets[property]?.insert(value) }
        }

        /// Adds `type` unless already present.
        mutating func addType(_ type: String) {
            if types == nil { types = [] }
            if types?.contains(type) == false { types?.append(type) }
        }

        static let hashThreshold = 16

        /// The node as an expanded node object: `@id`, `@type`, `@index`, then properties.
        public var jsonObject: JSONObject {
            var object = JSONObject(minimumCapacity: properties.count + 3)
            object["@id"] = .string(id)
            if let types { object["@type"] = .array(types.map { .string($0) }) }
            if let index { object["@index"] = index }
            for property in propertyOrder {
                if let values = properties[property] { object[property] = .array(values) }
            }
            return object
        }

        public static func == (lhs: Node, rhs: Node) -> Bool {
            lhs.id == rhs.id && lhs.types == rhs.types && lhs.index == rhs.index
                && lhs.properties == rhs.properties
        }
    }

    /// Graph name → node identifier → node.
    public internal(set) var graphs: [String: [String: Node]] = ["@default": [:]]
    /// Graph names in first-seen order (`@default` first).
    public internal(set) var graphOrder: [String] = ["@default"]
    /// Node identifiers of each graph in first-seen order.
    public internal(set) var nodeOrder: [String: [String]] = ["@default": []]

    public init() {}

    /// The graph names in code-point order.
    public var sortedGraphNames: [String] { graphOrder.sorted(by: codePointLess) }

    /// The node identifiers of `graph` in code-point order.
    public func sortedNodeIDs(in graph: String) -> [String] {
        (nodeOrder[graph] ?? []).sorted(by: codePointLess)
    }

    /// The nodes of `graph` in code-point order of their identifiers.
    public func sortedNodes(in graph: String) -> [Node] {
        guard let nodes = graphs[graph] else { return [] }
        return sortedNodeIDs(in: graph).compactMap { nodes[$0] }
    }

    mutating func ensureGraph(_ name: String) {
        if graphs[name] == nil {
            graphs[name] = [:]
            graphOrder.append(name)
            nodeOrder[name] = []
        }
    }

    mutating func ensureNode(_ id: String, in graph: String) {
        ensureGraph(graph)
        if graphs[graph]?[id] == nil {
            graphs[graph]?[id] = Node(id: id)
            nodeOrder[graph, default: []].append(id)
        }
    }
}

/// Code-point (UTF-8 byte) order of strings, as the spec's "ordered lexicographically".
@inlinable func codePointLess(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}
