import EspaceRDF
import EspaceSHACL
import Testing

/// Helpers: parse Turtle with the usual prefixes and validate.
enum TestGraphs {
    static let prefixes = """
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix ex: <http://example.org/> .

        """

    static let ex = "http://example.org/"

    static func parse(_ turtle: String) throws -> Dataset {
        try TurtleParser().parse(prefixes + turtle)
    }

    /// Validates `data` against `shapes` (both Turtle without prefixes).
    static func validate(shapes: String, data: String) throws -> SHACLValidationReport {
        try SHACLValidator(shapes: try SHACLShapes(parse(shapes))).validate(parse(data))
    }

    /// The local names of the constraint components of the results, sorted.
    static func components(_ report: SHACLValidationReport) -> [String] {
        report.results.map { String($0.sourceConstraintComponent.dropFirst(SHACL.ns.count)) }.sorted()
    }
}
