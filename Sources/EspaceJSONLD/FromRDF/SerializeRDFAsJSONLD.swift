import EspaceJSON
import EspaceRDF

/// Serialize RDF as JSON-LD (JSON-LD 1.1 API §8.4): turns an RDF dataset into an
/// expanded JSON-LD document, rebuilding lists from `rdf:first`/`rdf:rest` chains.
struct RDFToJSONLDSerializer {
    /// Where an object was used: the value at `index` of `property` of `node` in `graph`.
    struct Usage {
        var graph: String
        var node: String
        var property: String
        var index: Int
    }

    let options: JSONLDOptions

    func serialize(_ dataset: Dataset) throws(JSONLDError) -> [JSONValue] {
        var graphMap = NodeMap()
        /// Blank node → its only usage, or nil once used more than once.
        var referencedOnce: [String: Usage?] = [:]
        /// Graph → usages of rdf:nil.
        var nilUsages: [String: [Usage]] = [:]
        var compoundLiteralSubjects: [String: [String]] = [:]
        let compound = options.rdfDirection == "compound-literal"
        if let direction = options.rdfDirection, direction != "compound-literal", direction != "i18n-datatype" {
            throw JSONLDError(.invalidRDFDirection, "unknown rdfDirection \(direction)")
        }
        guard dataset.count <= options.limits.maxOutputItems else {
            throw JSONLDError(.limitExceeded, "the dataset has more than \(options.limits.maxOutputItems) quads")
        }

        var currentGraph = ""
        for quad in dataset.quads {
            let name = quad.graph.map(Self.identifier) ?? "@default"
            if name != currentGraph {
                graphMap.ensureGraph(name)
                if name != "@default" { graphMap.ensureNode(name, in: "@default") }
                currentGraph = name
            }
            let subject = Self.identifier(quad.subject)
            let predicate = Self.identifier(quad.predicate)
            graphMap.ensureNode(subject, in: name)
            if compound, predicate == Vocabulary.rdfDirection {
                compoundLiteralSubjects[name, default: []].append(subject)
            }
            var objectID: String? = nil
            switch quad.object {
            case .iri(let iri): objectID = iri
            case .blank(let label): objectID = "_:" + label
            case .literal: break
            }
            if let objectID { graphMap.ensureNode(objectID, in: name) }
            if predicate == Vocabulary.rdfType, !options.useRdfType, let objectID {
                graphMap.graphs[name]?[subject]?.addType(objectID)
                continue
            }
            let value = try RDFToObjectConversion.convert(quad.object, options: options)
            let index = graphMap.graphs[name]?[subject]?.addUniqueIndex(value, to: predicate) ?? 0
            guard let objectID else { continue }
            let usage = Usage(graph: name, node: subject, property: predicate, index: index)
            if objectID == Vocabulary.rdfNil {
                nilUsages[name, default: []].append(usage)
            } else if referencedOnce[objectID] != nil {
                referencedOnce[objectID] = .some(nil)
            } else if objectID.isBlankNodeIdentifier {
                referencedOnce[objectID] = usage
            }
        }

        for name in graphMap.graphOrder {
            // Compound literals (rdfDirection: compound-literal).
            for cl in compoundLiteralSubjects[name] ?? [] {
                guard let entry = referencedOnce[cl], let usage = entry,
                    let clNode = graphMap.graphs[name]?[cl]
                else { continue }
                graphMap.graphs[name]?[cl] = nil
                graphMap.nodeOrder[name]?.removeAll { $0 == cl }
                var literal = JSONObject()
                literal["@value"] = clNode[Vocabulary.rdfValue].first?["@value"] ?? .null
                if let language = clNode[Vocabulary.rdfLanguage].first?["@value"] {
                    guard let tag = language.stringValue, Self.isWellFormedLanguageTag(tag) else {
                        throw JSONLDError(
                            .invalidLanguageTaggedString, "invalid language tag in compound literal \(cl)")
                    }
                    literal["@language"] = language
                }
                if let direction = clNode[Vocabulary.rdfDirection].first?["@value"] {
                    guard direction == "ltr" || direction == "rtl" else {
                        throw JSONLDError(.invalidBaseDirection, "invalid base direction in compound literal \(cl)")
                    }
                    literal["@direction"] = direction
                }
                let reference: JSONValue = .object(["@id": .string(cl)])
                if let values = graphMap.graphs[usage.graph]?[usage.node]?.properties[usage.property] {
                    for (i, item) in values.enumerated() where item == reference {
                        graphMap.graphs[usage.graph]?[usage.node]?.properties[usage.property]?[i] = .object(literal)
                    }
                }
            }
            // Lists: find every list first, then build them, so that a list nested in
            // another is built whichever rdf:nil is met first.
            guard let usages = nilUsages[name] else { continue }
            var listHeads: [ValueKey: [String]] = [:]
            var removed: Set<String> = []
            for usage in usages {
                var nodeID = usage.node
                var property = usage.property
                var head = usage
                var listNodes: [String] = []
                while property == Vocabulary.rdfRest, nodeID.isBlankNodeIdentifier,
                    let once = referencedOnce[nodeID], let nodeUsage = once,
                    let node = graphMap.graphs[name]?[nodeID], Self.isWellFormedListNode(node)
                {
                    listNodes.append(nodeID)
                    nodeID = nodeUsage.node
                    property = nodeUsage.property
                    head = nodeUsage
                    if !nodeID.isBlankNodeIdentifier { break }
                }
                listHeads[ValueKey(node: head.node, property: head.property, index: head.index)] = listNodes.reversed()
                removed.formUnion(listNodes)
            }
            var built: [(ValueKey, JSONValue)] = []
            for key in listHeads.keys {
                var visiting: Set<ValueKey> = []
                built.append(
                    (
                        key,
                        try Self.value(
                            at: key, graph: graphMap.graphs[name] ?? [:], lists: listHeads, visiting: &visiting,
                            maxDepth: options.limits.maxDepth)
                    ))
            }
            for (key, value) in built {
                graphMap.graphs[name]?[key.node]?.properties[key.property]?[key.index] = value
            }
            for id in removed { graphMap.graphs[name]?[id] = nil }
            if !removed.isEmpty { graphMap.nodeOrder[name]?.removeAll { removed.contains($0) } }
        }

        var result: [JSONValue] = []
        let defaultGraph = graphMap.graphs["@default"] ?? [:]
        let subjects = options.ordered ? graphMap.sortedNodeIDs(in: "@default") : (graphMap.nodeOrder["@default"] ?? [])
        for subject in subjects {
            guard let node = defaultGraph[subject] else { continue }
            var object = node.jsonObject
            if subject != "@default", let graph = graphMap.graphs[subject] {
                let ids = options.ordered ? graphMap.sortedNodeIDs(in: subject) : (graphMap.nodeOrder[subject] ?? [])
                var members: [JSONValue] = []
                for id in ids {
                    guard let member = graph[id], !member.hasOnlyID else { continue }
                    members.append(.object(member.jsonObject))
                }
                object["@graph"] = .array(members)
            } else if node.hasOnlyID {
                continue
            }
            result.append(.object(object))
        }
        return result
    }

