import EspaceIdentity
import EspaceJSON

extension VerificationCheck {
    /// `{"name", "outcome": "passed"|"failed"|"skipped", "reason", "message", "detail"}`.
    public var json: JSONValue {
        var object: JSONObject = ["name": .string(name.rawValue)]
        switch outcome {
        case .passed:
            object["outcome"] = "passed"
        case .failed(let error):
            object["outcome"] = "failed"
            object["reason"] = .string(error.reason.rawValue)
            object["message"] = .string(error.message)
        case .skipped(let why):
            object["outcome"] = "skipped"
            object["message"] = .string(why)
        }
        if !detail.isEmpty { object["detail"] = .string(detail) }
        return .object(object)
    }
}

extension VerificationReport {
    /// The report as JSON: validity, form, issuer, method, checks and nested reports.
    public var json: JSONValue {
        var object: JSONObject = ["valid": .bool(isValid)]
        object["form"] = form.map { .string($0.rawValue) } ?? .null
        if let issuer { object["issuer"] = .string(issuer) }
        if let verificationMethod { object["verificationMethod"] = .string(verificationMethod) }
        if let id = credential?.id ?? presentation?.id { object["id"] = .string(id) }
        object["checks"] = .array(checks.map(\.json))
        if !credentials.isEmpty { object["credentials"] = .array(credentials.map(\.json)) }
        return .object(object)
    }
}
