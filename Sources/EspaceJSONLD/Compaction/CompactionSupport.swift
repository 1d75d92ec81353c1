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
/// Keys hold the term table's cache object by identity; the entry keeps that object alive
/// so its identity cannot be reused while the cache lives.
final class CompactionCache {
    struct ContextKey: Hashable {
        let terms: ObjectIdentifier
        let defaultLanguage: String
    }

    struct IRIKey: Hashable {
        let context: ContextKey
        let vocabMapping: String?
        let base: String?
        let iri: String
        let vocab: Bool
    }

    private var inverses: [ContextKey: (owner: InverseContextCache, inverse: InverseContext)] = [:]
    private var owners: [ObjectIdentifier: InverseContextCache] = [:]
    private var iris: [IRIKey: String] = [:]
    static let maxEntries = 100_000

    func contextKey(_ context: ActiveContext) -> ContextKey {
        let owner = context.inverseContextCache
        let id = ObjectIdentifier(owner)
        if owners[id] == nil {
            if owners.count >= Self.maxEntries { clear() }
            owners[id] = owner
        }
        return ContextKey(terms: id, defaultLanguage: InverseContext.languageKey(of: context))
    }

    func inverse(_ context: ActiveContext) -> InverseContext {
        let key = contextKey(context)
        if let hit = inverses[key] { return hit.inverse }
        let inverse = context.inverseContext
        inverses[key] = (context.inverseContextCache, inverse)
        return inverse
    }

    func compactedIRI(_ key: IRIKey) -> String? { iris[key] }

    func store(_ compacted: String, for key: IRIKey) {
        if iris.count >= Self.maxEntries { iris.removeAll(keepingCapacity: true) }
        iris[key] = compacted
    }

    private func clear() {
        owners.removeAll()
        inverses.removeAll()
        iris.removeAll()
    }
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
