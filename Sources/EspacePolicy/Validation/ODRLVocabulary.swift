/// The ODRL 2.2 vocabulary's actions, left operands and operators (from the W3C ontology
/// `ODRL22.ttl`, in `ODRLVocabulary+Terms.swift`), and a registry of the extra IRIs a data
/// space or profile adds.
public enum ODRLVocabulary {
    /// Whether `iri` is an action of the ODRL 2.2 vocabulary.
    public static func isAction(_ iri: String) -> Bool {
        ODRL.term(iri).map(actions.contains) ?? otherActionIRIs.contains(iri)
    }

    /// Whether `iri` is a left operand of the ODRL 2.2 vocabulary.
    public static func isLeftOperand(_ iri: String) -> Bool {
        ODRL.term(iri).map(leftOperands.contains) ?? false
    }

    /// Whether `iri` is one of the twelve ODRL operators.
    public static func isOperator(_ iri: String) -> Bool {
        ODRL.term(iri).map(operators.contains) ?? false
    }

    /// The chain of broader actions of an ODRL action (`read` → `use`), through `includedIn`.
    public static func broaderActions(_ term: String) -> [String] {
        var out: [String] = []
        var current = term
        while let parent = includedIn[current], !out.contains(parent), out.count < 16 {
            out.append(parent)
            current = parent
        }
        return out
    }
}

/// IRIs a data space or profile defines beyond ODRL 2.2, which validation accepts as known.
public struct VocabularyRegistry: Sendable, Equatable {
    public var actions: Set<String>
    public var leftOperands: Set<String>
    public var operators: Set<String>
    /// The left operands enforcement points give values to (`espace policy enforce`): when
    /// set, validation also warns about ODRL left operands outside it, which fail closed there.
    public var enforcement: LeftOperandRegistry?

    public init(
        actions: Set<String> = [], leftOperands: Set<String> = [], operators: Set<String> = [],
        enforcement: LeftOperandRegistry? = nil
    ) {
        self.actions = actions
        self.leftOperands = leftOperands
        self.operators = operators
        self.enforcement = enforcement
    }

    /// ODRL 2.2 plus the left operands of an enforcement registry (Espace's standard one and
    /// a data space's own).
    public static func enforcing(_ registry: LeftOperandRegistry) -> VocabularyRegistry {
        VocabularyRegistry(leftOperands: Set(registry.definitions.keys), enforcement: registry)
    }

    /// Only the ODRL 2.2 vocabulary.
    public static let odrl = VocabularyRegistry()

    public func knowsAction(_ iri: String) -> Bool { ODRLVocabulary.isAction(iri) || actions.contains(iri) }
    public func knowsLeftOperand(_ iri: String) -> Bool {
        ODRLVocabulary.isLeftOperand(iri) || leftOperands.contains(iri)
    }
    public func knowsOperator(_ iri: String) -> Bool { ODRLVocabulary.isOperator(iri) || operators.contains(iri) }
}
