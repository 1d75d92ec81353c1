import EspaceJSON

extension ComplianceService {
    /// The criteria a label level requires: the declaration (by the participant, assigned to a
    /// service offering of the presentation) must confirm each. Returns the checks and the
    /// criteria accepted as declared.
    func criteriaChecks(_ payloads: [JSONObject], level: Level, participant: String) -> ([ComplianceCheck], [String]) {
        guard let criteria = labelCriteria.levels[level] else { return ([], []) }
        func types(_ payload: JSONObject) -> [String] { payload["type"]?.asArray.compactMap(\.stringValue) ?? [] }
        let levelType = "ServiceOfferingLabelLevel" + String(level.label.dropFirst())
        let declarations = payloads.enumerated().filter { entry in
            GaiaX.hasType(types(entry.element), levelType)
                || GaiaX.subjects(entry.element).contains { GaiaX.hasType($0["type"]?.asArray.compactMap(\.stringValue) ?? [], levelType) }
        }
        guard declarations.count == 1, let (index, declaration) = declarations.first else {
            return (
                [
                    ComplianceCheck(
                        .criteria, passed: false, path: "verifiableCredential",
                        "\(level.rawValue) needs exactly one gx:\(levelType) declaration, found \(declarations.count)")
                ], []
            )
        }
        var checks: [ComplianceCheck] = []
        let path = "verifiableCredential[\(index)]"
        let issuer = declaration["issuer"]?.stringValue ?? declaration["issuer"]?["id"]?.stringValue
        if issuer != participant {
            checks.append(ComplianceCheck(.criteria, passed: false, path: path + ".issuer", "the declaration is issued by \(issuer ?? "nobody"), not by the participant"))
        }
        let subject = GaiaX.subjects(declaration).first ?? [:]
        let offerings = Set(
            payloads.filter { GaiaX.hasType(types($0), "ServiceOffering") }.flatMap { GaiaX.subjects($0).compactMap { $0["id"]?.stringValue } })
        let assigned = GaiaX.ids(GaiaX.property(subject, "assignedTo"))
        if assigned.isEmpty || !assigned.allSatisfy(offerings.contains) {
            checks.append(
                ComplianceCheck(
                    .criteria, passed: false, path: path + ".credentialSubject.gx:assignedTo",
                    "the declaration is not assigned to a service offering of the presentation"))
        }
        let answers = LabelCriteria.answers(subject)
        var declared: [String] = []
        for criterion in criteria {
            let answer = answers[criterion.id]
            let where_ = path + ".credentialSubject.gx:criteria.gx:\(criterion.id)"
            switch answer {
            case "Confirm": declared.append(criterion.id)
            case "Not applicable" where criterion.optional: continue
            case nil: checks.append(ComplianceCheck(.criteria, passed: false, path: where_, "\(criterion.id) is not answered"))
            default: checks.append(ComplianceCheck(.criteria, passed: false, path: where_, "\(criterion.id) must be confirmed, the answer is \"\(answer ?? "")\""))
            }
        }
        if checks.isEmpty {
            checks.append(ComplianceCheck(.criteria, passed: true, path: path, "\(declared.count) criteria of \(level.rawValue) confirmed by the participant's declaration"))
        }
        return (checks, declared)
    }
}
