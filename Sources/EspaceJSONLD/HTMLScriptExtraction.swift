import EspaceJSON
import Foundation

/// Extracts JSON-LD from HTML (JSON-LD 1.1 API §9.4.2 "Process HTML" in the
/// LoadDocumentCallback): the `<script type="application/ld+json">` elements and the
/// document's `<base href>`.
///
/// The scanner understands what it needs of HTML: comments, tags with quoted or bare
/// attributes, and script elements whose content is raw text up to `</script`.
public enum HTMLScriptExtraction {
    /// The JSON-LD found in an HTML document.
    public struct Extracted: Sendable {
        /// The document: one script's JSON, or (extracting all scripts) an array of them.
        public var document: JSONValue
        /// The `href` of the first `<base>` element, unresolved.
        public var base: String?
    }

    /// Extracts JSON-LD from `html`.
    /// - Parameters:
    ///   - fragment: the URL's fragment: select the script element with this `id`.
    ///   - extractAllScripts: return every JSON-LD script (as one array) instead of the first.
    /// - Throws: `loading document failed` when there is no suitable script, and
    ///   `invalid script element` when a script's content is not JSON.
    public static func extract(html: String, fragment: String?, extractAllScripts: Bool) throws(JSONLDError) -> Extracted {
        let elements = scan(html)
        let base = elements.first(where: { $0.name == "base" && $0.attributes["href"] != nil })?.attributes["href"]
        let scripts = elements.filter { $0.name == "script" }
        if let fragment {
            guard let script = scripts.first(where: { $0.attributes["id"] == fragment }) else {
                throw JSONLDError(.loadingDocumentFailed, "no script element with id \"\(fragment)\"")
            }
            guard isJSONLD(script) else {
                throw JSONLDError(.loadingDocumentFailed, "script element \"\(fragment)\" is not application/ld+json")
            }
            return Extracted(document: try parse(script.content), base: base)
        }
        let candidates = scripts.filter(isJSONLD)
        if extractAllScripts {
            var all: [JSONValue] = []
            for script in candidates {
                let value = try parse(script.content)
                if case .array(let items) = value { all.append(contentsOf: items) } else { all.append(value) }
            }
            return Extracted(document: .array(all), base: base)
        }
        guard let first = candidates.first else {
            throw JSONLDError(.loadingDocumentFailed, "the HTML document has no application/ld+json script element")
        }
        return Extracted(document: try parse(first.content), base: base)
    }

    static func isJSONLD(_ element: Element) -> Bool {
        guard let type = element.attributes["type"] else { return false }
        let mediaType = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return mediaType == "application/ld+json"
    }

    static func parse(_ content: String) throws(JSONLDError) -> JSONValue {
        do {
            return try JSONParser().parse(content)
        } catch {
            throw JSONLDError(.invalidScriptElement, "script content is not JSON: \(error)")
        }
    }

    struct Element {
        var name: String
        var attributes: [String: String]
        var content: String
    }

    /// Finds the `script` and `base` elements of an HTML document.
    static func scan(_ html: String) -> [Element] {
        let bytes = Array(html.utf8)
        var elements: [Element] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if bytes[i...].starts(with: "<!--".utf8) {
                i = find("-->", in: bytes, from: i + 4).map { $0 + 3 } ?? bytes.count
                continue
            }
            var j = i + 1
            while j < bytes.count && isNameByte(bytes[j]) { j += 1 }
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self).lowercased()
            guard name == "script" || name == "base" else { i = j; continue }
            let (attributes, end) = attributesOfTag(bytes, from: j)
            i = end
            var content = ""
            if name == "script" {
                let close = findCaseInsensitive("</script", in: bytes, from: i) ?? bytes.count
                content = String(decoding: bytes[i..<close], as: UTF8.self)
                i = find(">", in: bytes, from: close).map { $0 + 1 } ?? bytes.count
            }
            elements.append(Element(name: name, attributes: attributes, content: content))
        }
        return elements
    }

    /// Parses attributes from `start` up to the tag's `>`; returns them and the index after `>`.
    static func attributesOfTag(_ bytes: [UInt8], from start: Int) -> ([String: String], Int) {
        var attributes: [String: String] = [:]
        var i = start
        func skipSpace() { while i < bytes.count && isSpace(bytes[i]) { i += 1 } }
        while i < bytes.count {
            skipSpace()
            guard i < bytes.count else { break }
            if bytes[i] == UInt8(ascii: ">") { return (attributes, i + 1) }
            if bytes[i] == UInt8(ascii: "/") { i += 1; continue }
            let nameStart = i
            while i < bytes.count && !isSpace(bytes[i]) && bytes[i] != UInt8(ascii: "=") && bytes[i] != UInt8(ascii: ">") {
                i += 1
            }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self).lowercased()
            skipSpace()
            var value = ""
            if i < bytes.count && bytes[i] == UInt8(ascii: "=") {
                i += 1
                skipSpace()
                if i < bytes.count && (bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'")) {
                    let quote = bytes[i]
                    let valueStart = i + 1
                    i = valueStart
                    while i < bytes.count && bytes[i] != quote { i += 1 }
                    value = String(decoding: bytes[valueStart..<min(i, bytes.count)], as: UTF8.self)
                    i += 1
                } else {
                    let valueStart = i
                    while i < bytes.count && !isSpace(bytes[i]) && bytes[i] != UInt8(ascii: ">") { i += 1 }
                    value = String(decoding: bytes[valueStart..<i], as: UTF8.self)
                }
            }
            if !name.isEmpty && attributes[name] == nil { attributes[name] = decodeEntities(value) }
        }
        return (attributes, bytes.count)
    }

    /// Decodes the few character references attribute values commonly carry.
    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-")
    }

    static func find(_ needle: String, in bytes: [UInt8], from start: Int) -> Int? {
        let n = Array(needle.utf8)
        guard n.count <= bytes.count else { return nil }
        var i = start
        while i + n.count <= bytes.count {
            if bytes[i] == n[0] && bytes[i..<(i + n.count)].elementsEqual(n) { return i }
            i += 1
        }
        return nil
    }

    static func findCaseInsensitive(_ needle: String, in bytes: [UInt8], from start: Int) -> Int? {
        let n = Array(needle.lowercased().utf8)
        var i = start
        while i + n.count <= bytes.count {
            var match = true
            for k in 0..<n.count {
                var b = bytes[i + k]
                if b >= 0x41 && b <= 0x5A { b += 0x20 }
                if b != n[k] { match = false; break }
            }
            if match { return i }
            i += 1
        }
        return nil
    }
}
