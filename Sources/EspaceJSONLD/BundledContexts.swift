import EspaceJSON
import Synchronization

/// The well-known JSON-LD contexts compiled into Espace (VC v1/v2, DID, security suites,
/// Data Integrity, Multikey, status lists, DSP 2025-1 and its ODRL profile, DCP, ODRL 2.2,
/// Gaia-X). See docs/CONTEXTS.md for their sources.
public enum BundledContexts {
    private static let parsed = Mutex<[String: JSONValue]>([:])

    /// The URLs of every bundled context.
    public static var urls: [String] { sources.keys.sorted() }

    /// The bundled document for `url` (an exact match, or a match without the fragment).
    public static func document(for url: String) -> RemoteDocument? {
        let key: String
        if sources[url] != nil {
            key = url
        } else if let hash = url.firstIndex(of: "#"), sources[String(url[..<hash])] != nil {
            key = String(url[..<hash])
        } else {
            return nil
        }
        if let cached = parsed.withLock({ $0[key] }) {
            return RemoteDocument(documentURL: url, document: cached)
        }
        guard let file = sources[key], let text = texts[file], let value = try? JSONParser().parse(text) else {
            return nil
        }
        parsed.withLock { $0[key] = value }
        return RemoteDocument(documentURL: url, document: value)
    }
}
