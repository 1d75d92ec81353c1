import EspaceJSON

extension Compactor {
    /// Value Compaction (JSON-LD 1.1 API §6.3): compacts a value object or node
    /// reference to a scalar (or a `@json` value) when the term definition of
    /// `activeProperty` allows it, otherwise returns it with its keys compacted.
    func compactValue(
        _ value: JSONObject, activeProperty: String?, in context: ActiveContext
    ) throws(JSONLDError) -> JSONValue {
        try compactValue(value, definition: context.definition(of: activeProperty), in: context)
    }

    /// Value Compaction with the term definition of the active property already looked up.
    func compactValue(
        _ value: JSONObject, definition: TermDefinition?, in context: ActiveContext
    ) throws(JSONLDError) -> JSONValue {
        let language: String? = definition?.language ?? context.defaultLanguage
        let direction: String? = definition?.direction ?? context.defaultBaseDirection
        let typeMapping = definition?.typeMapping
        let container = definition?.container ?? []
        let hasIndex = value["@index"] != nil
        // An @index entry is kept unless the property is an index container.
        let indexAllowed = !hasIndex || container.contains("@index")

        var result = value
        if let id = value["@id"], value.count == (hasIndex ? 2 : 1) {
            if typeMapping == "@id", let s = id.stringValue {
                return .string(try compactIRI(s, in: context, vocab: false))
            } else if typeMapping == "@vocab", let s = id.stringValue {
                return .string(try compactIRI(s, in: context, vocab: true))
            }
        } else if let type = value["@type"], let typeMapping, type.stringValue == typeMapping {
            if indexAllowed, let literal = value["@value"] { return literal }
        } else if typeMapping == "@none" || value["@type"] != nil {
            if let type = value["@type"]?.stringValue {
                result["@type"] = .string(try compactIRI(type, in: context, vocab: true))
            }
        } else if let literal = value["@value"], !literal.isString {
            if indexAllowed { return literal }
        } else if let literal = value["@value"] {
            let valueLanguage = value["@language"]?.stringValue
            let valueDirection = value["@direction"]?.stringValue
            let languageMatches: Bool
            if let language {
                languageMatches = valueLanguage.map { $0.lowercased() == language.lowercased() } ?? false
            } else {
                languageMatches = value["@language"] == nil
            }
            let directionMatches: Bool
            if let direction {
                directionMatches = valueDirection == direction
            } else {
                directionMatches = value["@direction"] == nil
            }
            if languageMatches, directionMatches, indexAllowed { return literal }
        }
        // Compact the keys of the map that remains.
        var compacted = JSONObject(minimumCapacity: result.count)
        for (key, entry) in result {
            compacted[try compactIRI(key, in: context, vocab: true)] = entry
        }
        return .object(compacted)
    }
}
