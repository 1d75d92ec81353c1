import EspaceJSON
import Synchronization

/// Loads remote contexts for one API call, through the configured document loader, with
/// a per-call cache and the `context overflow` guard.
public final class ContextResolver: Sendable {
    public let options: JSONLDOptions
    /// Processed contexts: the options' shared cache, or one for this call.
    let processedContexts: ProcessedContextCache
    private let loaded = Mutex<[String: RemoteDocument]>([:])

    public init(options: JSONLDOptions) {
        self.options = options
        self.processedContexts = options.contextCache ?? ProcessedContextCache()
    }

    /// Loads the context document at `url` (already resolved against the base).
    func load(_ url: String) throws(JSONLDError) -> RemoteDocument {
        if let cached = loaded.withLock({ $0[url] }) { return cached }
        guard let loader = options.documentLoader else {
            throw JSONLDError(.loadingRemoteContextFailed, "no document loader is configured to load \(url)")
        }
        let document: RemoteDocument
        do {
            document = try loader.loadDocument(url)
        } catch {
            throw JSONLDError(.loadingRemoteContextFailed, "\(url): \(error.detail.isEmpty ? error.code.rawValue : error.detail)")
        }
        loaded.withLock { $0[url] = document }
        return document
    }
}
