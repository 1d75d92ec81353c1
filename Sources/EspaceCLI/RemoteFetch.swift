import EspaceJSON
import EspaceJSONLD
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Fetches a remote JSON-LD document for `--allow-remote` (only for allow-listed URLs:
/// `LocalDocumentLoader` checks the list before calling this).
enum RemoteFetch {
    static let maxBytes = 8 << 20

    @Sendable static func fetch(_ url: String) throws -> RemoteDocument {
        guard let target = URL(string: url), target.scheme == "https" || target.scheme == "http" else {
            throw JSONLDError(.loadingDocumentFailed, "\(url) is not an http(s) URL")
        }
        let data: Data
        do {
            data = try Data(contentsOf: target)
        } catch {
            throw JSONLDError(.loadingDocumentFailed, "\(url): \(error.localizedDescription)")
        }
        guard data.count <= maxBytes else {
            throw JSONLDError(.loadingDocumentFailed, "\(url) is larger than \(maxBytes) bytes")
        }
        do {
            return RemoteDocument(documentURL: url, document: try JSONParser().parse(data))
        } catch {
            throw JSONLDError(.loadingDocumentFailed, "\(url): \(error)")
        }
    }
}
