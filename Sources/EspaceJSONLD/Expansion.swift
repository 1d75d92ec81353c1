import EspaceJSON

/// The Expansion Algorithm (JSON-LD 1.1 API §5.1.2) and Value Expansion (§5.3.2).
struct Expander {
    let resolver: ContextResolver
    let ordered: Bool
    let maxDepth: Int
    let safeMode: Bool
    var depth = 0

    init(resolver: ContextResolver) {
        self.resolver = resolver
        self.ordered = resolver.options.ordered
        self.maxDepth = resolver.options.limits.maxDepth
        self.safeMode = resolver.options.safeMode
    }

    func process(_ active: ActiveContext, _ local: JSONValue, baseURL: String?) throws(JSONLDError) -> ActiveContext {
        try ContextProcessing.process(active: active, local: local, baseURL: baseURL, resolver: resolver)
    }

    /// Applies a term's scoped context.
    func process(
        _ active: ActiveContext, scopedBy definition: TermDefinition, overrideProtected: Bool = false,
        propagate: Bool = true
    ) throws(JSONLDError) -> ActiveContext {
        try ContextProcessing.process(
            active: active, scopedBy: definition, resolver: resolver, overrideProtected: overrideProtected,
            propagate: propagate)
    }

    /// Expands `element`; nil stands for the algorithm's null.
    mutating func expand(
        active activeContext: ActiveContext, property activeProperty: String?, element: JSONValue, baseURL: String?,
        fromMap: Bool = false
    ) throws(JSONLDError) -> JSONValue? {
        var active = activeContext
        depth += 1
        defer { depth -= 1 }
        guard depth <= maxDepth else {
            throw JSONLDError(.limitExceeded, "document nesting is deeper than \(maxDepth)")
        }
        // 1.
        if case .null = element { return nil }
        // 3.
        let propertyDefinition = activeProperty.flatMap { active.terms[$0] }
        let propertyScopedContext = propertyDefinition?.hasContext == true ? propertyDefinition : nil
        switch element {
        case .string, .number, .bool:
            // 4.
            if activeProperty == nil || activeProperty == "@graph" { return nil }
            if let propertyScopedContext {
                // Step 4.2 does not say "true for override protected", unlike step 8 for the
                // same property-scoped context on an object. Property-scoped contexts may
                // override protected terms by design (json-ld-api#90), and the Gaia-X
                // development context relies on it for string values (gaiaxTermsAndConditions
                // redefines the protected VC `description`); pyld and jsonld.js accept it.
                active = try process(active, scopedBy: propertyScopedContext, overrideProtected: true)
            }
            return try expandValue(active: active, property: activeProperty, value: element)
        case .array(let items):
            // 5.
            var result: [JSONValue] = []
            result.reserveCapacity(items.count)
            let isList = propertyDefinition?.container.contains("@list") == true
            for item in items {
                let expanded = try expand(
                    active: active, property: activeProperty, element: item, baseURL: baseURL, fromMap: fromMap)
                if isList, case .array(let inner)? = expanded {
                    result.append(.object(["@list": .array(inner)]))
                } else if case .array(let inner)? = expanded {
                    result.append(contentsOf: inner)
                } else if let expanded {
                    result.append(expanded)
                }
            }
            return .array(result)
        case .object(let element):
            return try expandObject(
                active: active, property: activeProperty, propertyScopedContext: propertyScopedContext,
                propertyDefinition: propertyDefinition, element: element, baseURL: baseURL, fromMap: fromMap)
        case .null:
            return nil
        }
    }

