import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-thread HTTP/1.1 server on 127.0.0.1 answering from a table of canned responses,
/// so the real URLSession client is tested without leaving the machine.
final class LocalHTTPServer: @unchecked Sendable {
    /// A canned answer: raw head lines, body, and a delay before answering.
    struct Answer: Sendable {
        var status: Int
        var headers: [String] = []
        var body: [UInt8] = []
        var delay: Double = 0
    }

    let port: UInt16
    private let socket: Int32
    private let answers: [String: Answer]

    init(_ answers: [String: Answer]) throws {
        self.answers = answers
        #if canImport(Darwin)
            let fd = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #else
            let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { throw ServerError("socket failed") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw ServerError("bind/listen failed")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        socket = fd
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// Stops accepting connections.
    func stop() {
        shutdown(socket, Int32(SHUT_RDWR))
        close(socket)
    }

    private func serve() {
        while true {
            let client = accept(socket, nil, nil)
            guard client >= 0 else { return }
            var request: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !request.suffix(4).elementsEqual([13, 10, 13, 10]), request.count < 65536 {
                let n = read(client, &buffer, buffer.count)
                guard n > 0 else { break }
                request += buffer[0..<n]
            }
            let line = String(decoding: request.prefix { $0 != 13 }, as: UTF8.self)
            let path = line.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
            let answer = answers[path] ?? Answer(status: 404)
            if answer.delay > 0 { Thread.sleep(forTimeInterval: answer.delay) }
            var head = "HTTP/1.1 \(answer.status) X\r\nContent-Length: \(answer.body.count)\r\nConnection: close\r\n"
            for header in answer.headers { head += header + "\r\n" }
            let bytes = Array((head + "\r\n").utf8) + answer.body
            var sent = 0
            while sent < bytes.count {
                // MSG_NOSIGNAL: a client that gave up must not raise SIGPIPE in the test process.
                #if canImport(Darwin)
                    let n = bytes[sent...].withUnsafeBytes { Darwin.send(client, $0.baseAddress, $0.count, 0) }
                #else
                    let n = bytes[sent...].withUnsafeBytes {
                        Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                    }
                #endif
                guard n > 0 else { break }
                sent += n
            }
            close(client)
        }
    }

    struct ServerError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
