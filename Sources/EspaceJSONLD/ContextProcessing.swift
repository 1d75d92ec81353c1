import EspaceJSON

/// Context Processing (JSON-LD 1.1 API §4.1) — interface; the algorithm is being written.
public enum ContextProcessing {
    /// Processes `localContext` against `active`, returning the new active context.
    public static func process(
        active: ActiveContext, local localContext: JSONValue, baseURL: String?,
        resolver: ContextResolver, remoteContexts: [String] = [], overrideProtected: Bool = false,
        propagate: Bool = true, validateScopedContext: Bool = true
    ) throws(JSONLDError) -> ActiveContext {
        throw JSONLDError(.invalidLocalContext, "context processing is not written yet")
    }
}

extension ActiveContext {
    /// IRI Expansion (§5.2) of `value` against this (already processed) context.
    public func expandIRI(_ value: String, documentRelative: Bool = false, vocab: Bool = false) -> String? {
        nil
    }
}
