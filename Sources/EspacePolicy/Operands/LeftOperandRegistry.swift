import EspaceJSON

/// The left operands an enforcement point understands: ODRL's common ones that have a
/// run-time meaning, Espace's data space ones read from verified credentials, and whatever
/// a data space declares in its own registry file. A left operand that is in none of them
/// makes its constraint fail closed.
public struct LeftOperandRegistry: Sendable, Equatable {
    /// Espace's namespace for data space left operands.
    public static let espace = "https://w3id.org/espace/policy#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"

    public private(set) var definitions: [String: LeftOperandDefinition]

    public init(_ definitions: [LeftOperandDefinition] = []) {
        self.definitions = Dictionary(definitions.map { ($0.iri, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The definition of `iri`, if registered.
    public func definition(_ iri: String) -> LeftOperandDefinition? { definitions[iri] }

    /// This registry with `other`'s definitions added (replacing those with the same IRI).
    public func merging(_ other: LeftOperandRegistry) -> LeftOperandRegistry {
        var merged = self
        merged.definitions.merge(other.definitions) { _, new in new }
        return merged
    }

    /// ODRL's common left operands with a run-time meaning, and Espace's data space ones.
    public static let standard: LeftOperandRegistry = {
        let stated: Set<PolicyScope> = [.negotiation, .transfer, .usage, .monitor]
        let used: Set<PolicyScope> = [.usage, .monitor]
        var list: [LeftOperandDefinition] = [
            .init(iri: ODRL.iri("dateTime"), source: .currentTime, comment: "the date and time of the decision"),
            .init(iri: ODRL.iri("count"), source: .usageCount, scopes: used, comment: "the uses of the action so far"),
            .init(iri: ODRL.iri("elapsedTime"), source: .elapsedTime, scopes: used, comment: "the time since the first use"),
            .init(iri: ODRL.iri("meteredTime"), source: .meteredTime, scopes: used, comment: "the total duration of the uses"),
            .init(
                iri: ODRL.iri("timeInterval"), source: .timeInterval, scopes: used,
                comment: "the time since the last use (or the agreement)"),
            .init(
                iri: ODRL.iri("delayPeriod"), source: .delayPeriod, scopes: used, comment: "the time since the agreement"),
            .init(
                iri: espace + "participant", source: .participant, datatype: "@id",
                comment: "the verified participant's DID"),
            .init(
                iri: espace + "memberOf", source: .claim(credentialTypes: ["MembershipCredential"], paths: [["memberOf"]]),
                datatype: "@id", comment: "the data spaces a MembershipCredential makes the participant a member of"),
            .init(
                iri: espace + "gaiaxLabelLevel",
                source: .claim(
                    credentialTypes: ["gx:LabelCredential", "LabelCredential"], paths: [["gx:labelLevel"], ["labelLevel"]]),
                comment: "the Gaia-X compliance label level (SC, L1, L2, L3) of the participant's label credential"),
            .init(
                iri: espace + "countryOfRegistration",
                source: .claim(
                    credentialTypes: ["gx:LegalPerson", "LegalPerson"],
                    paths: [["gx:legalAddress", "gx:countryCode"], ["legalAddress", "countryCode"]]),
                comment: "the country of the participant's legal address (Gaia-X LegalPerson credential)"),
        ]
        // Stated by the requester: purpose, recipient and the other context categories.
        for term in [
            "purpose", "recipient", "industry", "event", "version", "payAmount", "percentage", "spatial", "media",
            "product", "deliveryChannel", "virtualLocation", "systemDevice", "language", "fileFormat", "resolution",
            "relativeSize", "absoluteSize", "spatialCoordinates", "unitOfCount",
        ] {
            list.append(.init(iri: ODRL.iri(term), source: .request, scopes: stated, comment: "stated in the request"))
        }
        return LeftOperandRegistry(list)
    }()
}