    /// Steps 7-20 for a map.
    mutating func expandObject(
        active activeContext: ActiveContext, property activeProperty: String?, propertyScopedContext: TermDefinition?,
        propertyDefinition: TermDefinition?, element: JSONObject, baseURL: String?, fromMap: Bool
    ) throws(JSONLDError) -> JSONValue? {
        var active = activeContext
        // 7.
        if let previous = active.previousContext, !fromMap {
            var revert = true
            for key in element.keys {
                let expanded = active.expandIRI(key, vocab: true)
                if expanded == "@value" {
                    revert = false
                    break
                }
            }
            if revert && element.count == 1, let key = element.keys.first, active.expandIRI(key, vocab: true) == "@id" {
                revert = false
            }
            if revert { active = previous.value }
        }
        // 8.
        if let propertyScopedContext {
            active = try process(active, scopedBy: propertyScopedContext, overrideProtected: true)
        }
        // 9.
        if let context = element["@context"] {
            active = try process(active, context, baseURL: baseURL)
        }
        // 10.
        let typeScopedContext = active
        // 11.
        var inputType: String?
        var sortedKeys: [String]? = nil
        var typeKeys: [String] = []
        for key in element.keys where active.expandIRI(key, vocab: true) == "@type" { typeKeys.append(key) }
        if !typeKeys.isEmpty {
            typeKeys.sort(by: codePointLess)
            for key in typeKeys {
                guard let value = element[key] else { continue }
                var terms: [String] = []
                for item in value.asArray { if case .string(let s) = item { terms.append(s) } }
                terms.sort(by: codePointLess)
                for term in terms {
                    if let definition = typeScopedContext.terms[term], definition.hasContext {
                        active = try process(active, scopedBy: definition, propagate: false)
                    }
                }
            }
            // 12. input type: the last value of the first @type entry, IRI expanded.
            if let first = typeKeys.first, let value = element[first], case .string(let last)? = value.asArray.last {
                inputType = active.expandIRI(last, vocab: true)
            }
        }
        // 12-14.
        var result = JSONObject()
        var nests: [String] = []
        if ordered {
            sortedKeys = element.keys.sorted(by: codePointLess)
        }
        try expandEntries(
            active: active, typeScopedContext: typeScopedContext, property: activeProperty, element: element,
            keys: sortedKeys ?? Array(element.keys), baseURL: baseURL, inputType: inputType, result: &result,
            nests: &nests)
        // 15.
        if let value = result["@value"] {
            for key in result.keys {
                switch key {
                case "@direction", "@index", "@language", "@type", "@value": continue
                default: throw JSONLDError(.invalidValueObject, "value object has an unexpected entry \(key)")
                }
            }
            if result["@type"] != nil && (result["@language"] != nil || result["@direction"] != nil) {
                throw JSONLDError(.invalidValueObject, "value object has @type together with @language or @direction")
            }
            let type = result["@type"]
            if type == .string("@json") {
                // 15.2: any JSON value.
            } else if value.isNull || value == .array([]) {
                return nil
            } else if !value.isString && result["@language"] != nil {
                throw JSONLDError(
                    .invalidLanguageTaggedValue, "only strings can be language-tagged, found \(value.typeName)")
            } else if let type {
                guard case .string(let t) = type, IRIReference.isWellFormedAbsolute(t) else {
                    throw JSONLDError(.invalidTypedValue, "value type must be an IRI, found \(type.jsonText)")
                }
                _ = t
            }
            if case .object = value, type != .string("@json") {
                throw JSONLDError(.invalidValueObjectValue, "@value must be a scalar or null")
            }
        } else if let type = result["@type"], !type.isArray {
            // 16.
            result["@type"] = .array([type])
        } else if result["@set"] != nil || result["@list"] != nil {
            // 17.
            guard result.count <= 2, result.count == 1 || result["@index"] != nil else {
                throw JSONLDError(.invalidSetOrListObject, "a @set or @list object may only have @index besides")
            }
            if let set = result["@set"] {
                // Result becomes the @set value (an array or null-free item).
                return set
            }
        }
        // 18.
        if result.count == 1 && result["@language"] != nil { return nil }
        // 19.
        if activeProperty == nil || activeProperty == "@graph" {
            if result.isEmpty || result["@value"] != nil || result["@list"] != nil {
                return nil
            }
            if result.count == 1 && result["@id"] != nil && !resolver.options.frameExpansion {
                return nil
            }
        }
        return .object(result)
    }

