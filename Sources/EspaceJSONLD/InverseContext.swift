import Synchronization

/// The inverse context (JSON-LD 1.1 API §4.3): for each IRI, the terms that map to it,
/// by container, then by type or language. Built by the compaction algorithms
/// (`InverseContext(for:)`, Inverse Context Creation) and cached in the active context.
public struct InverseContext: Sendable {
    /// The terms for one IRI and one container mapping, by type mapping or language
    /// mapping (the `@type`, `@language` and `@any` maps of the spec).
    public struct TypeLanguageMap: Sendable {
        /// Language (or `language_direction`, `@null`, `@none`, `@any`) → term.
        public var language: [String: String] = [:]
        /// Type mapping (an IRI, `@id`, `@vocab`, `@reverse`, `@none`, `@any`) → term.
        public var type: [String: String] = [:]
        /// The `@any` map: only ever has the `@none` entry.
        public var any: [String: String] = [:]

        /// The map the Term Selection algorithm reads for `typeOrLanguage`
        /// (`@language`, `@type` or `@any`).
        @inlinable public subscript(typeOrLanguage: String) -> [String: String] {
            switch typeOrLanguage {
            case "@language": return language
            case "@type": return type
            default: return any
            }
        }
    }

    /// IRI → container key (sorted concatenation of the container mapping, or `@none`) →
    /// terms by type/language.
    public var entries: [String: [String: TypeLanguageMap]] = [:]
    /// The terms usable as compact IRI prefixes (prefix flag set), with their IRI mapping.
    public var prefixes: [(term: String, iri: String)] = []
    /// The default language (and direction) key the `@language` entries were built with.
    public var defaultLanguageKey: String = "@none"
    /// Term selections and vocabulary IRI compactions made with this inverse context,
    /// shared by every compaction that uses it (across calls when contexts are cached).
    let memo = CompactionMemo()

    public init() {}

    /// Inverse Context Creation (§4.3) for `context`.
    public init(for context: ActiveContext) {
        let defaultLanguage = Self.languageKey(of: context)
        defaultLanguageKey = defaultLanguage
        // Shortest term first, ties broken by code-point order.
        let sortedTerms = context.terms.keys.sorted { a, b in
            let ca = a.utf8.count
            let cb = b.utf8.count
            if ca != cb { return ca < cb }
            return a.utf8.lexicographicallyPrecedes(b.utf8)
        }
        for term in sortedTerms {
            guard let definition = context.terms[term], let iri = definition.iri else { continue }
            if definition.prefix { prefixes.append((term, iri)) }
            let container =
                definition.container.isEmpty
                ? "@none" : definition.container.sorted(by: codePointLess).joined()
            var map =
                entries[iri]?[container]
                ?? {
                    var fresh = TypeLanguageMap()
                    fresh.any["@none"] = term
                    return fresh
                }()
            if definition.reverse {
                if map.type["@reverse"] == nil { map.type["@reverse"] = term }
            } else if definition.typeMapping == "@none" {
                if map.language["@any"] == nil { map.language["@any"] = term }
                if map.type["@any"] == nil { map.type["@any"] = term }
            } else if let typeMapping = definition.typeMapping {
                if map.type[typeMapping] == nil { map.type[typeMapping] = term }
            } else if let language = definition.language, let direction = definition.direction {
                let langDir: String
                switch (language, direction) {
                case (let l?, let d?): langDir = (l + "_" + d).lowercased()
                case (let l?, nil): langDir = l.lowercased()
                case (nil, let d?): langDir = "_" + d
                case (nil, nil): langDir = "@null"
                }
                if map.language[langDir] == nil { map.language[langDir] = term }
            } else if let language = definition.language {
                let key = language?.lowercased() ?? "@null"
                if map.language[key] == nil { map.language[key] = term }
            } else if let direction = definition.direction {
                let key = direction.map { "_" + $0 } ?? "@none"
                if map.language[key] == nil { map.language[key] = term }
            } else {
                if map.language[defaultLanguage] == nil { map.language[defaultLanguage] = term }
                if map.language["@none"] == nil { map.language["@none"] = term }
                if map.type["@none"] == nil { map.type["@none"] = term }
            }
            entries[iri, default: [:]][container] = map
        }
    }

    /// The key under which terms without language mapping are filed for the default
    /// language and base direction of `context` (`@none`, `en`, `en_rtl`, `_rtl`).
    static func languageKey(of context: ActiveContext) -> String {
        if let direction = context.defaultBaseDirection {
            return ((context.defaultLanguage ?? "") + "_" + direction).lowercased()
        }
        return context.defaultLanguage?.lowercased() ?? "@none"
    }
}

extension ActiveContext {
    /// The inverse context of this active context, built once and cached.
    ///
    /// The cache is shared by copies with the same terms; a copy whose default language
    /// or direction differs (a scoped context setting only `@language`) gets its own.
    public var inverseContext: InverseContext {
        let cached = inverseContextCache.value { InverseContext(for: self) }
        if cached.defaultLanguageKey == InverseContext.languageKey(of: self) { return cached }
        return InverseContext(for: self)
    }
}

/// Results of Term Selection, and of compacting vocabulary IRIs without a value, for one
/// inverse context. Bounded: once full, new results are computed but not kept.
final class CompactionMemo: Sendable {
    struct VocabKey: Hashable, Sendable {
        let iri: String
        let vocabMapping: String?
        let jsonLD10: Bool
    }

    private struct Storage: ~Copyable {
        var selections: [Compactor.SelectionKey: String?] = [:]
        var vocabIRIs: [VocabKey: String] = [:]
    }

    private let storage = Mutex(Storage())
    static let maxEntries = 1 << 16

    /// The memoized selection for `key`: nil when unknown, `.some(nil)` for "no term".
    func selection(_ key: Compactor.SelectionKey) -> String?? {
        storage.withLock { $0.selections[key] }
    }

    func store(selection term: String?, for key: Compactor.SelectionKey) {
        storage.withLock { storage in
            if storage.selections.count < Self.maxEntries { storage.selections[key] = .some(term) }
        }
    }

    func vocabIRI(_ key: VocabKey) -> String? {
        storage.withLock { $0.vocabIRIs[key] }
    }

    func store(vocabIRI compacted: String, for key: VocabKey) {
        storage.withLock { storage in
            if storage.vocabIRIs.count < Self.maxEntries { storage.vocabIRIs[key] = compacted }
        }
    }
}
