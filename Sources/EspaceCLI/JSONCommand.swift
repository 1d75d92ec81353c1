import ArgumentParser
import EspaceIdentity
import Crypto
import EspaceJSON
import Foundation

/// `espace json`: JSON utilities (RFC 8785 canonical form and its digest).
struct JSONCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "json",
        abstract: "JSON utilities: RFC 8785 (JCS) canonical form and digest.",
        subcommands: [Canonicalize.self, Digest.self])

    /// `espace json canonicalize FILE|-`: prints the JCS form followed by a newline.
    struct Canonicalize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the RFC 8785 (JCS) canonical form of a JSON document.",
            discussion: "The canonical bytes are followed by one newline, which is not part of the canonical form.")

        @Argument(help: "The JSON file, or - for standard input.")
        var file: String

        func run() throws {
            let bytes = try JSONCommand.report { try JSONCommand.canonicalBytes(of: file) }
            FileHandle.standardOutput.write(Data(bytes + [0x0A]))
        }
    }

    /// `espace json digest FILE|- [--sri]`: SHA-256 of the JCS bytes.
    struct Digest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the SHA-256 of the RFC 8785 (JCS) canonical form, in lower-case hex.",
            discussion: """
                With --sri the digest is written as Gaia-X writes gx:digestSRI: "sha256-" followed by \
                the lower-case hex digest (not the base64 of W3C Subresource Integrity).
                """)

        @Argument(help: "The JSON file, or - for standard input.")
        var file: String

        @Flag(name: .long, help: "Prefix the digest with \"sha256-\" (Gaia-X digestSRI form).")
        var sri = false

        func run() throws {
            let bytes = try JSONCommand.report { try JSONCommand.canonicalBytes(of: file) }
            let hex = Hex.encode(SHA256.hash(data: bytes))
            print(sri ? "sha256-" + hex : hex)
        }
    }

    /// Reads `file` (or standard input for `-`), parses it and returns its JCS bytes.
    static func canonicalBytes(of file: String) throws -> [UInt8] {
        let name = file == "-" ? "<stdin>" : file
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
                throw JSONCommandError("\(name): no such file")
            }
            guard !isDirectory.boolValue, let contents = FileManager.default.contents(atPath: file) else {
                throw JSONCommandError("\(name): cannot read the file")
            }
            data = contents
        }
        do {
            let value = try JSONParser().parse(data)
            return try JSONCanonicalization.canonicalBytes(value)
        } catch let error as JSONParseError {
            throw JSONCommandError("\(name): \(error)")
        } catch let error as JSONSerializationError {
            throw JSONCommandError("\(name): \(error)")
        }
    }

    /// Runs `body`; on failure prints `error: <message>` to standard error and exits with 1.
    static func report<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}

/// A failure of `espace json`, with the message shown to the user.
struct JSONCommandError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
