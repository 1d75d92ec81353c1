import EspaceIdentity
import EspaceJSON
import EspaceJSONLD

/// The JSON-LD side of credential validation: the document must expand with locally
/// available contexts (no protected term redefined, no invalid term definition), and every
/// type must expand to an absolute URL (a type the contexts leave undefined would stay a
/// relative string). Optionally, every term must be defined: the document is expanded once
/// more with a sentinel `@vocab` appended to its contexts, and any IRI that lands in the
/// sentinel namespace is a term no context defines.
enum JSONLDCheck {
    static let sentinel = "urn:espace:undefined-term:"

    static func check(_ json: JSONObject, at path: String, loader: (any DocumentLoader)?, undefinedTerms: Bool = false) throws(IdentityError) {
        try expandAndWalk(json, at: path, loader: loader)
        if undefinedTerms {
            var probe = json
            probe["@context"] = .array((json["@context"]?.asArray ?? []) + [["@vocab": .string(sentinel)]])
            try expandAndWalk(probe, at: path, loader: loader, reportUndefined: true)
        }
    }

    private static func expandAndWalk(
        _ json: JSONObject, at path: String, loader: (any DocumentLoader)?, reportUndefined: Bool = false
    ) throws(IdentityError) {
        var options = JSONLDOptions()
        options.documentLoader = loader ?? LocalDocumentLoader()
        let expanded: [JSONValue]
        do throws(JSONLDError) {
            expanded = try JSONLD.expand(.object(json), options: options)
        } catch {
            switch error.code {
            case .loadingDocumentFailed, .loadingRemoteContextFailed:
                throw IdentityError("\(path): a context cannot be loaded offline: \(error)", reason: .resolutionFailed)
            case .protectedTermRedefinition:
                throw IdentityError("\(path): the @context redefines a protected term: \(error)")
            default:
                throw IdentityError("\(path): JSON-LD expansion fails: \(error)")
            }
        }
        var budget = 1_000_000
        for node in expanded { try walk(node, at: path, undefined: reportUndefined, budget: &budget) }
    }

    private static func walk(_ value: JSONValue, at path: String, undefined: Bool, budget: inout Int) throws(IdentityError) {
        budget -= 1
        guard budget > 0 else { throw IdentityError("\(path): the expanded document is too large", reason: .limitExceeded) }
        switch value {
        case .array(let items):
            for item in items { try walk(item, at: path, undefined: undefined, budget: &budget) }
        case .object(let object):
            if object["@value"] != nil { return }
            if let types = object["@type"] {
                for type in types.asArray {
                    guard case .string(let iri) = type, URLSyntax.isURL(iri) || iri.hasPrefix("_:") else {
                        throw IdentityError("\(path): type \(type.jsonText) does not expand to a URL (the contexts do not define it)")
                    }
                    if undefined, iri.hasPrefix(sentinel) {
                        throw IdentityError("\(path): type \"\(iri.dropFirst(sentinel.count))\" is not defined by the contexts")
                    }
                }
            }
            for (key, member) in object where key != "@type" && key != "@context" {
                if undefined, key.hasPrefix(sentinel) {
                    throw IdentityError("\(path): term \"\(key.dropFirst(sentinel.count))\" is not defined by the contexts")
                }
                try walk(member, at: path, undefined: undefined, budget: &budget)
            }
        default:
            return
        }
    }
}
