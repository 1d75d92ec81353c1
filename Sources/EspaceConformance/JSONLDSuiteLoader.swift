import EspaceJSON
import EspaceJSONLD
import Foundation

/// The JSON-LD test suite's document loader: serves
/// `https://w3c.github.io/json-ld-api/tests/` from the local copy of the suite, emulates
/// the HTTP behaviour the remote-doc tests describe (content type, Link headers,
/// redirects), and fails every other URL with `loading document failed`.
struct JSONLDSuiteLoader: DocumentLoader {
    static let baseIRI = "https://w3c.github.io/json-ld-api/tests/"
    /// The suite's `tests/` folder.
    let directory: String
    /// HTTP emulation for one URL (the test's input).
    var emulated: [String: HTTPEmulation] = [:]
    /// Whether HTML documents yield all their JSON-LD scripts (the test's option).
    var extractAllScripts = false

    struct HTTPEmulation {
        var contentType: String?
        var links: [String] = []
        var redirectTo: String?
    }

    /// The loaded document with the HTTP facts the API's document loading needs.
    struct Loaded {
        var url: String
        var text: String
        var contentType: String
        var links: [String]
    }

    func fetch(_ url: String) throws(JSONLDError) -> Loaded {
        let original = url
        var url = url
        var hops = 0
        while let target = emulated[url]?.redirectTo {
            hops += 1
            guard hops < 5 else { throw JSONLDError(.loadingDocumentFailed, "too many redirects at \(url)") }
            url = IRIReference.resolve(target, against: url)
        }
        guard url.hasPrefix(Self.baseIRI) else {
            throw JSONLDError(.loadingDocumentFailed, "\(url) is outside the test suite")
        }
        var relative = String(url.dropFirst(Self.baseIRI.count))
        if let hash = relative.firstIndex(of: "#") { relative = String(relative[..<hash]) }
        let path = directory + "/" + relative
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JSONLDError(.loadingDocumentFailed, "\(url) does not exist in the suite")
        }
        let emulation = emulated[url] ?? emulated[original]
        let contentType = emulation?.contentType ?? Self.contentType(forPath: relative)
        return Loaded(url: url, text: String(decoding: data, as: UTF8.self), contentType: contentType, links: emulation?.links ?? [])
    }

    static func contentType(forPath path: String) -> String {
        if path.hasSuffix(".jsonld") { return "application/ld+json" }
        if path.hasSuffix(".json") { return "application/json" }
        if path.hasSuffix(".html") { return "text/html" }
        return "application/octet-stream"
    }

    func loadDocument(_ url: String) throws(JSONLDError) -> RemoteDocument {
        let loaded = try fetch(url)
        return try JSONLDDocumentLoading.interpret(loaded, loader: self)
    }
}

/// JSON-LD 1.1 API §9.4.1 LoadDocumentCallback behaviour over an HTTP-like response:
/// JSON media types, context Link headers and alternate links.
enum JSONLDDocumentLoading {
    static let contextRel = "http://www.w3.org/ns/json-ld#context"

    static func isJSON(_ contentType: String) -> Bool {
        let base = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return base == "application/json" || base == "application/ld+json" || base.hasSuffix("+json")
    }

    static func interpret(_ loaded: JSONLDSuiteLoader.Loaded, loader: JSONLDSuiteLoader) throws(JSONLDError) -> RemoteDocument {
        let base = loaded.contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        let links = loaded.links.map(parseLink)
        if !isJSON(base) {
            if let alternate = links.first(where: { $0.params["rel"] == "alternate" && $0.params["type"] == "application/ld+json" }) {
                let target = IRIReference.resolve(alternate.target, against: loaded.url)
                return try loader.loadDocument(target)
            }
            if base == "text/html" || base == "application/xhtml+xml" {
                let fragment = loaded.url.firstIndex(of: "#").map { String(loaded.url[loaded.url.index(after: $0)...]) }
                let extracted = try HTMLScriptExtraction.extract(
                    html: loaded.text, fragment: fragment, extractAllScripts: loader.extractAllScripts)
                var document = RemoteDocument(documentURL: loaded.url, document: extracted.document, contentType: base)
                document.htmlBase = extracted.base
                return document
            }
            throw JSONLDError(.loadingDocumentFailed, "\(loaded.url) has media type \(base), not JSON")
        }
        let value: JSONValue
        do {
            value = try JSONParser().parse(loaded.text)
        } catch {
            throw JSONLDError(.loadingDocumentFailed, "\(loaded.url): \(error)")
        }
        var contextURL: String?
        if base != "application/ld+json" {
            let contexts = links.filter { $0.params["rel"] == contextRel }
            if contexts.count > 1 {
                throw JSONLDError(.multipleContextLinkHeaders, "\(loaded.url) has \(contexts.count) context Link headers")
            }
            if let link = contexts.first { contextURL = IRIReference.resolve(link.target, against: loaded.url) }
        }
        return RemoteDocument(documentURL: loaded.url, document: value, contextURL: contextURL, contentType: base)
    }

    struct Link {
        var target: String
        var params: [String: String]
    }

    static func parseLink(_ header: String) -> Link {
        var parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        var target = parts.isEmpty ? "" : parts.removeFirst()
        if target.hasPrefix("<") && target.hasSuffix(">") { target = String(target.dropFirst().dropLast()) }
        var params: [String: String] = [:]
        for part in parts {
            let kv = part.split(separator: "=", maxSplits: 1).map { String($0) }
            guard kv.count == 2 else { continue }
            var value = kv[1]
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            params[kv[0].lowercased()] = value
        }
        return Link(target: target, params: params)
    }
}
