import EspaceRDF

/// Validates data graphs against compiled shapes (W3C SHACL Core).
///
/// ```swift
/// let shapes = try SHACLShapes(shapesDataset)
/// let report = try SHACLValidator(shapes: shapes).validate(dataDataset)
/// ```
/// One validator can be reused for any number of data graphs, from any number of tasks.
public struct SHACLValidator: Sendable {
    public let shapes: SHACLShapes
    /// How deeply conformance checks (`sh:node`, `sh:not`, `sh:and`, …) may nest.
    public var maxDepth: Int

    public init(shapes: SHACLShapes, maxDepth: Int = 64) {
        self.shapes = shapes
        self.maxDepth = maxDepth
    }

    /// Validates `data` (the union of its graphs). Throws when the shapes nest more deeply
    /// than `maxDepth` on this data, as a report could then be wrong.
    public func validate(_ data: Dataset) throws(SHACLValidationError) -> SHACLValidationReport {
        let run = ValidationRun(shapes: shapes.shapes, graph: DataGraph(data), maxDepth: maxDepth)
        let raw = run.run(targeted: shapes.targeted)
        if run.depthExceeded {
            throw SHACLValidationError(message: "shape references nest more than \(maxDepth) deep on this data graph")
        }
        let results = raw.map { r in
            let shape = shapes.shapes[r.shape]
            return SHACLValidationResult(
                focusNode: run.graph.term(r.focus), resultPath: r.path, severity: shape.severity,
                sourceConstraintComponent: r.component, sourceShape: shape.term,
                value: r.value.map { run.graph.term($0) },
                messages: shape.messages.isEmpty ? [.literal(Literal(r.detail))] : shape.messages)
        }
        return SHACLValidationReport(conforms: results.isEmpty, results: results)
    }
}