    /// Steps 13 and 14: expands each entry of `element` into `result`.
    mutating func expandEntries(
        active: ActiveContext, typeScopedContext: ActiveContext, property activeProperty: String?, element: JSONObject,
        keys: [String], baseURL: String?, inputType: String?, result: inout JSONObject, nests: inout [String]
    ) throws(JSONLDError) {
        for key in keys {
            guard let value = element[key] else { continue }
            // 13.1
            if key == "@context" { continue }
            // 13.2-13.3
            guard let expandedProperty = active.expandIRI(key, vocab: true) else {
                if safeMode, !Keyword.hasKeywordForm(key) { throw JSONLDError(.safeModeViolation, "the property \"\(key)\" is mapped to null and would be dropped") }
                continue
            }
            let isKeyword = Keyword.isKeyword(expandedProperty)
            if !isKeyword && !expandedProperty.utf8.contains(UInt8(ascii: ":")) {
                if safeMode, !Keyword.hasKeywordForm(key) {
                    throw JSONLDError(
                        .safeModeViolation, "the property \"\(key)\" is not defined by any context and would be dropped")
                }
                continue
            }
            // 13.4
            if isKeyword {
                try expandKeywordEntry(
                    key: key, value: value, expandedProperty: expandedProperty, active: active,
                    typeScopedContext: typeScopedContext, property: activeProperty, baseURL: baseURL,
                    inputType: inputType, result: &result, nests: &nests)
                continue
            }
            // 13.5
            let definition = active.terms[key]
            let container = definition?.container ?? []
            var expandedValue: JSONValue?
            if definition?.typeMapping == "@json" {
                // 13.6
                expandedValue = .object(["@value": value, "@type": "@json"])
            } else if container.contains("@language"), case .object(let languageMap) = value {
                // 13.7
                var items: [JSONValue] = []
                var direction = active.defaultBaseDirection
                if let d = definition?.direction { direction = d }
                let languages = ordered ? languageMap.keys.sorted(by: codePointLess) : Array(languageMap.keys)
                for language in languages {
                    guard let languageValue = languageMap[language] else { continue }
                    for item in languageValue.asArray {
                        if case .null = item { continue }
                        guard case .string = item else {
                            throw JSONLDError(
                                .invalidLanguageMapValue, "language map values must be strings, found \(item.typeName)")
                        }
                        var v: JSONObject = ["@value": item, "@language": .string(language)]
                        if language == "@none" || active.expandIRI(language, vocab: true) == "@none" {
                            v.removeValue(forKey: "@language")
                        }
                        if let direction { v["@direction"] = .string(direction) }
                        items.append(.object(v))
                    }
                }
                expandedValue = .array(items)
            } else if !container.isDisjoint(with: ["@index", "@type", "@id"]), case .object(let map) = value {
                // 13.8
                expandedValue = .array(
                    try expandIndexMap(
                        active: active, key: key, definition: definition, container: container, map: map,
                        baseURL: baseURL))
            } else {
                // 13.9
                expandedValue = try expand(active: active, property: key, element: value, baseURL: baseURL)
            }
            // 13.10
            guard var expandedValue else { continue }
            // 13.11
            if container.contains("@list") {
                let isList: Bool
                if case .object(let o) = expandedValue, o["@list"] != nil { isList = true } else { isList = false }
                if !isList { expandedValue = .object(["@list": .array(expandedValue.asArray)]) }
            }
            // 13.12
            if container.contains("@graph") && !container.contains("@id") && !container.contains("@index") {
                expandedValue = .array(expandedValue.asArray.map { .object(["@graph": .array($0.asArray)]) })
            }
            // 13.13
            if definition?.reverse == true {
                var reverseMap = result["@reverse"]?.objectValue ?? JSONObject()
                for item in expandedValue.asArray {
                    if case .object(let o) = item, o["@value"] != nil || o["@list"] != nil {
                        throw JSONLDError(
                            .invalidReversePropertyValue, "a reverse property value cannot be a value or list object")
                    }
                    addValue(&reverseMap, expandedProperty, item)
                }
                result["@reverse"] = .object(reverseMap)
            } else {
                // 13.14
                addValue(&result, expandedProperty, expandedValue)
            }
        }
        // 14. nested properties
        let nestKeys = ordered ? nests.sorted(by: codePointLess) : nests
        nests.removeAll()
        for nestingKey in nestKeys {
            guard let nestedValues = element[nestingKey] else { continue }
            var nestContext = active
            if let definition = active.terms[nestingKey], definition.hasContext {
                nestContext = try process(active, scopedBy: definition, overrideProtected: true)
            }
            for nested in nestedValues.asArray {
                guard case .object(let nestedObject) = nested else {
                    throw JSONLDError(.invalidNestValue, "@nest values must be objects, found \(nested.typeName)")
                }
                for nestedKey in nestedObject.keys where nestContext.expandIRI(nestedKey, vocab: true) == "@value" {
                    throw JSONLDError(.invalidNestValue, "@nest values cannot be value objects")
                }
                var innerNests: [String] = []
                let keys = ordered ? nestedObject.keys.sorted(by: codePointLess) : Array(nestedObject.keys)
                try expandEntries(
                    active: nestContext, typeScopedContext: typeScopedContext, property: activeProperty,
                    element: nestedObject, keys: keys, baseURL: baseURL, inputType: inputType, result: &result,
                    nests: &innerNests)
            }
        }
    }

