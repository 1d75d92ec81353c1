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

        /// Does nothing; lets a defaulted dictionary access insert a node.
        @inline(__always) mutating func touch() {}

        /// Makes room for `count` more properties.
        mutating func reserveProperties(_ count: Int) {
            properties.reserveCapacity(properties.count + count)
            propertyOrder.reserveCapacity(propertyOrder.count + count)
        }

        /// Creates `property` with no values when absent.
        mutating func ensureProperty(_ property: String) {
            if properties.index(forKey: property) == nil {
                properties[property] = []
                propertyOrder.append(property)
            }
        }

        /// Appends `value` to `property` unless an equal value is already there.
        mutating func addUnique(_ value: JSONValue, to property: String) {
            _ = addUniqueIndex(value, to: property)
        }

        /// Appends `value` to `property` unless an equal value is already there, and
        /// returns the position of `value` (appended or found) in the values of `property`.
        @discardableResult
        mutating func addUniqueIndex(_ value: JSONValue, to property: String) -> Int {
            guard let i = properties.index(forKey: property) else {
                properties[property] = [value]
                propertyOrder.append(property)
                return 0
            }
            if properties.values[i].count >= NodeMap.Node.hashThreshold {
                if valueSets[property] == nil {
                    valueSets[property] = Set(properties.values[i])
                }
                guard valueSets[property]?.insert(value).inserted == true else {
                    return properties.values[i].firstIndex(of: value) ?? 0
                }
            } else if let existing = properties.values[i].firstIndex(of: value) {
                return existing
            }
            properties.values[i].append(value)
            return properties.values[i].count - 1
        }

        /// Creates `property` if needed and adds each of `values` unless already there.
        mutating func addUnique(contentsOf values: [JSONValue], to property: String) {
            ensureProperty(property)
            for value in values { addUnique(value, to: property) }
        }

        /// Appends `value` to `property` without a duplicate check.
        mutating func append(_ value: JSONValue, to property: String) {
            guard let i = properties.index(forKey: property) else {
                properties[property] = [value]
                propertyOrder.append(property)
                return
            }
            properties.values[i].append(value)
            if valueSets[property] != nil { valueSets[property]?.insert(value) }
        }

        /// Adds `type` unless already present.
        mutating func addType(_ type: String) {
            if types == nil { types = [] }
            if types?.contains(type) == false { types?.append(type) }
        }

        /// Merges the `@type` and `@index` of a node object (§7.2 steps 6.6-6.7); false
        /// when the node already has a different `@index`.
        mutating func merge(types newTypes: JSONValue?, index newIndex: JSONValue?) -> Bool {
            if let newTypes {
                if types == nil { types = [] }
                for type in newTypes.asArray {
                    if let s = type.stringValue, types?.contains(s) == false { types?.append(s) }
                }
            }
            if let newIndex {
                if let index, index != newIndex { return false }
                index = newIndex
            }
            return true
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
        if graphs.index(forKey: name) == nil {
            graphs[name] = [:]
            graphOrder.append(name)
            nodeOrder[name] = []
        }
    }

    /// Adds an empty node `id` to `graph` (which must exist) unless it has one.
    mutating func ensureNode(_ id: String, in graph: String) {
        ensureGraph(graph)
        let inserted = graphs[graph]?.insertNodeIfAbsent(id) ?? false
        if inserted { nodeOrder[graph]?.append(id) }
    }
}

extension Dictionary where Key == String, Value == NodeMap.Node {
    /// Inserts an empty node `id` unless present; true when inserted.
    mutating func insertNodeIfAbsent(_ id: String) -> Bool {
        let before = count
        self[id, default: NodeMap.Node(id: id)].touch()  // one lookup, inserting when absent
        return count != before
    }
}

/// Code-point (UTF-8 byte) order of strings, as the spec's "ordered lexicographically".
@inlinable func codePointLess(_ a: String, _ b: String) -> Bool {
    let fast = a.utf8.withContiguousStorageIfAvailable { pa in
        b.utf8.withContiguousStorageIfAvailable { pb -> Bool in
            let n = Swift.min(pa.count, pb.count)
            var i = 0
            while i < n {
                let x = pa[i]
                let y = pb[i]
                if x != y { return x < y }
                i += 1
            }
            return pa.count < pb.count
        }
    }
    if let result = fast ?? nil { return result }
    return a.utf8.lexicographicallyPrecedes(b.utf8)
}
