import EspaceJSON

/// The criteria of a label level, and how a presentation declares them.
///
/// A participant applying for a label presents, with its service offering, a criteria
/// declaration: a credential of type `gx:ServiceOfferingLabelLevel1` (…2, …3), issued by the
/// participant, `gx:assignedTo` the offering, whose `gx:criteria` answers each criterion with a
/// `gx:response` of `Confirm`, `Deny` or `Not applicable` (and optionally `gx:reason` and
/// `gx:evidence`), as the Gaia-X label wizard writes it (`shared/gaiax/tagus/service-offering-label-level-1.json`).
///
/// What is verified and what is declared: the engine verifies the standard-compliance
/// criteria from the credentials (signatures, chains, notary, terms, shapes, consistency); the
/// label criteria are self-assessed by the participant and accepted as declared, which the
/// label credential states in its `evidence`. A criterion that must be confirmed and is not
/// (denied, missing, or "Not applicable" where that is not allowed) refuses the label.
public struct LabelCriteria: Sendable, Equatable {
    /// One criterion of a level.
    public struct Criterion: Sendable, Equatable {
        /// `P1.1.1`.
        public var id: String
        /// Whether "Not applicable" is an acceptable answer.
        public var optional: Bool

        public init(_ id: String, optional: Bool = false) {
            self.id = id
            self.optional = optional
        }
    }

    /// The criteria per level (`label-level-1` → its criteria); a level without criteria is
    /// not offered.
    public var levels: [ComplianceService.Level: [Criterion]]

    public init(levels: [ComplianceService.Level: [Criterion]]) {
        self.levels = levels
    }

    /// Label level 1 as the Gaia-X 22.10 label wizard declares it: P1.1.1 to P4.1.2 and P5.2.1
    /// must be confirmed; P5.1.1 to P5.1.7 may be "Not applicable" (`shared/gaiax/NOTES.md` §2.1, §4.1).
    /// Levels 2 and 3 add criteria this clearing house has no catalogue for: they are not offered.
    public static let gaiaX2210: LabelCriteria = {
        var level1: [Criterion] = []
        let groups: [(String, Int)] = [
            ("P1.1", 4), ("P1.2", 10), ("P1.3", 5), ("P2.1", 3), ("P2.2", 7), ("P2.3", 3), ("P3.1", 20), ("P4.1", 2),
        ]
        for (prefix, count) in groups {
            for index in 1...count { level1.append(Criterion("\(prefix).\(index)")) }
        }
        for index in 1...7 { level1.append(Criterion("P5.1.\(index)", optional: true)) }
        level1.append(Criterion("P5.2.1"))
        return LabelCriteria(levels: [.labelLevel1: level1])
    }()

    /// This catalogue with the levels of `json` added or replaced:
    /// `{"label-level-2": [{"id": "P1.1.1"}, {"id": "P5.1.1", "optional": true}], …}`.
    public func merging(json: JSONValue) throws(RegistryError) -> LabelCriteria {
        guard let object = json.objectValue else { throw RegistryError(.badRequest, "labelCriteria must be an object of levels") }
        var merged = self
        for (name, value) in object {
            guard let level = ComplianceService.Level(rawValue: name), level != .standardCompliance else {
                throw RegistryError(.badRequest, "labelCriteria.\(name) is not a label level (label-level-1, -2 or -3)")
            }
            guard let items = value.arrayValue, !items.isEmpty, items.count <= 1_000 else {
                throw RegistryError(.badRequest, "labelCriteria.\(name) must be a list of 1 to 1000 criteria")
            }
            var criteria: [Criterion] = []
            for (index, item) in items.enumerated() {
                guard let id = item["id"]?.stringValue, !id.isEmpty, id.count <= 64 else {
                    throw RegistryError(.badRequest, "labelCriteria.\(name)[\(index)] needs an \"id\"")
                }
                criteria.append(Criterion(id, optional: item["optional"]?.boolValue ?? false))
            }
            merged.levels[level] = criteria
        }
        return merged
    }

    /// The answers a declaration gives: criterion id → response (`Confirm`, …).
    static func answers(_ subject: JSONObject) -> [String: String] {
        guard let criteria = GaiaX.property(subject, "criteria")?.objectValue else { return [:] }
        var answers: [String: String] = [:]
        for (key, value) in criteria where key != "type" && key != "@type" {
            let id = key.hasPrefix("gx:") ? String(key.dropFirst(3)) : key.hasPrefix(GaiaX.namespace) ? String(key.dropFirst(GaiaX.namespace.count)) : key
            answers[id] = value.objectValue.flatMap { GaiaX.property($0, "response")?.stringValue } ?? ""
        }
        return answers
    }
}
