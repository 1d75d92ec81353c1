import EspaceJSON
import Foundation

/// A document loader that never touches the network on its own: it serves the bundled
/// contexts, files named per URL, and folders mapped to URL prefixes. Remote loading is
/// off unless a fetch function and an allow-list of URL prefixes are both configured.
public struct LocalDocumentLoader: DocumentLoader {
    /// Serve the contexts compiled into Espace.
    public var useBundledContexts: Bool
    /// Exact URL → local file path.
    public var files: [String: String]
    /// URL prefix → local folder: `prefix + rest` is served from `folder/rest`.
    public var folders: [(prefix: String, folder: String)]
    /// URL prefixes that may be fetched remotely with `fetch`.
    public var remoteAllowList: [String]
    /// Fetches a remote document (injected by the server layer); nil disables remote loading.
    public var fetch: (@Sendable (String) throws -> RemoteDocument)?
    /// Largest accepted document, in bytes.
    public var maxDocumentBytes: Int

    public init(
        useBundledContexts: Bool = true, files: [String: String] = [:], folders: [(prefix: String, folder: String)] = [],
        remoteAllowList: [String] = [], fetch: (@Sendable (String) throws -> RemoteDocument)? = nil,
        maxDocumentBytes: Int = 16 << 20
    ) {
        self.useBundledContexts = useBundledContexts
        self.files = files
        self.folders = folders
        self.remoteAllowList = remoteAllowList
        self.fetch = fetch
        self.maxDocumentBytes = maxDocumentBytes
    }

    public func loadDocument(_ url: String) throws(JSONLDError) -> RemoteDocument {
        if let path = files[url] {
            return try Self.readJSON(path: path, url: url, limit: maxDocumentBytes)
        }
        for (prefix, folder) in folders where url.hasPrefix(prefix) {
            let rest = url.dropFirst(prefix.count)
            guard !rest.split(separator: "/").contains("..") else {
                throw JSONLDError(.loadingDocumentFailed, "\(url) leaves the folder mapped to \(prefix)")
            }
            return try Self.readJSON(path: folder + "/" + rest, url: url, limit: maxDocumentBytes)
        }
        if useBundledContexts, let document = BundledContexts.document(for: url) {
            return document
        }
        if let fetch, remoteAllowList.contains(where: { url.hasPrefix($0) }) {
            do {
                return try fetch(url)
            } catch let error as JSONLDError {
                throw error
            } catch {
                throw JSONLDError(.loadingDocumentFailed, "\(url): \(error)")
            }
        }
        throw JSONLDError(
            .loadingDocumentFailed,
            "\(url) is not bundled or mapped to a local file, and remote loading is not allowed for it")
    }

    /// Reads and parses a local JSON file.
    public static func readJSON(path: String, url: String, limit: Int = 16 << 20) throws(JSONLDError) -> RemoteDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JSONLDError(.loadingDocumentFailed, "\(url): cannot read \(path)")
        }
        do {
            let value = try JSONParser(limits: JSONLimits(maxBytes: limit)).parse(data)
            return RemoteDocument(documentURL: url, document: value)
        } catch {
            throw JSONLDError(.loadingDocumentFailed, "\(url): \(path) is not valid JSON: \(error)")
        }
    }
}
