/// Term Selection (JSON-LD 1.1 API §4.4), invoked by IRI Compaction.
extension InverseContext {
    /// Term Selection (§4.4): the first term for `iri` found by trying `containers` in
    /// order and, within each, `preferredValues` in order.
    public func selectTerm(
        _ iri: String, containers: [String], typeOrLanguage: String, preferredValues: [String]
    ) -> String? {
        guard let containerMap = entries[iri] else { return nil }
        for container in containers {
            guard let typeLanguageMap = containerMap[container] else { continue }
            let valueMap = typeLanguageMap[typeOrLanguage]
            for item in preferredValues {
                if let term = valueMap[item] { return term }
            }
        }
        return nil
    }
}

extension Compactor {
    /// What Term Selection depends on for one IRI and value: the value's shape (as flags
    /// deciding the preferred containers) and its preferred type or language.
    struct SelectionKey: Hashable {
        var iri: String
        var flags: UInt16
        var typeOrLanguage: UInt8
        var typeOrLanguageValue: String

        static let indexed: UInt16 = 1  // @index on a value that is not a graph object
        static let reverse: UInt16 = 1 << 1
        static let list: UInt16 = 1 << 2
        static let listIndexed: UInt16 = 1 << 3
        static let graph: UInt16 = 1 << 4
        static let graphIndexed: UInt16 = 1 << 5
        static let graphWithID: UInt16 = 1 << 6
        static let languageContainers: UInt16 = 1 << 7  // value object with language/direction
        static let nodeContainers: UInt16 = 1 << 8  // not a value object: @id and @type maps
        static let notMapOrNoIndex: UInt16 = 1 << 9
        static let onlyValue: UInt16 = 1 << 10
        static let idOrReverse: UInt16 = 1 << 11  // preferred values for a node reference
        static let vocabFirst: UInt16 = 1 << 12
        static let emptyList: UInt16 = 1 << 13
        static let jsonLD10: UInt16 = 1 << 14  // processing mode json-ld-1.0
    }

    /// Steps 4.4-4.21 from the value's shape: the preferred containers and values, then
    /// Term Selection.
    static func selectTerm(_ key: SelectionKey, inverse: InverseContext, processingMode10: Bool) -> String? {
        typealias K = SelectionKey
        let flags = key.flags
        var containers: [String] = []
        containers.reserveCapacity(14)
        if flags & K.indexed != 0 { containers.append(contentsOf: ["@index", "@index@set"]) }
        if flags & K.reverse != 0 {
            containers.append("@set")
        } else if flags & K.list != 0 {
            if flags & K.listIndexed == 0 { containers.append("@list") }
        } else if flags & K.graph != 0 {
            let hasIndex = flags & K.graphIndexed != 0
            let hasID = flags & K.graphWithID != 0
            if hasIndex { containers.append(contentsOf: ["@graph@index", "@graph@index@set"]) }
            if hasID { containers.append(contentsOf: ["@graph@id", "@graph@id@set"]) }
            containers.append(contentsOf: ["@graph", "@graph@set", "@set"])
            if !hasIndex { containers.append(contentsOf: ["@graph@index", "@graph@index@set"]) }
            if !hasID { containers.append(contentsOf: ["@graph@id", "@graph@id@set"]) }
            containers.append(contentsOf: ["@index", "@index@set"])
        } else {
            if flags & K.languageContainers != 0 { containers.append(contentsOf: ["@language", "@language@set"]) }
            if flags & K.nodeContainers != 0 {
                containers.append(contentsOf: ["@id", "@id@set", "@type", "@set@type"])
            }
            containers.append("@set")
        }
        containers.append("@none")
        if !processingMode10 {
            if flags & K.notMapOrNoIndex != 0 { containers.append(contentsOf: ["@index", "@index@set"]) }
            if flags & K.onlyValue != 0 { containers.append(contentsOf: ["@language", "@language@set"]) }
        }
        var preferredValues: [String] = []
        preferredValues.reserveCapacity(6)
        if key.typeOrLanguageValue == "@reverse" { preferredValues.append("@reverse") }
        if flags & K.idOrReverse != 0 {
            preferredValues.append(
                contentsOf: flags & K.vocabFirst != 0 ? ["@vocab", "@id", "@none"] : ["@id", "@vocab", "@none"])
        } else {
            preferredValues.append(key.typeOrLanguageValue)
            preferredValues.append("@none")
        }
        preferredValues.append("@any")
        for item in preferredValues {
            if let underscore = item.utf8.firstIndex(of: UInt8(ascii: "_")) {
                preferredValues.append(String(decoding: item.utf8[underscore...], as: UTF8.self))
                break
            }
        }
        let typeOrLanguage = key.typeOrLanguage == 0 ? "@language" : key.typeOrLanguage == 1 ? "@type" : "@any"
        return inverse.selectTerm(
            key.iri, containers: containers, typeOrLanguage: typeOrLanguage, preferredValues: preferredValues)
    }
}
