import EspaceRDF

/// One SHACL validation result (SHACL §3.6.2).
public struct SHACLValidationResult: Sendable, Hashable {
    /// The focus node that was validated.
    public var focusNode: Term
    /// The path of the property shape (or, for `sh:closed`, the unexpected predicate).
    public var resultPath: SHACLPath?
    /// `sh:Violation`, `sh:Warning`, `sh:Info` (or the shape's own severity IRI).
    public var severity: Term
    /// The constraint component IRI, e.g. `sh:MinCountConstraintComponent`.
    public var sourceConstraintComponent: String
    /// The shape whose constraint produced the result.
    public var sourceShape: Term
    /// The value node concerned, when the component names one.
    public var value: Term?
    /// The shape's `sh:message` values, or a generated explanation when it has none.
    public var messages: [Term]

    public init(
        focusNode: Term, resultPath: SHACLPath?, severity: Term, sourceConstraintComponent: String,
        sourceShape: Term, value: Term?, messages: [Term]
    ) {
        self.focusNode = focusNode
        self.resultPath = resultPath
        self.severity = severity
        self.sourceConstraintComponent = sourceConstraintComponent
        self.sourceShape = sourceShape
        self.value = value
        self.messages = messages
    }

    /// The first message as text (prefers an English or untagged message).
    public var message: String? {
        let literals = messages.compactMap(\.literalValue)
        let preferred = literals.first { $0.language == nil || $0.language?.lowercased().hasPrefix("en") == true }
        return (preferred ?? literals.first)?.lexicalForm
    }
}

/// A SHACL validation report: whether the data conforms, and every result.
public struct SHACLValidationReport: Sendable, Equatable {
    /// True when there is no result (of any severity).
    public var conforms: Bool
    public var results: [SHACLValidationResult]

    public init(conforms: Bool, results: [SHACLValidationResult]) {
        self.conforms = conforms
        self.results = results
    }
}
