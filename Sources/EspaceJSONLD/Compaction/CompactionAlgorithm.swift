import EspaceJSON

extension Compactor {
    /// The Compaction Algorithm (JSON-LD 1.1 API §6.1): compacts the expanded `element`
    /// for `activeProperty` with `activeContext`.
    func compact(
        _ element: JSONValue, activeProperty: String?, context activeContext: ActiveContext, depth: Int = 0
    ) throws(JSONLDError) -> JSONValue {
        guard depth <= maxDepth else {
            throw JSONLDError(.limitExceeded, "compaction exceeded the maximum depth \(maxDepth)")
        }
        // Step 1.
        let typeScopedContext = activeContext
        switch element {
        case .null, .bool, .number, .string:
            return element
        case .array(let items):
            var result: [JSONValue] = []
            result.reserveCapacity(items.count)
            for item in items {
                let compacted = try compact(
                    item, activeProperty: activeProperty, context: activeContext, depth: depth + 1)
                if !compacted.isNull { result.append(compacted) }
            }
            if result.count != 1 || !compactArrays || activeProperty == "@graph" || activeProperty == "@set" {
                return .array(result)
            }
            let container = activeContext.container(of: activeProperty)
            if container.contains("@list") || container.contains("@set") { return .array(result) }
            return result[0]
        case .object(let element):
            return try compactMap(
                element, activeProperty: activeProperty, context: activeContext,
                typeScopedContext: typeScopedContext, depth: depth)
        }
    }

    private func compactMap(
        _ element: JSONObject, activeProperty: String?, context initialContext: ActiveContext,
        typeScopedContext: ActiveContext, depth: Int
    ) throws(JSONLDError) -> JSONValue {
        var activeContext = initialContext
        // Step 5: a non-propagated (type-scoped) context ends at a new node object.
        if let previous = activeContext.previousContext, element["@value"] == nil,
            !(element.count == 1 && element["@id"] != nil)
        {
            activeContext = previous.value
        }
        // Step 6: property-scoped context. The term is looked up in the context the
        // property was compacted with (before step 5), as in expansion: a property defined
        // by a type-scoped context keeps its scoped context for its values.
        if let definition = initialContext.definition(of: activeProperty), definition.hasContext {
            activeContext = try ContextProcessing.process(
                active: activeContext, scopedBy: definition, resolver: resolver, overrideProtected: true)
        }
        // Step 7: values and node references. (Value compaction of a node object with
        // other entries than @id and @index cannot give a scalar, so it is skipped
        // unless the property is @json-typed.)
        let activeDefinition = activeContext.definition(of: activeProperty)
        let activeContainer = activeDefinition?.container ?? []
        let isNodeReference =
            element["@id"] != nil
            && (element.count == 1 || (element.count == 2 && element["@index"] != nil))
        if element["@value"] != nil || isNodeReference
            || (element["@id"] != nil && activeDefinition?.typeMapping == "@json")
        {
            let compacted = try compactValue(element, definition: activeDefinition, in: activeContext)
            if compacted.isScalar || activeDefinition?.typeMapping == "@json" {
                return compacted
            }
        }
        // Step 8: a list in a list container.
        if element.isListObject, activeContainer.contains("@list") {
            return try compact(
                element["@list"] ?? .array([]), activeProperty: activeProperty, context: activeContext,
                depth: depth + 1)
        }
        // Steps 9-11.
        let insideReverse = activeProperty == "@reverse"
        var result = JSONObject()
        if let types = element["@type"] {
            var compactedTypes: [String] = []
            for type in types.asArray {
                if let s = type.stringValue { compactedTypes.append(try compactIRI(s, in: activeContext)) }
            }
            for term in compactedTypes.sorted(by: codePointLess) {
                if let definition = typeScopedContext.terms[term], definition.hasContext {
                    activeContext = try ContextProcessing.process(
                        active: activeContext, scopedBy: definition, resolver: resolver, propagate: false)
                }
            }
        }
        // Step 12.
        let keys = ordered ? element.keys.sorted(by: codePointLess) : Array(element.keys)
        for expandedProperty in keys {
            guard let expandedValue = element[expandedProperty] else { continue }
            switch expandedProperty.utf8.first == UInt8(ascii: "@") ? expandedProperty : "" {
            case "@id":
                var compactedValue = expandedValue
                if let s = expandedValue.stringValue {
                    compactedValue = .string(try compactIRI(s, in: activeContext, vocab: false))
                }
                result[try compactIRI("@id", in: activeContext)] = compactedValue
                continue
            case "@type":
                let compactedValue: JSONValue
                if let s = expandedValue.stringValue {
                    compactedValue = .string(try compactIRI(s, in: typeScopedContext))
                } else {
                    var compactedTypes: [JSONValue] = []
                    for type in expandedValue.asArray {
                        if let s = type.stringValue {
                            compactedTypes.append(.string(try compactIRI(s, in: typeScopedContext)))
                        }
                    }
                    compactedValue = .array(compactedTypes)
                }
                let alias = try compactIRI("@type", in: activeContext)
                let asArray = (!isJSONLD10 && activeContext.container(of: alias).contains("@set")) || !compactArrays
                result.addValue(compactedValue, to: alias, asArray: asArray)
                continue
            case "@reverse":
                let compacted = try compact(
                    expandedValue, activeProperty: "@reverse", context: activeContext, depth: depth + 1)
                guard case .object(var compactedValue) = compacted else { continue }
                for (property, value) in compactedValue {
                    guard let definition = activeContext.terms[property], definition.reverse else { continue }
                    let asArray = definition.container.contains("@set") || !compactArrays
                    result.addValue(value, to: property, asArray: asArray)
                    compactedValue.removeValue(forKey: property)
                }
                if !compactedValue.isEmpty {
                    result[try compactIRI("@reverse", in: activeContext)] = .object(compactedValue)
                }
                continue
            case "@preserve":
                let compactedValue = try compact(
                    expandedValue, activeProperty: activeProperty, context: activeContext, depth: depth + 1)
                if expandedValue.arrayValue?.isEmpty != true { result["@preserve"] = compactedValue }
                continue
            case "@index" where activeContainer.contains("@index"):
                continue
            case "@direction", "@index", "@language", "@value":
                result[try compactIRI(expandedProperty, in: activeContext)] = expandedValue
                continue
            default:
                break
            }

            // Step 12.7: an empty array.
            if case .array(let items) = expandedValue, items.isEmpty {
                let itemActiveProperty = try compactIRI(
                    expandedProperty, in: activeContext, value: expandedValue, reverse: insideReverse)
                if let nestTerm = try nestTerm(of: itemActiveProperty, in: activeContext) {
                    var nestResult = result[nestTerm]?.objectValue ?? JSONObject()
                    result[nestTerm] = .null
                    nestResult.addValue(.array([]), to: itemActiveProperty, asArray: true)
                    result[nestTerm] = .object(nestResult)
                } else {
                    result.addValue(.array([]), to: itemActiveProperty, asArray: true)
                }
            }

            // Step 12.8.
            for expandedItem in expandedValue.asArray {
                let itemActiveProperty = try compactIRI(
                    expandedProperty, in: activeContext, value: expandedItem, reverse: insideReverse)
                if let nestTerm = try nestTerm(of: itemActiveProperty, in: activeContext) {
                    var nestResult = result[nestTerm]?.objectValue ?? JSONObject()
                    result[nestTerm] = .null
                    try place(
                        expandedItem, itemActiveProperty: itemActiveProperty, into: &nestResult,
                        context: activeContext, depth: depth)
                    result[nestTerm] = .object(nestResult)
                } else {
                    try place(
                        expandedItem, itemActiveProperty: itemActiveProperty, into: &result,
                        context: activeContext, depth: depth)
                }
            }
        }
        return .object(result)
    }

