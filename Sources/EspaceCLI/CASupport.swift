import ArgumentParser
import EspaceIdentity
import EspaceJSON
import Foundation

/// The files of a development CA directory and the I/O `espace ca` needs.
struct CAFiles {
    /// Largest file `espace ca` reads.
    static let maxFileBytes = 1 << 20

    let key: String
    let certificate: String

    init(_ directory: String) {
        let url = URL(fileURLWithPath: directory)
        key = url.appendingPathComponent("ca-key.pem").path
        certificate = url.appendingPathComponent("ca.pem").path
    }

    /// The CA stored in the directory.
    func load() throws -> DevelopmentCA {
        try DevelopmentCA(certificatePEM: try Self.readText(certificate), privateKeyPEM: try Self.readText(key))
    }

    /// Reads a UTF-8 file of at most `maxFileBytes`.
    static func readText(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw CAFileError("\(path): no such file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CAFileError("\(path): cannot read the file")
        }
        defer { try? handle.close() }
        let data = try handle.read(upToCount: maxFileBytes + 1) ?? Data()
        guard data.count <= maxFileBytes else { throw CAFileError("\(path): larger than \(maxFileBytes) bytes") }
        guard let text = String(data: data, encoding: .utf8) else { throw CAFileError("\(path): not UTF-8 text") }
        return text
    }

    /// A public key from a JWK (JSON), PEM PUBLIC KEY or PEM private key file.
    static func readPublicKey(_ path: String) throws -> PublicKey {
        let text = try readText(path)
        do {
            if text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("{") {
                let value: JSONValue
                do {
                    value = try JSONParser().parse(Data(text.utf8))
                } catch {
                    throw IdentityError("not JSON: \(error)")
                }
                return try PublicKey(jwk: try JWK(json: value))
            }
            if text.contains("PRIVATE KEY-----") { return try PrivateKey(pem: text).publicKey }
            return try PublicKey(pem: text)
        } catch let error as IdentityError {
            throw CAFileError("\(path): \(error.message)")
        }
    }

    /// Writes `text` to `path` atomically with POSIX permissions `mode`.
    static func write(_ text: String, to path: String, mode: Int) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(UUID().uuidString)")
        guard
            FileManager.default.createFile(
                atPath: temporary.path, contents: Data(text.utf8), attributes: [.posixPermissions: mode])
        else {
            throw CAFileError("\(path): cannot write the file")
        }
        do {
            if FileManager.default.fileExists(atPath: path) {
                _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: url)
            }
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CAFileError("\(path): cannot write the file: \(error.localizedDescription)")
        }
    }

    /// Runs `body`; on failure prints `error: <message>` (with the identity reason) and exits 1.
    static func report<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as IdentityError {
            throw CommandFailure.exit("\(error.message) [\(error.reason.rawValue)]")
        } catch let error as ExitCode {
            throw error
        } catch {
            throw CommandFailure.exit("\(error)")
        }
    }

    static func printText(_ summary: CertificateSummary) {
        let format = ISO8601DateFormatter()
        print("  subject:  \(summary.subject)")
        print("  issuer:   \(summary.issuer)")
        print("  valid:    \(format.string(from: summary.notBefore)) to \(format.string(from: summary.notAfter))")
        if !summary.dnsNames.isEmpty { print("  dns:      \(summary.dnsNames.joined(separator: ", "))") }
        if !summary.policyOIDs.isEmpty { print("  policies: \(summary.policyOIDs.joined(separator: ", "))") }
    }

    static func printJSON(_ value: JSONValue) throws {
        let text = try report { try JSONSerializer(options: .init(pretty: true)).serialize(value) }
        print(text)
    }
}

/// A failure reading or writing `espace ca` files.
struct CAFileError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs async identity work to completion from a synchronous command.
enum CABlocking {
    private final class Box<T: Sendable>: @unchecked Sendable {
        let lock = NSLock()
        var result: Result<T, IdentityError>?
    }

    static func wait<T: Sendable>(_ work: @escaping @Sendable () async throws(IdentityError) -> T) throws(IdentityError)
        -> T
    {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            let outcome: Result<T, IdentityError>
            do throws(IdentityError) {
                outcome = .success(try await work())
            } catch {
                outcome = .failure(error)
            }
            box.lock.withLock { box.result = outcome }
            done.signal()
        }
        done.wait()
        guard let result = box.lock.withLock({ box.result }) else {
            throw IdentityError("the verification did not complete")
        }
        return try result.get()
    }
}
