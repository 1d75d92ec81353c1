import EspaceJSON

extension Compactor {
    /// IRI Compaction (JSON-LD 1.1 API §6.2): compacts `iri` to a term, a compact IRI,
    /// a vocabulary-relative or document-relative IRI, or returns it unchanged.
    ///
    /// - Parameters:
    ///   - value: the value the IRI is the property of, used to select the best term.
    ///   - vocab: compact relative to the vocabulary mapping (properties, types); when
    ///     false, the IRI is made relative to the base IRI instead (`@id` values).
    ///   - reverse: the IRI is a reverse property.
    func compactIRI(
        _ iri: String, in context: ActiveContext, value: JSONValue? = nil, vocab: Bool = true,
        reverse: Bool = false
    ) throws(JSONLDError) -> String {
        // Without a value the result depends only on the context: memoize it.
        guard value == nil, !reverse else {
            return try compactIRIUncached(iri, in: context, value: value, vocab: vocab, reverse: reverse)
        }
        let table = cache.table(context)
        if vocab {
            // Vocabulary IRIs (keywords, types) are kept with the inverse context, across calls.
            let key = CompactionMemo.VocabKey(iri: iri, vocabMapping: context.vocabularyMapping, jsonLD10: isJSONLD10)
            if let hit = table.inverse.memo.vocabIRI(key) { return hit }
            let compacted = try compactIRIUncached(iri, in: context, value: nil, vocab: true, reverse: false)
            table.inverse.memo.store(vocabIRI: compacted, for: key)
            return compacted
        }
        // Document-relative IRIs (@id values) are many and vary: kept for this call only.
        if let hit = table.documentIRIs[iri] { return hit }
        let compacted = try compactIRIUncached(iri, in: context, value: nil, vocab: false, reverse: false)
        table.documentIRIs[iri] = compacted
        return compacted
    }

    private func compactIRIUncached(
        _ iri: String, in context: ActiveContext, value: JSONValue?, vocab: Bool, reverse: Bool
    ) throws(JSONLDError) -> String {
        let inverse = cache.inverse(context)
        if vocab {
            if inverse.entries[iri] != nil,
                let term = try selectTermForIRI(iri, in: context, inverse: inverse, value: value, reverse: reverse)
            {
                return term
            }
            // Step 5: relative to the vocabulary mapping.
            if let vocabMapping = context.vocabularyMapping {
                let prefixLength = vocabMapping.utf8.count
                if iri.utf8.count > prefixLength, iri.utf8.starts(with: vocabMapping.utf8) {
                    let suffix = String(decoding: iri.utf8.dropFirst(prefixLength), as: UTF8.self)
                    if context.terms[suffix] == nil { return suffix }
                }
            }
        }
        // Steps 6-7: compact IRI.
        var compactIRI: String? = nil
        var compactLength = 0
        for (term, prefixIRI) in inverse.prefixes {
            let prefixLength = prefixIRI.utf8.count
            guard iri.utf8.count > prefixLength, iri.utf8.starts(with: prefixIRI.utf8)
            else { continue }
            let candidate = term + ":" + String(decoding: iri.utf8.dropFirst(prefixLength), as: UTF8.self)
            let candidateLength = candidate.utf8.count
            let better: Bool
            if let current = compactIRI {
                better =
                    candidateLength < compactLength
                    || (candidateLength == compactLength && codePointLess(candidate, current))
            } else {
                better = true
            }
            guard better else { continue }
            if let existing = context.terms[candidate] {
                guard existing.iri == iri, value == nil else { continue }
            }
            compactIRI = candidate
            compactLength = candidateLength
        }
        if let compactIRI { return compactIRI }

        // Step 8: an absolute IRI whose scheme is a prefix would read as a compact IRI.
        if let colon = iri.utf8.firstIndex(of: UInt8(ascii: ":")) {
            let scheme = String(decoding: iri.utf8[iri.utf8.startIndex..<colon], as: UTF8.self)
            let rest = iri.utf8[iri.utf8.index(after: colon)...]
            if let definition = context.terms[scheme], definition.prefix,
                !rest.starts(with: "//".utf8)
            {
                throw JSONLDError(.irConfusedWithPrefix, "\(iri) would be read as a compact IRI with prefix \(scheme)")
            }
        }
        // Step 9: relative to the base IRI.
        if !vocab {
            if compactToRelative, let base = context.baseIRI {
                var relative = makeRelative(iri: iri, base: base)
                if Keyword.hasKeywordForm(relative) { relative = "./" + relative }
                return relative
            }
        }
        return iri
    }

