import EspaceJSON
import EspaceRDF

extension JSONLD {
    /// Converts a JSON-LD document to an RDF dataset (JSON-LD 1.1 API §9.? `toRdf()`):
    /// expands it, generates its node map and serializes the nodes as quads.
    public static func toRDF(
        _ input: JSONValue, documentURL: String? = nil, contextURL: String? = nil, options: JSONLDOptions
    ) throws(JSONLDError) -> Dataset {
        let expanded = try expand(input, documentURL: documentURL, contextURL: contextURL, options: options)
        return try toRDF(expanded: expanded, options: options)
    }

    /// Converts an already expanded document to an RDF dataset.
    public static func toRDF(expanded: [JSONValue], options: JSONLDOptions) throws(JSONLDError) -> Dataset {
        var generator = BlankNodeIdentifierGenerator()
        let nodeMap = try NodeMap.generate(from: .array(expanded), generator: &generator, options: options)
        var serialization = RDFSerialization(options: options, generator: generator)
        try serialization.serialize(nodeMap)
        return serialization.dataset
    }
}
