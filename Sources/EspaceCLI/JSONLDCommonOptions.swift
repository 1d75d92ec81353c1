import ArgumentParser
import EspaceJSON
import EspaceJSONLD
import Foundation

/// Options shared by the `espace jsonld` commands.
struct JSONLDCommonOptions: ParsableArguments {
    @Argument(help: "The input document, or '-' for standard input.")
    var file: String

    @Option(name: .long, help: "The base IRI of the document (relative IRIs resolve against it).")
    var base: String?

    @Option(name: .customLong("expand-context"), help: "A context file applied before the document's own context.")
    var expandContext: String?

    @Option(
        name: .customLong("document"),
        help: ArgumentHelp(
            "Serve a local file for a URL: URL=PATH (repeatable). Bundled contexts are always served.",
            valueName: "url=path"))
    var documents: [String] = []

    @Option(name: .customLong("processing-mode"), help: "json-ld-1.0 or json-ld-1.1.")
    var processingMode: String = "json-ld-1.1"

    @Option(
        name: .customLong("allow-remote"),
        help: ArgumentHelp(
            "Allow fetching remote documents whose URL starts with this prefix (repeatable). Off by default.",
            valueName: "prefix"))
    var allowRemote: [String] = []

    /// The JSON-LD options these arguments describe.
    func makeOptions() throws -> JSONLDOptions {
        var options = JSONLDOptions()
        options.base = base
        guard let mode = ProcessingMode(rawValue: processingMode) else {
            throw CommandFailure.exit("--processing-mode must be json-ld-1.0 or json-ld-1.1, not \(processingMode)")
        }
        options.processingMode = mode
        let files = try DocumentMap.parse(documents)
        var fetch: (@Sendable (String) throws -> RemoteDocument)? = nil
        if !allowRemote.isEmpty {
            let remote = RemoteFetch(allowList: allowRemote)
            fetch = { @Sendable url in try remote.fetch(url) }
        }
        options.documentLoader = LocalDocumentLoader(files: files, remoteAllowList: allowRemote, fetch: fetch)
        if let expandContext {
            options.expandContext = try readJSON(expandContext)
        }
        return options
    }

    /// Reads and parses a JSON file (or standard input for `-`).
    func readJSON(_ path: String) throws -> JSONValue {
        let bytes: [UInt8]
        do {
            bytes = try InputSource.read(path)
        } catch {
            throw CommandFailure.exit("\(error)")
        }
        do {
            return try JSONParser().parse(bytes)
        } catch {
            throw CommandFailure.exit("\(path == "-" ? "<stdin>" : path): \(error)")
        }
    }
}

/// Runs a JSON-LD operation, reporting a JSON-LD error as `error: <code>: <detail>`.
func runJSONLD<T>(_ body: () throws(JSONLDError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw CommandFailure.exit(error.description)
    }
}

/// Prints a JSON value, indented.
func printJSON(_ value: JSONValue) throws {
    do {
        let text = try JSONSerializer(options: .init(pretty: true)).serialize(value)
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    } catch {
        throw CommandFailure.exit("\(error)")
    }
}
