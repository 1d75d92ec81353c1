import EspaceIdentity
import Foundation

/// An `HTTPClient` answering from a table, recording each request.
final class FakeHTTPClient: HTTPClient, @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [String: HTTPResponse]
    private(set) var requested: [String] = []

    init(_ answers: [String: HTTPResponse]) {
        self.answers = answers
    }

    var requestCount: Int { lock.withLock { requested.count } }

    func send(_ request: HTTPRequest, limits: HTTPLimits) async throws(IdentityError) -> HTTPResponse {
        let answer = lock.withLock { () -> HTTPResponse? in
            requested.append(request.url)
            return answers[request.url]
        }
        guard let answer else { return HTTPResponse(status: 404) }
        guard answer.body.count <= limits.maxResponseBytes else {
            throw IdentityError(
                "\(request.url) sent more than \(limits.maxResponseBytes) bytes", reason: .limitExceeded)
        }
        return answer
    }
}

/// A host resolver answering from a table.
struct FakeHostResolver: HostResolving {
    var table: [String: [IPAddress]]

    func addresses(of host: String) async throws(IdentityError) -> [IPAddress] {
        guard let addresses = table[host] else { throw IdentityError("\(host) is unknown", reason: .resolutionFailed) }
        return addresses
    }
}

/// A clock tests move by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_800_000_000)

    var now: Date { lock.withLock { current } }

    func advance(_ seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}