    /// Step 13.4: an entry whose key expands to a keyword.
    mutating func expandKeywordEntry(
        key: String, value: JSONValue, expandedProperty: String, active: ActiveContext,
        typeScopedContext: ActiveContext, property activeProperty: String?, baseURL: String?, inputType: String?,
        result: inout JSONObject, nests: inout [String]
    ) throws(JSONLDError) {
        let mode = active.processingMode
        if activeProperty == "@reverse" {
            throw JSONLDError(.invalidReversePropertyMap, "keyword \(expandedProperty) inside @reverse")
        }
        if result[expandedProperty] != nil && expandedProperty != "@included"
            && (expandedProperty != "@type" || mode == .jsonLD10)
        {
            throw JSONLDError(.collidingKeywords, "two entries expand to \(expandedProperty)")
        }
        var expandedValue: JSONValue?
        switch expandedProperty {
        case "@id":
            guard case .string(let id) = value else {
                throw JSONLDError(.invalidIdValue, "@id must be a string, found \(value.typeName)")
            }
            expandedValue = active.expandIRI(id, documentRelative: true).map { .string($0) } ?? .null
        case "@type":
            var types: [JSONValue] = []
            switch value {
            case .string(let t):
                types = [
                    typeScopedContext.expandIRI(t, documentRelative: true, vocab: true).map { .string($0) } ?? .null
                ]
            case .array(let items):
                for item in items {
                    guard case .string(let t) = item else {
                        throw JSONLDError(.invalidTypeValue, "@type values must be strings, found \(item.typeName)")
                    }
                    types.append(
                        typeScopedContext.expandIRI(t, documentRelative: true, vocab: true).map { .string($0) } ?? .null
                    )
                }
            default:
                throw JSONLDError(
                    .invalidTypeValue, "@type must be a string or an array of strings, found \(value.typeName)")
            }
            if safeMode, let bad = types.first(where: { !($0.stringValue?.utf8.contains(UInt8(ascii: ":")) ?? false) }) {
                throw JSONLDError(.safeModeViolation, "the type \(bad.jsonText) does not expand to an absolute IRI")
            }
            if let existing = result["@type"] {
                expandedValue = .array(existing.asArray + types)
            } else {
                expandedValue = value.isArray ? .array(types) : types[0]
            }
        case "@graph":
            let expanded = try expand(active: active, property: "@graph", element: value, baseURL: baseURL)
            expandedValue = .array(expanded?.asArray ?? [])
        case "@included":
            if mode == .jsonLD10 { return }
            for item in value.asArray {
                guard case .object(let o) = item else {
                    throw JSONLDError(
                        .invalidIncludedValue, "@included values must be node objects, found \(item.typeName)")
                }
                for k in o.keys {
                    let e = active.expandIRI(k, vocab: true)
                    if e == "@value" || e == "@list" {
                        throw JSONLDError(
                            .invalidIncludedValue, "@included values must be node objects, found a \(e ?? "") object")
                    }
                }
            }
            let expanded = try expand(active: active, property: nil, element: value, baseURL: baseURL)
            var items = expanded?.asArray ?? []
            for item in items {
                guard case .object(let o) = item, o["@value"] == nil, o["@list"] == nil, o["@set"] == nil else {
                    throw JSONLDError(.invalidIncludedValue, "@included values must be node objects")
                }
            }
            if let existing = result["@included"] { items = existing.asArray + items }
            expandedValue = .array(items)
        case "@value":
            if inputType == "@json" {
                if mode == .jsonLD10 {
                    throw JSONLDError(.invalidValueObjectValue, "@json values in json-ld-1.0 mode")
                }
                expandedValue = value
            } else {
                switch value {
                case .string, .number, .bool: expandedValue = value
                case .null:
                    result["@value"] = .null
                    return
                default:
                    throw JSONLDError(
                        .invalidValueObjectValue, "@value must be a scalar or null, found \(value.typeName)")
                }
            }
        case "@language":
            guard case .string = value else {
                throw JSONLDError(.invalidLanguageTaggedString, "@language must be a string, found \(value.typeName)")
            }
            expandedValue = value
        case "@direction":
            if mode == .jsonLD10 { return }
            guard value == .string("ltr") || value == .string("rtl") else {
                throw JSONLDError(
                    .invalidBaseDirection, "@direction must be \"ltr\" or \"rtl\", found \(value.jsonText)")
            }
            expandedValue = value
        case "@index":
            guard case .string = value else {
                throw JSONLDError(.invalidIndexValue, "@index must be a string, found \(value.typeName)")
            }
            expandedValue = value
        case "@list":
            if activeProperty == nil || activeProperty == "@graph" { return }
            let expanded = try expand(active: active, property: activeProperty, element: value, baseURL: baseURL)
            expandedValue = .array(expanded?.asArray ?? [])
        case "@set":
            expandedValue = try expand(active: active, property: activeProperty, element: value, baseURL: baseURL)
        case "@reverse":
            guard case .object = value else {
                throw JSONLDError(.invalidReverseValue, "@reverse must be an object, found \(value.typeName)")
            }
            let expanded = try expand(active: active, property: "@reverse", element: value, baseURL: baseURL)
            if case .object(let map)? = expanded {
                if case .object(let doubleReversed)? = map["@reverse"] {
                    for (property, item) in doubleReversed {
                        addValue(&result, property, item)
                    }
                }
                if map.count > (map["@reverse"] == nil ? 0 : 1) {
                    var reverseMap = result["@reverse"]?.objectValue ?? JSONObject()
                    for (property, items) in map where property != "@reverse" {
                        for item in items.asArray {
                            if case .object(let o) = item, o["@value"] != nil || o["@list"] != nil {
                                throw JSONLDError(
                                    .invalidReversePropertyValue,
                                    "a reverse property value cannot be a value or list object")
                            }
                            addValue(&reverseMap, property, item)
                        }
                    }
                    result["@reverse"] = .object(reverseMap)
                }
            }
            return
        case "@nest":
            if !nests.contains(key) { nests.append(key) }
            return
        default:
            break
        }
        // 13.4.16
        if let expandedValue, !(expandedValue.isNull && expandedProperty == "@value" && inputType != "@json") {
            result[expandedProperty] = expandedValue
        } else if expandedProperty == "@set" || expandedProperty == "@id" {
            if let expandedValue { result[expandedProperty] = expandedValue }
        }
        return
    }

