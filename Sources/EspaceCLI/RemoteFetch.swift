import EspaceJSON
import EspaceJSONLD
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Fetches remote JSON-LD documents for `--allow-remote`. `LocalDocumentLoader` calls it
/// only for allow-listed URLs; this also refuses redirects that leave the allow-list, caps
/// the size, and gives up after a time-out.
struct RemoteFetch: Sendable {
    /// URL prefixes that may be fetched (also checked on every redirect).
    let allowList: [String]
    var maxBytes = 8 << 20
    var timeout: TimeInterval = 15

    func fetch(_ url: String) throws -> RemoteDocument {
        guard let target = URL(string: url), target.scheme == "https" || target.scheme == "http" else {
            throw JSONLDError(.loadingDocumentFailed, "\(url) is not an http(s) URL")
        }
        var request = URLRequest(url: target, timeoutInterval: timeout)
        request.setValue("application/ld+json, application/json;q=0.9", forHTTPHeaderField: "Accept")
        let guardDelegate = RedirectGuard(allowList: allowList)
        let session = URLSession(configuration: .ephemeral, delegate: guardDelegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        session.dataTask(with: request) { data, response, error in
            outcome.set(data: data, response: response, error: error)
            done.signal()
        }.resume()
        guard done.wait(timeout: .now() + timeout + 1) == .success else {
            throw JSONLDError(.loadingDocumentFailed, "\(url): no answer within \(Int(timeout)) s")
        }
        let (data, response, error) = outcome.get()
        if let error {
            throw JSONLDError(.loadingDocumentFailed, "\(url): \(error.localizedDescription)")
        }
        guard let http = response as? HTTPURLResponse, (200..<300).contains(http.statusCode), let data else {
            throw JSONLDError(.loadingDocumentFailed, "\(url): the server did not answer with a document")
        }
        let finalURL = http.url?.absoluteString ?? url
        guard allowList.contains(where: { finalURL.hasPrefix($0) }) else {
            throw JSONLDError(.loadingDocumentFailed, "\(url) redirected to \(finalURL), which is not allowed")
        }
        guard data.count <= maxBytes else {
            throw JSONLDError(.loadingDocumentFailed, "\(url) is larger than \(maxBytes) bytes")
        }
        do {
            return RemoteDocument(documentURL: finalURL, document: try JSONParser().parse(data))
        } catch {
            throw JSONLDError(.loadingDocumentFailed, "\(url): \(error)")
        }
    }

    /// The result of one request, handed from the session's queue to the caller.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var value: (Data?, URLResponse?, Error?) = (nil, nil, nil)

        func set(data: Data?, response: URLResponse?, error: Error?) {
            lock.withLock { value = (data, response, error) }
        }

        func get() -> (Data?, URLResponse?, Error?) {
            lock.withLock { value }
        }
    }

    /// Follows a redirect only when its target is allow-listed too.
    private final class RedirectGuard: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
        let allowList: [String]

        init(allowList: [String]) {
            self.allowList = allowList
        }

        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
        ) {
            let target = request.url?.absoluteString ?? ""
            completionHandler(allowList.contains(where: { target.hasPrefix($0) }) ? request : nil)
        }
    }
}