    /// The nest term of `term` (step 12.8.2), validated.
    private func nestTerm(of term: String, in context: ActiveContext) throws(JSONLDError) -> String? {
        guard let nest = context.terms[term]?.nest else { return nil }
        if nest != "@nest", context.terms[nest]?.iri != "@nest" {
            throw JSONLDError(.invalidNestValue, "the nest value \(nest) of \(term) is not @nest or an alias of it")
        }
        return nest
    }

    /// Steps 12.8.3-12.8.11: compacts one item of a property and adds it to `nestResult`.
    private func place(
        _ expandedItem: JSONValue, itemActiveProperty: String, into nestResult: inout JSONObject,
        context activeContext: ActiveContext, depth: Int
    ) throws(JSONLDError) {
        let definition = activeContext.terms[itemActiveProperty]
        let container = definition?.container ?? []
        let asArray =
            container.contains("@set") || itemActiveProperty == "@graph"
            || itemActiveProperty == "@list" || !compactArrays
        let itemObject = expandedItem.objectValue
        let isList = itemObject?.isListObject ?? false
        let isGraph = itemObject?.isGraphObject ?? false
        var toCompact = expandedItem
        if isList, let list = itemObject?["@list"] {
            toCompact = list
        } else if isGraph, let graph = itemObject?["@graph"] {
            toCompact = graph
        }
        var compactedItem = try compact(
            toCompact, activeProperty: itemActiveProperty, context: activeContext, depth: depth + 1)

        if isList, let itemObject {
            // Step 12.8.7.
            if !compactedItem.isArray { compactedItem = .array([compactedItem]) }
            if !container.contains("@list") {
                var listObject = JSONObject()
                listObject[try compactIRI("@list", in: activeContext)] = compactedItem
                if let index = itemObject["@index"] {
                    listObject[try compactIRI("@index", in: activeContext)] = index
                }
                nestResult.addValue(.object(listObject), to: itemActiveProperty, asArray: asArray)
            } else {
                nestResult[itemActiveProperty] = compactedItem
            }
            return
        }

        if isGraph, let itemObject {
            // Step 12.8.8.
            if container.contains("@graph"), container.contains("@id") {
                var mapObject = nestResult[itemActiveProperty]?.objectValue ?? JSONObject()
                nestResult[itemActiveProperty] = .null
                let mapKey: String
                if let id = itemObject["@id"]?.stringValue {
                    mapKey = try compactIRI(id, in: activeContext, vocab: false)
                } else {
                    mapKey = try compactIRI("@none", in: activeContext)
                }
                mapObject.addValue(compactedItem, to: mapKey, asArray: asArray)
                nestResult[itemActiveProperty] = .object(mapObject)
            } else if container.contains("@graph"), container.contains("@index"), itemObject.isSimpleGraphObject {
                var mapObject = nestResult[itemActiveProperty]?.objectValue ?? JSONObject()
                nestResult[itemActiveProperty] = .null
                let mapKey = itemObject["@index"]?.stringValue ?? "@none"
                mapObject.addValue(compactedItem, to: mapKey, asArray: asArray)
                nestResult[itemActiveProperty] = .object(mapObject)
            } else if container.contains("@graph"), itemObject.isSimpleGraphObject {
                if case .array(let items) = compactedItem, items.count > 1 {
                    compactedItem = .object([try compactIRI("@included", in: activeContext): compactedItem])
                }
                nestResult.addValue(compactedItem, to: itemActiveProperty, asArray: asArray)
            } else {
                var graphObject = JSONObject()
                graphObject[try compactIRI("@graph", in: activeContext)] = compactedItem
                if let id = itemObject["@id"]?.stringValue {
                    graphObject[try compactIRI("@id", in: activeContext)] =
                        .string(try compactIRI(id, in: activeContext, vocab: false))
                }
                if let index = itemObject["@index"] {
                    graphObject[try compactIRI("@index", in: activeContext)] = index
                }
                nestResult.addValue(.object(graphObject), to: itemActiveProperty, asArray: asArray)
            }
            return
        }

        let mapContainer: String?
        if container.contains("@graph") {
            mapContainer = nil
        } else if container.contains("@language") {
            mapContainer = "@language"
        } else if container.contains("@index") {
            mapContainer = "@index"
        } else if container.contains("@id") {
            mapContainer = "@id"
        } else if container.contains("@type") {
            mapContainer = "@type"
        } else {
            mapContainer = nil
        }
        guard let mapContainer else {
            // Step 12.8.10.
            nestResult.addValue(compactedItem, to: itemActiveProperty, asArray: asArray)
            return
        }

        // Step 12.8.9.
        var mapObject = nestResult[itemActiveProperty]?.objectValue ?? JSONObject()
        nestResult[itemActiveProperty] = .null
        var containerKey = try compactIRI(mapContainer, in: activeContext)
        let indexKey = definition?.index ?? "@index"
        var mapKey: String? = nil
        if mapContainer == "@language", let literal = itemObject?["@value"] {
            compactedItem = literal
            mapKey = itemObject?["@language"]?.stringValue
        } else if mapContainer == "@index", indexKey == "@index" {
            mapKey = itemObject?["@index"]?.stringValue
        } else if mapContainer == "@index" {
            let expandedIndexKey = activeContext.expandIRI(indexKey, vocab: true) ?? indexKey
            // Compact with the item's value for that property, as the item's own entry
            // was compacted, so the key found is the one in the compacted item.
            let indexValue = itemObject?[expandedIndexKey]?.asArray.first
            containerKey = try compactIRI(expandedIndexKey, in: activeContext, value: indexValue)
            if case .object(var compactedObject) = compactedItem, let values = compactedObject[containerKey] {
                let all = values.asArray
                if let first = all.first?.stringValue {
                    mapKey = first
                    compactedObject.removeValue(forKey: containerKey)
                    let remaining = Array(all.dropFirst())
                    if !remaining.isEmpty {
                        compactedObject.addValue(.array(remaining), to: containerKey, asArray: false)
                    }
                    compactedItem = .object(compactedObject)
                }
            }
        } else if mapContainer == "@id" {
            if case .object(var compactedObject) = compactedItem,
                let key = compactedObject.removeValue(forKey: containerKey)
            {
                mapKey = key.stringValue
                compactedItem = .object(compactedObject)
            }
        } else if mapContainer == "@type" {
            if case .object(var compactedObject) = compactedItem, let values = compactedObject[containerKey] {
                let all = values.asArray
                mapKey = all.first?.stringValue
                compactedObject.removeValue(forKey: containerKey)
                let remaining = Array(all.dropFirst())
                if !remaining.isEmpty {
                    compactedObject.addValue(.array(remaining), to: containerKey, asArray: false)
                }
                compactedItem = .object(compactedObject)
                if compactedObject.count == 1, let onlyKey = compactedObject.keys.first,
                    (activeContext.expandIRI(onlyKey, vocab: true) ?? onlyKey) == "@id",
                    let id = itemObject?["@id"]
                {
                    compactedItem = try compact(
                        .object(["@id": id]), activeProperty: itemActiveProperty, context: activeContext,
                        depth: depth + 1)
                }
            }
        }
        let key: String
        if let mapKey { key = mapKey } else { key = try compactIRI("@none", in: activeContext) }
        mapObject.addValue(compactedItem, to: key, asArray: asArray)
        nestResult[itemActiveProperty] = .object(mapObject)
    }
}