    /// Step 13.8: an index, id or type map.
    mutating func expandIndexMap(
        active: ActiveContext, key: String, definition: TermDefinition?, container: Set<String>, map: JSONObject,
        baseURL: String?
    ) throws(JSONLDError) -> [JSONValue] {
        var items: [JSONValue] = []
        let indexKey = definition?.index ?? "@index"
        let indexes = ordered ? map.keys.sorted(by: codePointLess) : Array(map.keys)
        for index in indexes {
            guard let indexValue = map[index] else { continue }
            // 13.8.3.1-3
            var mapContext = active
            if container.contains("@id") || container.contains("@type") {
                mapContext = active.previousContext?.value ?? active
            }
            if container.contains("@type"), let indexDefinition = mapContext.terms[index], indexDefinition.hasContext {
                mapContext = try process(mapContext, scopedBy: indexDefinition)
            } else if !(container.contains("@id") || container.contains("@type")) {
                mapContext = active
            }
            // 13.8.3.4
            let expandedIndex = active.expandIRI(index, vocab: true)
            // 13.8.3.6
            let expanded = try expand(
                active: mapContext, property: key, element: .array(indexValue.asArray), baseURL: baseURL, fromMap: true)
            for var item in expanded?.asArray ?? [] {
                // 13.8.3.7.1
                if container.contains("@graph") {
                    if case .object(let o) = item, o["@graph"] != nil, isGraphObject(o) {
                    } else {
                        item = .object(["@graph": .array(item.asArray)])
                    }
                }
                guard case .object(var object) = item else {
                    items.append(item)
                    continue
                }
                if container.contains("@index") && indexKey != "@index" && expandedIndex != "@none" {
                    // 13.8.3.7.2
                    guard let reExpanded = try expandValue(active: active, property: indexKey, value: .string(index))
                    else {
                        continue
                    }
                    guard let expandedIndexKey = active.expandIRI(indexKey, vocab: true) else { continue }
                    var values: [JSONValue] = [reExpanded]
                    if let existing = object[expandedIndexKey] { values.append(contentsOf: existing.asArray) }
                    object[expandedIndexKey] = .array(values)
                    if object["@value"] != nil {
                        throw JSONLDError(
                            .invalidValueObject,
                            "a value object in a property-valued index map cannot take the index property")
                    }
                } else if container.contains("@index") && object["@index"] == nil && expandedIndex != "@none" {
                    // 13.8.3.7.3
                    object["@index"] = .string(index)
                } else if container.contains("@id") && object["@id"] == nil && expandedIndex != "@none" {
                    // 13.8.3.7.4
                    if let id = active.expandIRI(index, documentRelative: true) { object["@id"] = .string(id) }
                } else if container.contains("@type") && expandedIndex != "@none", let expandedIndex {
                    // 13.8.3.7.5
                    var types: [JSONValue] = [.string(expandedIndex)]
                    if let existing = object["@type"] { types.append(contentsOf: existing.asArray) }
                    object["@type"] = .array(types)
                }
                items.append(.object(object))
            }
        }
        return items
    }

