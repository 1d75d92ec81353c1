import EspaceIdentity
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// An `HTTPClient` over URLSession: an ephemeral session per request, the whole exchange
/// bounded by `limits.timeout`, the body by `limits.maxResponseBytes` (the transfer is
/// cancelled once it is exceeded), and redirects never followed here (a 3xx answer is
/// returned as is, so `GuardedHTTPClient` can check its target before following it).
public struct URLSessionHTTPClient: HTTPClient {
    public init() {}

    public func send(_ request: HTTPRequest, limits: HTTPLimits) async throws(IdentityError) -> HTTPResponse {
        guard let url = URL(string: request.url), url.scheme == "https" || url.scheme == "http" else {
            throw IdentityError("\(request.url) is not an http(s) URL", reason: .forbiddenAddress)
        }
        let seconds = Double(limits.timeout.components.seconds) + Double(limits.timeout.components.attoseconds) / 1e18
        var urlRequest = URLRequest(url: url, timeoutInterval: seconds)
        urlRequest.httpMethod = request.method
        for header in request.headers { urlRequest.addValue(header.value, forHTTPHeaderField: header.name) }
        if !request.body.isEmpty { urlRequest.httpBody = Data(request.body) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = seconds
        configuration.timeoutIntervalForResource = seconds
        let collector = Collector(maxBytes: limits.maxResponseBytes)
        let session = URLSession(configuration: configuration, delegate: collector, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let result: Result<HTTPResponse, IdentityError> = await withCheckedContinuation { continuation in
            collector.start(continuation: continuation, url: request.url)
            session.dataTask(with: urlRequest).resume()
        }
        return try result.get()
    }

    /// Collects one response, refusing redirects and cutting the body at its limit.
    private final class Collector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        let maxBytes: Int
        private let lock = NSLock()
        private var continuation: CheckedContinuation<Result<HTTPResponse, IdentityError>, Never>?
        private var url = ""
        private var response: HTTPURLResponse?
        private var body: [UInt8] = []
        private var failure: IdentityError?

        init(maxBytes: Int) {
            self.maxBytes = maxBytes
        }

        func start(continuation: CheckedContinuation<Result<HTTPResponse, IdentityError>, Never>, url: String) {
            lock.withLock {
                self.continuation = continuation
                self.url = url
            }
        }

        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
        ) {
            completionHandler(nil)
        }

        func urlSession(
            _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
            completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
        ) {
            let tooLarge = lock.withLock { () -> Bool in
                self.response = response as? HTTPURLResponse
                if response.expectedContentLength > Int64(maxBytes) {
                    failure = IdentityError(
                        "\(url) announces \(response.expectedContentLength) bytes, more than \(maxBytes)",
                        reason: .limitExceeded)
                    return true
                }
                return false
            }
            completionHandler(tooLarge ? .cancel : .allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            let overflow = lock.withLock { () -> Bool in
                guard failure == nil else { return true }
                if body.count + data.count > maxBytes {
                    failure = IdentityError("\(url) sent more than \(maxBytes) bytes", reason: .limitExceeded)
                    return true
                }
                body.append(contentsOf: data)
                return false
            }
            if overflow { dataTask.cancel() }
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
            let (continuation, result) = lock.withLock {
                () -> (
                    CheckedContinuation<Result<HTTPResponse, IdentityError>, Never>?,
                    Result<HTTPResponse, IdentityError>
                ) in
                let pending = self.continuation
                self.continuation = nil
                if let failure { return (pending, .failure(failure)) }
                if let error {
                    let nsError = error as NSError
                    let reason: IdentityError.Reason =
                        nsError.code == NSURLErrorTimedOut ? .limitExceeded : .resolutionFailed
                    return (pending, .failure(IdentityError("\(url): \(error.localizedDescription)", reason: reason)))
                }
                guard let response else {
                    return (pending, .failure(IdentityError("\(url): no HTTP response", reason: .resolutionFailed)))
                }
                var headers: [(name: String, value: String)] = []
                for (name, value) in response.allHeaderFields {
                    headers.append(("\(name)", "\(value)"))
                }
                return (pending, .success(HTTPResponse(status: response.statusCode, headers: headers, body: body)))
            }
            continuation?.resume(returning: result)
        }
    }
}
