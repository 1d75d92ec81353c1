import ArgumentParser
import EspaceIdentity
import EspaceJSON
import Foundation

/// Helpers the `key` and `did` commands share: reading key files, printing JSON, running
/// async work from a synchronous command, reporting failures.
enum IdentitySupport {
    /// A failure shown to the user as `error: <message>`.
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Runs `body`; on failure prints `error: <message>` to standard error and exits with 1.
    static func report<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            throw CommandFailure.exit("\(error)")
        }
    }

    /// Pretty JSON text with a final newline.
    static func pretty(_ value: JSONValue) throws -> String {
        try JSONSerializer(options: .init(pretty: true)).serialize(value) + "\n"
    }

    /// Reads a JSON file (at most 1 MiB).
    static func readJSON(_ path: String) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure("\(path): cannot read the file")
        }
        guard data.count <= 1 << 20 else { throw Failure("\(path): larger than 1 MiB") }
        do {
            return try JSONParser().parse(data)
        } catch {
            throw Failure("\(path): \(error)")
        }
    }

    /// The public key of a JWK file (a private JWK's public part, or a public JWK), with
    /// the private key when the file holds one.
    static func readKey(_ path: String) throws -> (publicKey: PublicKey, privateKey: PrivateKey?) {
        let value = try readJSON(path)
        do {
            if value["d"] != nil {
                let key = try PrivateKey(jwk: value)
                return (key.publicKey, key)
            }
            return (try PublicKey(jwk: try JWK(json: value)), nil)
        } catch {
            throw Failure("\(path): \(error.message)")
        }
    }

    /// Writes `text` to `path`, readable by its owner only when `secret`.
    static func write(_ text: String, to path: String, secret: Bool) throws {
        let url = URL(fileURLWithPath: path)
        if secret {
            // Create with 0600 before any byte is written.
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        }
        do {
            try Data(text.utf8).write(to: url)
        } catch {
            throw Failure("\(path): cannot write the file (\(error.localizedDescription))")
        }
        if secret { try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path) }
    }

    /// A short description of a key: `Ed25519`, `EC P-256`, `RSA 2048 bits`.
    static func describe(_ key: PublicKey) -> String {
        switch key {
        case .ed25519: return "Ed25519"
        case .p256: return "EC P-256"
        case .p384: return "EC P-384"
        case .p521: return "EC P-521"
        case .rsa(_, let n, _): return "RSA \(n.count * 8) bits"
        }
    }

    /// Runs async work to completion from a synchronous command.
    static func wait<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                box.set(.success(try await work()))
            } catch {
                box.set(.failure(error))
            }
            done.signal()
        }
        done.wait()
        return try box.get()
    }

    private final class ResultBox<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<T, any Error> = .failure(Failure("no result"))
        func set(_ value: Result<T, any Error>) { lock.withLock { result = value } }
        func get() throws -> T { try lock.withLock { result }.get() }
    }
}