    /// Value Expansion (§5.3.2).
    func expandValue(active: ActiveContext, property: String?, value: JSONValue) throws(JSONLDError) -> JSONValue? {
        let definition = property.flatMap { active.terms[$0] }
        let typeMapping = definition?.typeMapping
        // 1-2.
        if case .string(let s) = value {
            if typeMapping == "@id" {
                return .object(["@id": active.expandIRI(s, documentRelative: true).map { .string($0) } ?? .null])
            }
            if typeMapping == "@vocab" {
                return .object([
                    "@id": active.expandIRI(s, documentRelative: true, vocab: true).map { .string($0) } ?? .null
                ])
            }
        }
        // 3.
        var result: JSONObject = ["@value": value]
        // 4.
        if let typeMapping, typeMapping != "@id", typeMapping != "@vocab", typeMapping != "@none" {
            result["@type"] = .string(typeMapping)
        } else if case .string = value {
            // 5.
            let language: String? = definition?.language ?? active.defaultLanguage
            let direction: String? = definition?.direction ?? active.defaultBaseDirection
            if let language { result["@language"] = .string(language) }
            if let direction { result["@direction"] = .string(direction) }
        }
        return .object(result)
    }
}

/// Adds `value` to the array at `key` (the spec's "add value" with `as array` true).
func addValue(_ object: inout JSONObject, _ key: String, _ value: JSONValue) {
    var existing = object[key]?.asArray ?? []
    if case .array(let items) = value {
        existing.append(contentsOf: items)
    } else {
        existing.append(value)
    }
    object[key] = .array(existing)
}

/// Whether a map is a graph object: `@graph` with optionally `@id` and `@index`.
func isGraphObject(_ o: JSONObject) -> Bool {
    guard o["@graph"] != nil else { return false }
    for key in o.keys where key != "@graph" && key != "@id" && key != "@index" && key != "@context" { return false }
    return true
}