    /// A value in a graph of the node map: the `index`th value of `property` of `node`.
    struct ValueKey: Hashable {
        var node: String
        var property: String
        var index: Int
    }

    /// The value at `key`, with the list it heads built (recursively) when it heads one.
    static func value(
        at key: ValueKey, graph: [String: NodeMap.Node], lists: [ValueKey: [String]], visiting: inout Set<ValueKey>,
        maxDepth: Int
    ) throws(JSONLDError) -> JSONValue {
        guard let listNodes = lists[key] else {
            let values = graph[key.node]?.properties[key.property] ?? []
            return key.index < values.count ? values[key.index] : .null
        }
        guard visiting.insert(key).inserted else {
            throw JSONLDError(.limitExceeded, "cyclic RDF list at \(key.node)")
        }
        guard visiting.count <= maxDepth else {
            throw JSONLDError(.limitExceeded, "RDF lists nested deeper than \(maxDepth)")
        }
        defer { visiting.remove(key) }
        var items: [JSONValue] = []
        items.reserveCapacity(listNodes.count)
        for id in listNodes {
            items.append(
                try value(
                    at: ValueKey(node: id, property: Vocabulary.rdfFirst, index: 0), graph: graph, lists: lists,
                    visiting: &visiting, maxDepth: maxDepth))
        }
        return .object(["@list": .array(items)])
    }

    /// A node with exactly one `rdf:first` and one `rdf:rest` and nothing else but an
    /// optional `@type` of `rdf:List`.
    static func isWellFormedListNode(_ node: NodeMap.Node) -> Bool {
        guard node.properties.count == 2, node[Vocabulary.rdfFirst].count == 1,
            node[Vocabulary.rdfRest].count == 1, node.index == nil
        else { return false }
        if let types = node.types, types != [Vocabulary.rdf + "List"] { return false }
        return true
    }

    static func identifier(_ term: Term) -> String {
        switch term {
        case .iri(let iri): return iri
        case .blank(let label): return "_:" + label
        case .literal(let literal): return literal.lexicalForm
        }
    }

    /// BCP 47 well-formedness, loosely: alphanumeric subtags of 1-8 characters, the
    /// first alphabetic.
    static func isWellFormedLanguageTag(_ tag: String) -> Bool {
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = subtags.first, !first.isEmpty, first.count <= 8,
            first.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A })
        else { return false }
        for subtag in subtags.dropFirst() {
            guard !subtag.isEmpty, subtag.count <= 8,
                subtag.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || ($0 >= 0x30 && $0 <= 0x39) })
            else { return false }
        }
        return true
    }
}

extension JSONLD {
    /// Serializes an RDF dataset as expanded JSON-LD (JSON-LD 1.1 API `fromRdf()`), with
    /// `useNativeTypes`, `useRdfType`, `rdfDirection` and `ordered` from `options`.
    public static func fromRDF(_ dataset: Dataset, options: JSONLDOptions = JSONLDOptions()) throws(JSONLDError)
        -> [JSONValue]
    {
        try RDFToJSONLDSerializer(options: options).serialize(dataset)
    }
}