    /// Steps 4.1-4.21 of IRI Compaction: gathers the containers and type/language the
    /// value prefers and runs Term Selection (memoized by the value's shape).
    private func selectTermForIRI(
        _ iri: String, in context: ActiveContext, inverse: InverseContext, value rawValue: JSONValue?,
        reverse: Bool
    ) throws(JSONLDError) -> String? {
        typealias K = SelectionKey
        var valueObject = rawValue?.objectValue
        if let preserve = valueObject?["@preserve"] {
            valueObject = preserve.asArray.first?.objectValue
        }
        var flags: UInt16 = 0
        var typeOrLanguage: UInt8 = 0  // 0 @language, 1 @type, 2 @any
        var typeOrLanguageValue = "@null"
        let isGraph = valueObject?.isGraphObject ?? false
        let hasIndex = valueObject?["@index"] != nil
        if hasIndex, !isGraph { flags |= K.indexed }
        if reverse {
            flags |= K.reverse
            typeOrLanguage = 1
            typeOrLanguageValue = "@reverse"
        } else if let valueObject, valueObject.isListObject {
            flags |= K.list
            if hasIndex { flags |= K.listIndexed }
            let list = valueObject["@list"]?.arrayValue ?? []
            var commonType: String? = nil
            var commonLanguage: String? = nil
            if list.isEmpty {
                commonLanguage = InverseContext.languageKey(of: context)
                flags |= K.emptyList
            }
            for item in list {
                var itemLanguage = "@none"
                var itemType = "@none"
                let itemObject = item.objectValue
                let isValue = itemObject?["@value"] != nil
                if isValue, let itemObject {
                    if let direction = itemObject["@direction"]?.stringValue {
                        itemLanguage = ((itemObject["@language"]?.stringValue ?? "") + "_" + direction).lowercased()
                    } else if let language = itemObject["@language"]?.stringValue {
                        itemLanguage = language.lowercased()
                    } else if let type = itemObject["@type"]?.stringValue {
                        itemType = type
                    } else {
                        itemLanguage = "@null"
                    }
                } else {
                    itemType = "@id"
                }
                if commonLanguage == nil {
                    commonLanguage = itemLanguage
                } else if itemLanguage != commonLanguage, isValue {
                    commonLanguage = "@none"
                }
                if commonType == nil {
                    commonType = itemType
                } else if itemType != commonType {
                    commonType = "@none"
                }
                if commonLanguage == "@none", commonType == "@none" { break }
            }
            let finalType = commonType ?? "@none"
            if finalType != "@none" {
                typeOrLanguage = 1
                typeOrLanguageValue = finalType
            } else {
                typeOrLanguageValue = commonLanguage ?? "@none"
            }
        } else if isGraph, let valueObject {
            flags |= K.graph
            if hasIndex { flags |= K.graphIndexed }
            if valueObject["@id"] != nil { flags |= K.graphWithID }
            typeOrLanguage = 1
            typeOrLanguageValue = "@id"
        } else if let valueObject, valueObject["@value"] != nil {
            if let direction = valueObject["@direction"]?.stringValue, !hasIndex {
                typeOrLanguageValue = ((valueObject["@language"]?.stringValue ?? "") + "_" + direction).lowercased()
                flags |= K.languageContainers
            } else if let language = valueObject["@language"]?.stringValue, !hasIndex {
                typeOrLanguageValue = language.lowercased()
                flags |= K.languageContainers
            } else if let type = valueObject["@type"]?.stringValue {
                typeOrLanguageValue = type
                typeOrLanguage = 1
            }
        } else {
            flags |= K.nodeContainers
            typeOrLanguage = 1
            typeOrLanguageValue = "@id"
        }
        if valueObject == nil || !hasIndex { flags |= K.notMapOrNoIndex }
        if let valueObject, valueObject.count == 1, valueObject["@value"] != nil { flags |= K.onlyValue }
        if typeOrLanguageValue == "@id" || typeOrLanguageValue == "@reverse",
            let id = valueObject?["@id"]?.stringValue
        {
            flags |= K.idOrReverse
            let compactedID = try compactIRI(id, in: context, vocab: true)
            if let definition = context.terms[compactedID], definition.iri == id { flags |= K.vocabFirst }
        } else if flags & K.emptyList != 0 {
            typeOrLanguage = 2
        }

        if isJSONLD10 { flags |= K.jsonLD10 }
        let key = SelectionKey(
            iri: iri, flags: flags, typeOrLanguage: typeOrLanguage, typeOrLanguageValue: typeOrLanguageValue)
        if let memo = inverse.memo.selection(key) { return memo }
        let term = Self.selectTerm(key, inverse: inverse, processingMode10: isJSONLD10)
        inverse.memo.store(selection: term, for: key)
        return term
    }
}
