import EspaceJSON

/// The state shared by the compaction algorithms for one API call.
struct Compactor {
    let options: JSONLDOptions
    let resolver: ContextResolver
    /// Replace one-element arrays by their element.
    let compactArrays: Bool
    /// Visit map entries in code-point order.
    let ordered: Bool
    /// Make IRIs relative to the base IRI (`compactToRelative`).
    let compactToRelative: Bool
    let maxDepth: Int
    /// Inverse contexts and IRI compactions already computed in this call.
    let cache = CompactionCache()

    init(options: JSONLDOptions, resolver: ContextResolver) {
        self.options = options
        self.resolver = resolver
        self.compactArrays = options.compactArrays
        self.ordered = options.ordered
        self.compactToRelative = options.compactToRelative
        self.maxDepth = options.limits.expandedMaxDepth
    }

    var isJSONLD10: Bool { options.processingMode == .jsonLD10 }
}

/// Memoized work of one compaction call: inverse contexts by term table and default
/// language, and compactions of IRIs given without a value (keywords, types, `@id`s).
///
/// Tables are found by the identity of the term table's cache object; each table keeps
/// that object alive so its identity cannot be reused while the cache lives.
final class CompactionCache {
    /// What IRI compaction without a value depends on besides the IRI and `vocab`.
    final class Table {
        let owner: InverseContextCache
        let defaultLanguage: String?
        let defaultBaseDirection: String?
        let vocabMapping: String?
        let base: String?
        let inverse: InverseContext
        /// Compacted `@id` values (document-relative IRIs) of this call.
        var documentIRIs: [String: String] = [:]

        init(owner: InverseContextCache, context: ActiveContext, inverse: InverseContext) {
            self.owner = owner
            self.defaultLanguage = context.defaultLanguage
            self.defaultBaseDirection = context.defaultBaseDirection
            self.vocabMapping = context.vocabularyMapping
            self.base = context.baseIRI
            self.inverse = inverse
        }

        func matches(_ context: ActiveContext) -> Bool {
            defaultLanguage == context.defaultLanguage && defaultBaseDirection == context.defaultBaseDirection
                && vocabMapping == context.vocabularyMapping && base == context.baseIRI
        }
    }

    private var tables: [ObjectIdentifier: [Table]] = [:]
    private var tableCount = 0
    /// The table most recently used, checked first.
    private var last: Table?
    static let maxTables = 10_000

    /// The table for `context`.
    func table(_ context: ActiveContext) -> Table {
        let owner = context.inverseContextCache
        if let last, last.owner === owner, last.matches(context) { return last }
        let id = ObjectIdentifier(owner)
        if let candidates = tables[id] {
            for table in candidates where table.matches(context) {
                last = table
                return table
            }
        }
        if tableCount >= Self.maxTables {
            tables.removeAll()
            tableCount = 0
        }
        // Reuse an inverse context built for the same terms and default language.
        let language = InverseContext.languageKey(of: context)
        let inverse =
            tables[id]?.first(where: { $0.inverse.defaultLanguageKey == language })?.inverse
            ?? context.inverseContext
        let table = Table(owner: owner, context: context, inverse: inverse)
        tables[id, default: []].append(table)
        tableCount += 1
        last = table
        return table
    }

    func inverse(_ context: ActiveContext) -> InverseContext { table(context).inverse }
}

extension ActiveContext {
    /// The container mapping of `term` (empty when the term is not defined).
    @inlinable func container(of term: String?) -> Set<String> {
        guard let term, let definition = terms[term] else { return [] }
        return definition.container
    }

    /// The term definition of `term`, if any.
    @inlinable func definition(of term: String?) -> TermDefinition? {
        guard let term else { return nil }
        return terms[term]
    }
}

extension JSONObject {
    /// A list object: has `@list` (and at most `@index`).
    var isListObject: Bool {
        self["@list"] != nil && (count == 1 || (count == 2 && self["@index"] != nil))
    }

    /// A graph object: has `@graph` and otherwise only `@id` and `@index`.
    var isGraphObject: Bool {
        guard self["@graph"] != nil else { return false }
        for key in keys where key != "@graph" && key != "@id" && key != "@index" { return false }
        return true
    }

    /// A simple graph object: a graph object without `@id`.
    var isSimpleGraphObject: Bool { isGraphObject && self["@id"] == nil }

    /// A value object: has `@value`.
    var isValueObject: Bool { self["@value"] != nil }

    /// The spec's "add value" (JSON-LD 1.1 API §2, "add value"): adds `value` to the
    /// `key` entry, turning the entry into an array when needed or when `asArray`.
    mutating func addValue(_ value: JSONValue, to key: String, asArray: Bool) {
        if asArray {
            switch self[key] {
            case .array?: break
            case nil: self[key] = .array([])
            case let existing?: self[key] = .array([existing])
            }
        }
        if case .array(let items) = value {
            for item in items { addValue(item, to: key, asArray: asArray) }
            return
        }
        guard let existing = self[key] else {
            self[key] = value
            return
        }
        if case .array(var items) = existing {
            self[key] = .null  // release the entry's reference so the append is in place
            items.append(value)
            self[key] = .array(items)
        } else {
            self[key] = .array([existing, value])
        }
    }
}
