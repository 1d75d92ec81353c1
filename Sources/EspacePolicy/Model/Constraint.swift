/// A constraint or a logical constraint (IM §2.5).
public indirect enum Constraint: Sendable, Equatable {
    case atomic(AtomicConstraint)
    case logical(LogicalConstraint)
}

/// `leftOperand operator rightOperand`, with optional datatype, unit and status.
public struct AtomicConstraint: Sendable, Equatable {
    public var uid: String?
    /// The left operand's IRI (`http://www.w3.org/ns/odrl/2/dateTime`, or a data space's).
    public var leftOperand: String
    public var `operator`: Operator
    /// The right operand's values (a set for the set operators).
    public var rightOperand: [PolicyValue]
    /// IRIs to dereference for the right operand instead (`rightOperandReference`).
    public var rightOperandReference: [String]
    public var dataType: String?
    public var unit: String?
    /// The value the left operand had when the policy was written (`status`).
    public var status: PolicyValue?

    public init(
        uid: String? = nil, leftOperand: String, operator: Operator, rightOperand: [PolicyValue],
        rightOperandReference: [String] = [], dataType: String? = nil, unit: String? = nil, status: PolicyValue? = nil
    ) {
        self.uid = uid
        self.leftOperand = leftOperand
        self.operator = `operator`
        self.rightOperand = rightOperand
        self.rightOperandReference = rightOperandReference
        self.dataType = dataType
        self.unit = unit
        self.status = status
    }
}

/// The twelve ODRL operators (IM §2.5.1), and any other IRI kept as written so the rule
/// using it can fail closed.
public enum Operator: Sendable, Hashable, CustomStringConvertible {
    case eq, neq, lt, lteq, gt, gteq
    case isA, hasPart, isPartOf, isAllOf, isAnyOf, isNoneOf
    case unknown(String)

    static let known: [String: Operator] = [
        "eq": .eq, "neq": .neq, "lt": .lt, "lteq": .lteq, "gt": .gt, "gteq": .gteq, "isA": .isA, "hasPart": .hasPart,
        "isPartOf": .isPartOf, "isAllOf": .isAllOf, "isAnyOf": .isAnyOf, "isNoneOf": .isNoneOf,
    ]

    /// The operator an IRI names.
    public init(iri: String) {
        if let term = ODRL.term(iri), let known = Self.known[term] {
            self = known
        } else {
            self = .unknown(iri)
        }
    }

    /// The ODRL term (`eq`), or the IRI of an unknown operator.
    public var description: String {
        switch self {
        case .unknown(let iri): return iri
        default: return Self.known.first { $0.value == self }?.key ?? "?"
        }
    }

    /// The operator's IRI.
    public var iri: String {
        if case .unknown(let iri) = self { return iri }
        return ODRL.iri(description)
    }
}

/// `and`, `or`, `xone` or `andSequence` over constraints.
public struct LogicalConstraint: Sendable, Equatable {
    public enum Operand: String, Sendable, CaseIterable {
        case and, or, xone, andSequence
    }

    public var uid: String?
    public var operand: Operand
    public var constraints: [Constraint]

    public init(uid: String? = nil, _ operand: Operand, _ constraints: [Constraint]) {
        self.uid = uid
        self.operand = operand
        self.constraints = constraints
    }
}
