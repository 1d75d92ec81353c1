import EspaceJSON

extension JSONLD {
    /// Compacts `input` with `context` (JSON-LD 1.1 API `compact()`): expands it, then
    /// shortens IRIs to terms and compact IRIs and reshapes values as the context says.
    ///
    /// `context` may be the context itself or a document whose `@context` entry is the
    /// context; the result carries it as its `@context` entry. `options.base` is the base
    /// IRI relative IRIs are made against when `compactToRelative` is true.
    public static func compact(
        _ input: JSONValue, context: JSONValue, options: JSONLDOptions = JSONLDOptions()
    ) throws(JSONLDError) -> JSONValue {
        var expandOptions = options
        expandOptions.ordered = false
        let expanded = try expand(input, options: expandOptions)
        return try compactExpanded(expanded, context: context, options: options)
    }

    /// Steps 5-11 of `compact()` on an already expanded document.
    static func compactExpanded(
        _ expanded: [JSONValue], context: JSONValue, options: JSONLDOptions
    ) throws(JSONLDError) -> JSONValue {
        var localContext = context
        if case .object(let object) = context, let inner = object["@context"] {
            localContext = inner
        }
        let resolver = ContextResolver(options: options)
        var activeContext = ActiveContext(
            baseIRI: options.base, originalBaseURL: options.base, processingMode: options.processingMode)
        activeContext = try ContextProcessing.process(
            active: activeContext, local: localContext, baseURL: options.base, resolver: resolver)
        let compactor = Compactor(options: options, resolver: resolver)
        var compacted = try compactor.compact(.array(expanded), activeProperty: nil, context: activeContext)
        if case .array(let items) = compacted {
            if items.isEmpty {
                compacted = .object([:])
            } else {
                compacted = .object([try compactor.compactIRI("@graph", in: activeContext): compacted])
            }
        }
        guard case .object(let body) = compacted else { return compacted }
        guard !localContext.isNull else { return compacted }
        var output = JSONObject(minimumCapacity: body.count + 1)
        output["@context"] = localContext
        for (key, value) in body { output[key] = value }
        return .object(output)
    }
}
