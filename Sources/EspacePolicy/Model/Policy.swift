/// An ODRL 2.2 policy (Information Model §2.1): its kind, parties, rules and the processing
/// instructions (profiles, inheritance, conflict strategy).
public struct Policy: Sendable, Equatable {
    /// The policy subclasses (IM §2.1; `Request`, `Ticket`, `Assertion` and `Privacy` are the
    /// vocabulary's non-normative ones).
    public enum Kind: String, Sendable, CaseIterable {
        case set = "Set"
        case offer = "Offer"
        case agreement = "Agreement"
        case request = "Request"
        case ticket = "Ticket"
        case assertion = "Assertion"
        case privacy = "Privacy"
    }

    /// How conflicting permissions and prohibitions are resolved (IM §2.10).
    public enum ConflictStrategy: String, Sendable {
        /// Permissions override prohibitions.
        case perm
        /// Prohibitions override permissions.
        case prohibit
        /// The policy is void if any conflict is found (the default).
        case invalid
    }

    /// The policy's identifier (`uid`, an IRI), or a blank-node label.
    public var uid: String
    public var kind: Kind
    public var profiles: [String]
    public var inheritFrom: [String]
    /// The stated strategy; nil means the default, `invalid`.
    public var conflict: ConflictStrategy?
    public var permissions: [Rule]
    public var prohibitions: [Rule]
    /// Policy-level duties (`obligation`).
    public var obligations: [Rule]

    public init(
        uid: String, kind: Kind = .set, profiles: [String] = [], inheritFrom: [String] = [], conflict: ConflictStrategy? = nil,
        permissions: [Rule] = [], prohibitions: [Rule] = [], obligations: [Rule] = []
    ) {
        self.uid = uid
        self.kind = kind
        self.profiles = profiles
        self.inheritFrom = inheritFrom
        self.conflict = conflict
        self.permissions = permissions
        self.prohibitions = prohibitions
        self.obligations = obligations
    }

    /// Every rule of the policy, permissions first.
    public var rules: [Rule] { permissions + prohibitions + obligations }
}

/// A permission, prohibition or duty (IM §2.5–2.7), in atomic form after normalisation.
public struct Rule: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case permission, prohibition, duty
    }

    public var kind: Kind
    public var uid: String?
    /// The action; nil only when read leniently from a rule that names none (the SolidLab
    /// suite's "everybody can do everything"), which then matches any action.
    public var action: Action?
    public var target: Asset?
    public var assigner: Party?
    public var assignee: Party?
    /// Constraints on the rule (a conjunction).
    public var constraints: [Constraint]
    /// Pre-conditions of a permission (`duty`).
    public var duties: [Rule]
    /// What fulfils an infringed prohibition (`remedy`).
    public var remedies: [Rule]
    /// What is due when a duty is not fulfilled (`consequence`).
    public var consequences: [Rule]

    public init(
        _ kind: Kind, uid: String? = nil, action: Action?, target: Asset? = nil, assigner: Party? = nil, assignee: Party? = nil,
        constraints: [Constraint] = [], duties: [Rule] = [], remedies: [Rule] = [], consequences: [Rule] = []
    ) {
        self.kind = kind
        self.uid = uid
        self.action = action
        self.target = target
        self.assigner = assigner
        self.assignee = assignee
        self.constraints = constraints
        self.duties = duties
        self.remedies = remedies
        self.consequences = consequences
    }
}

/// An action, with the refinements that narrow it (IM §2.3).
public struct Action: Sendable, Equatable {
    /// The action's IRI (`http://www.w3.org/ns/odrl/2/use`, or a profile's).
    public var iri: String
    public var refinements: [Constraint]

    public init(_ iri: String, refinements: [Constraint] = []) {
        self.iri = iri
        self.refinements = refinements
    }
}

/// An asset or an asset collection (IM §2.2).
public struct Asset: Sendable, Equatable {
    /// The asset's IRI (`uid`), or the collection's `source`.
    public var iri: String
    /// Whether it is an `AssetCollection` (the rule applies to its members).
    public var isCollection: Bool
    /// Refinements applying to each member of a collection.
    public var refinements: [Constraint]

    public init(_ iri: String, isCollection: Bool = false, refinements: [Constraint] = []) {
        self.iri = iri
        self.isCollection = isCollection
        self.refinements = refinements
    }
}

/// A party or a party collection (IM §2.4).
public struct Party: Sendable, Equatable {
    public var iri: String
    public var isCollection: Bool
    public var refinements: [Constraint]

    public init(_ iri: String, isCollection: Bool = false, refinements: [Constraint] = []) {
        self.iri = iri
        self.isCollection = isCollection
        self.refinements = refinements
    }
}
