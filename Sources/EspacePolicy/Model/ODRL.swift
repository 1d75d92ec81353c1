/// The ODRL 2.2 vocabulary namespace and the IRIs the engine reads.
public enum ODRL {
    public static let ns = "http://www.w3.org/ns/odrl/2/"

    /// The full IRI of an ODRL term (`ODRL.iri("use")`).
    public static func iri(_ term: String) -> String { ns + term }

    /// The local name of an IRI in the ODRL namespace, nil for other IRIs.
    public static func term(_ iri: String) -> String? {
        iri.hasPrefix(ns) ? String(iri.dropFirst(ns.count)) : nil
    }
}

/// A value a constraint compares: an IRI, or a literal with its datatype (or language).
public enum PolicyValue: Sendable, Hashable, CustomStringConvertible {
    case iri(String)
    case literal(String, datatype: String, language: String? = nil)

    public var description: String {
        switch self {
        case .iri(let iri): return "<\(iri)>"
        case .literal(let text, let datatype, let language):
            if let language { return "\"\(text)\"@\(language)" }
            return datatype.hasSuffix("#string") ? "\"\(text)\"" : "\"\(text)\"^^<\(datatype)>"
        }
    }
}
