import EspaceJSON

extension JSONLD {
    /// Compacts `input` with `context` (JSON-LD 1.1 API `compact()`): expands it, then
    /// shortens IRIs to terms and compact IRIs and reshapes values as the context says.
    ///
    /// - Parameters:
    ///   - context: the context, or a document whose `@context` entry is the context;
    ///     the result carries it as its `@context` entry (unless it is null).
    ///   - documentURL: the URL the input was loaded from: its base, and the base IRI
    ///     relative IRIs are made against when `compactToRelative` (unless `options.base`).
    ///   - contextURL: a context linked from an HTTP `Link` header, if any (expansion).
    public static func compact(
        _ input: JSONValue, context: JSONValue, documentURL: String? = nil, contextURL: String? = nil,
        options: JSONLDOptions = JSONLDOptions()
    ) throws(JSONLDError) -> JSONValue {
        var expandOptions = options
        expandOptions.ordered = false
        let resolver = ContextResolver(options: expandOptions)
        let expanded = try expand(input, documentURL: documentURL, contextURL: contextURL, resolver: resolver)
        return try compactExpanded(
            expanded, context: context, documentURL: documentURL, options: options, resolver: resolver)
    }

    /// Steps 5-11 of `compact()` on an already expanded document.
    static func compactExpanded(
        _ expanded: [JSONValue], context: JSONValue, documentURL: String?, options: JSONLDOptions,
        resolver: ContextResolver, alwaysGraph: Bool = false
    ) throws(JSONLDError) -> JSONValue {
        var localContext = context
        if case .object(let object) = context, let inner = object["@context"] {
            localContext = inner
        }
        let contextBase = documentURL ?? options.base
        var activeContext = ActiveContext(
            baseIRI: options.base ?? documentURL, originalBaseURL: contextBase,
            processingMode: options.processingMode)
        activeContext = try ContextProcessing.process(
            active: activeContext, local: localContext, baseURL: contextBase, resolver: resolver)
        let compactor = Compactor(options: options, resolver: resolver)
        var compacted = try compactor.compact(.array(expanded), activeProperty: nil, context: activeContext)
        if alwaysGraph, case .object = compacted {
            // flatten() keeps its nodes under @graph even when there is only one.
            compacted = .object([try compactor.compactIRI("@graph", in: activeContext): .array([compacted])])
        } else if alwaysGraph, case .array(let items) = compacted, items.isEmpty {
            compacted = .object([try compactor.compactIRI("@graph", in: activeContext): .array([])])
        }
        if case .array(let items) = compacted {
            if items.isEmpty {
                compacted = .object([:])
            } else {
                compacted = .object([try compactor.compactIRI("@graph", in: activeContext): compacted])
            }
        }
        guard case .object(let body) = compacted else { return compacted }
        // A null or empty context adds nothing worth an @context entry.
        switch localContext {
        case .null: return compacted
        case .object(let o) where o.isEmpty: return compacted
        case .array(let a) where a.isEmpty: return compacted
        default: break
        }
        var output = JSONObject(minimumCapacity: body.count + 1)
        output["@context"] = localContext
        for (key, value) in body { output[key] = value }
        return .object(output)
    }
}
