import EspaceJSON

extension JSONLD {
    /// Expands a JSON-LD document (JSON-LD 1.1 API §9.2 `expand()`).
    ///
    /// - Parameters:
    ///   - input: the document.
    ///   - documentURL: the URL the document was loaded from, used as its base; nil for
    ///     a document without one (then `options.base` applies).
    ///   - contextURL: a context linked from an HTTP `Link` header, if any.
    public static func expand(
        _ input: JSONValue, documentURL: String? = nil, contextURL: String? = nil, options: JSONLDOptions
    ) throws(JSONLDError) -> [JSONValue] {
        let resolver = ContextResolver(options: options)
        return try expand(input, documentURL: documentURL, contextURL: contextURL, resolver: resolver)
    }

    /// Expands with a given resolver (shared by the operations that expand first).
    static func expand(
        _ input: JSONValue, documentURL: String?, contextURL: String?, resolver: ContextResolver
    ) throws(JSONLDError) -> [JSONValue] {
        let options = resolver.options
        // 5.
        var active = initialContext(documentURL: documentURL, options: options)
        // 6.
        if let expandContext = options.expandContext {
            var local = expandContext
            if case .object(let o) = expandContext, let inner = o["@context"] { local = inner }
            active = try ContextProcessing.process(
                active: active, local: local, baseURL: active.originalBaseURL, resolver: resolver)
        }
        // 7.
        if let contextURL {
            active = try ContextProcessing.process(
                active: active, local: .string(contextURL), baseURL: contextURL, resolver: resolver)
        }
        // 8.
        var expander = Expander(resolver: resolver)
        let expanded = try expander.expand(
            active: active, property: nil, element: input, baseURL: documentURL ?? options.base)
        // 9-11.
        guard let expanded else { return [] }
        if case .object(let o) = expanded, o.count == 1, let graph = o["@graph"] {
            return graph.asArray
        }
        return expanded.asArray
    }

    /// The initial active context for a document (API §9.2 step 5).
    static func initialContext(documentURL: String?, options: JSONLDOptions) -> ActiveContext {
        let original = documentURL ?? options.base
        var active = ActiveContext(baseIRI: original, originalBaseURL: original, processingMode: options.processingMode)
        if let base = options.base { active.baseIRI = base }
        return active
    }
}
