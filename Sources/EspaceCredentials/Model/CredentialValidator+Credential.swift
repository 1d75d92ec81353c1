import EspaceIdentity
import EspaceJSON

extension CredentialValidator {
    func validateCredential(_ json: JSONObject, at path: String, mode: Mode) throws(IdentityError) {
        let version = try checkContext(json, at: path)
        let types = try checkTypes(json["type"], at: path + ".type", required: true)
        if types.contains("EnvelopedVerifiableCredential") {
            try validateEnveloped(json, at: path)
            return
        }
        guard types.contains("VerifiableCredential") else {
            throw IdentityError("\(path): type \(types) does not include VerifiableCredential")
        }
        try checkOptionalURL(json, "id", at: path)
        try checkIssuer(json["issuer"], at: path + ".issuer", mode: mode)
        try checkLanguageValue(json["name"], at: path + ".name")
        try checkLanguageValue(json["description"], at: path + ".description")
        try checkValidity(json, at: path, version: version, mode: mode)
        try checkSubjects(json["credentialSubject"], at: path + ".credentialSubject")
        let v1 = version == .v1_1
        try checkTypedEntries(json["credentialStatus"], at: path + ".credentialStatus", idRequired: v1)
        try checkTypedEntries(json["credentialSchema"], at: path + ".credentialSchema", idRequired: true)
        try checkTypedEntries(json["evidence"], at: path + ".evidence", idRequired: false, typeRequired: options.requireEvidenceType)
        try checkTypedEntries(json["termsOfUse"], at: path + ".termsOfUse", idRequired: false)
        try checkTypedEntries(json["refreshService"], at: path + ".refreshService", idRequired: v1)
        try checkProofs(json["proof"], at: path + ".proof")
        if options.requireCredentialSchema, json["credentialSchema"] == nil {
            throw IdentityError("\(path): credentialSchema is required (zero-knowledge profile) but missing")
        }
        if options.checkJSONLD { try JSONLDCheck.check(json, at: path, loader: options.documentLoader, undefinedTerms: options.rejectUndefinedTerms) }
    }

    /// An `EnvelopedVerifiableCredential`: the v2 context, and an `id` that is a data: URL.
    func validateEnveloped(_ json: JSONObject, at path: String) throws(IdentityError) {
        let version = try checkContext(json, at: path)
        guard version == .v2_0 else {
            throw IdentityError("\(path): an EnvelopedVerifiableCredential needs the VC 2.0 base context")
        }
        guard case .string(let id)? = json["id"] else {
            throw IdentityError("\(path): an EnvelopedVerifiableCredential needs an id holding a data: URL")
        }
        _ = try DataURL(id)
    }

    /// `@context`: present, first the 1.1 or 2.0 base URL, then URLs or objects. Returns
    /// the data model version.
    func checkContext(_ json: JSONObject, at path: String) throws(IdentityError) -> DataModelVersion {
        guard let context = json["@context"] else { throw IdentityError("\(path): @context is missing") }
        let values = context.asArray
        guard let first = values.first else { throw IdentityError("\(path): @context is empty") }
        guard values.count <= options.maxEntries else {
            throw IdentityError("\(path): @context has more than \(options.maxEntries) values", reason: .limitExceeded)
        }
        guard case .string(let base) = first, let version = DataModelVersion(baseContext: base) else {
            throw IdentityError(
                "\(path): the first @context value must be \(DataModelVersion.v2_0.baseContext) or \(DataModelVersion.v1_1.baseContext), found \(first.jsonText)"
            )
        }
        for (i, value) in values.enumerated().dropFirst() {
            switch value {
            case .string(let url):
                guard URLSyntax.isURL(url) else { throw IdentityError("\(path): @context[\(i)] \"\(url)\" is not a URL") }
            case .object: break
            default: throw IdentityError("\(path): @context[\(i)] must be a URL or an object, found \(value.typeName)")
            }
        }
        return version
    }

    /// `type`: one or more non-empty strings. Returns them.
    @discardableResult
    func checkTypes(_ value: JSONValue?, at path: String, required: Bool) throws(IdentityError) -> [String] {
        guard let value else {
            if required { throw IdentityError("\(path) is missing") }
            return []
        }
        let values = value.asArray
        guard !values.isEmpty else { throw IdentityError("\(path) must have at least one value") }
        guard values.count <= options.maxEntries else {
            throw IdentityError("\(path) has more than \(options.maxEntries) values", reason: .limitExceeded)
        }
        var out: [String] = []
        for v in values {
            guard case .string(let s) = v, !s.isEmpty else {
                throw IdentityError("\(path) values must be non-empty strings (terms or URLs), found \(v.jsonText)")
            }
            out.append(s)
        }
        return out
    }

    /// An optional member that, when present, must be one URL string.
    func checkOptionalURL(_ json: JSONObject, _ name: String, at path: String) throws(IdentityError) {
        guard let value = json[name] else { return }
        guard case .string(let url) = value else {
            throw IdentityError("\(path).\(name) must be a single URL string, found \(value.typeName)")
        }
        guard URLSyntax.isURL(url) else { throw IdentityError("\(path).\(name) \"\(url)\" is not a URL") }
    }

    /// `issuer`: a URL, or an object whose `id` is a URL (in an issuance request the issuer
    /// may be absent, or an object without `id`, since the issuer supplies it).
    func checkIssuer(_ value: JSONValue?, at path: String, mode: Mode) throws(IdentityError) {
        guard let value else {
            if mode == .issuanceRequest { return }
            throw IdentityError("\(path) is missing")
        }
        switch value {
        case .string(let url):
            guard URLSyntax.isURL(url) else { throw IdentityError("\(path) \"\(url)\" is not a URL") }
        case .object(let object):
            if object["id"] == nil, mode == .issuanceRequest {
                // The issuer fills in its id.
            } else {
                guard let id = object["id"] else { throw IdentityError("\(path) is an object without id") }
                guard case .string(let url) = id else {
                    throw IdentityError("\(path).id must be a URL string, found \(id.typeName)")
                }
                guard URLSyntax.isURL(url) else { throw IdentityError("\(path).id \"\(url)\" is not a URL") }
            }
            try checkLanguageValue(object["name"], at: path + ".name")
            try checkLanguageValue(object["description"], at: path + ".description")
        default:
            throw IdentityError("\(path) must be a URL or an object with an id, found \(value.typeName)")
        }
    }

    /// `name`/`description`: a string, a language value object (`@value` string, optional
    /// `@language` and `@direction`, nothing else), or an array of them.
    func checkLanguageValue(_ value: JSONValue?, at path: String) throws(IdentityError) {
        guard let value else { return }
        let values = value.asArray
        guard !values.isEmpty, values.count <= options.maxEntries else {
            throw IdentityError("\(path) must hold one to \(options.maxEntries) values")
        }
        for v in values {
            switch v {
            case .string: continue
            case .object(let o):
                guard case .string? = o["@value"] else { throw IdentityError("\(path): a language value needs a string @value") }
                if let language = o["@language"] {
                    guard case .string(let tag) = language, !tag.isEmpty else {
                        throw IdentityError("\(path).@language must be a language tag string")
                    }
                }
                if let direction = o["@direction"] {
                    guard direction == .string("ltr") || direction == .string("rtl") else {
                        throw IdentityError("\(path).@direction must be \"ltr\" or \"rtl\", found \(direction.jsonText)")
                    }
                }
                for key in o.keys where !["@value", "@language", "@direction"].contains(key) {
                    throw IdentityError("\(path): a language value object may only hold @value, @language and @direction, found \"\(key)\"")
                }
            default:
                throw IdentityError("\(path) must be a string or a language value object, found \(v.typeName)")
            }
        }
    }

    /// The date members of `version`, their syntax and order, and the validity period when
    /// the options carry a clock.
    func checkValidity(_ json: JSONObject, at path: String, version: DataModelVersion, mode: Mode) throws(IdentityError) {
        let (fromName, untilName) = version == .v2_0 ? ("validFrom", "validUntil") : ("issuanceDate", "expirationDate")
        let stamp = version == .v2_0
        let from = try date(json, fromName, at: path, stamp: stamp)
        let until = try date(json, untilName, at: path, stamp: stamp)
        if version == .v1_1, from == nil, mode == .verification {
            throw IdentityError("\(path).issuanceDate is missing")
        }
        if let from, let until, until < from {
            throw IdentityError("\(path).\(untilName) \(json[untilName]?.jsonText ?? "") is before \(fromName) \(json[fromName]?.jsonText ?? "")")
        }
        try checkPeriod(from: from, until: until, names: (fromName, untilName), json: json, at: path)
    }

    func checkPeriod(from: Double?, until: Double?, names: (String, String), json: JSONObject, at path: String) throws(IdentityError) {
        guard let now = options.now else { return }
        if let from, now + options.leeway < from {
            throw IdentityError("\(path) is not valid yet (\(names.0) \(json[names.0]?.jsonText ?? ""))", reason: .notYetValid)
        }
        if let until, now - options.leeway > until {
            throw IdentityError("\(path) expired (\(names.1) \(json[names.1]?.jsonText ?? ""))", reason: .expired)
        }
    }

    /// The instant of date member `name`, nil when absent.
    func date(_ json: JSONObject, _ name: String, at path: String, stamp: Bool) throws(IdentityError) -> Double? {
        guard let value = json[name] else { return nil }
        guard case .string(let text) = value else {
            throw IdentityError("\(path).\(name) must be a single date-time string, found \(value.typeName)")
        }
        guard let instant = XSDDateTime.instant(text, requireTimezone: stamp) else {
            throw IdentityError("\(path).\(name) \"\(text)\" is not an XML Schema \(stamp ? "dateTimeStamp" : "dateTime")")
        }
        return instant
    }

    /// `credentialSubject`: one or more objects, each with at least one claim, and a
    /// single-URL `id` when it has one.
    func checkSubjects(_ value: JSONValue?, at path: String) throws(IdentityError) {
        guard let value else { throw IdentityError("\(path) is missing") }
        let subjects = value.asArray
        guard !subjects.isEmpty else { throw IdentityError("\(path) is empty") }
        guard subjects.count <= options.maxEntries else {
            throw IdentityError("\(path) has more than \(options.maxEntries) subjects", reason: .limitExceeded)
        }
        for (i, subject) in subjects.enumerated() {
            let at = subjects.count > 1 ? "\(path)[\(i)]" : path
            guard case .object(let object) = subject else {
                throw IdentityError("\(at) must be an object, found \(subject.typeName)")
            }
            guard !object.isEmpty else { throw IdentityError("\(at) has no claims") }
            try checkOptionalURL(object, "id", at: at)
        }
    }

    /// Entries of `credentialStatus`, `credentialSchema`, `evidence`, `termsOfUse`,
    /// `refreshService`: objects, each with a `type`, an `id` URL when present (or required).
    func checkTypedEntries(_ value: JSONValue?, at path: String, idRequired: Bool, typeRequired: Bool = true) throws(IdentityError) {
        guard let value else { return }
        let entries = value.asArray
        guard !entries.isEmpty else { throw IdentityError("\(path) is empty") }
        guard entries.count <= options.maxEntries else {
            throw IdentityError("\(path) has more than \(options.maxEntries) entries", reason: .limitExceeded)
        }
        for (i, entry) in entries.enumerated() {
            let at = entries.count > 1 ? "\(path)[\(i)]" : path
            guard case .object(let object) = entry else { throw IdentityError("\(at) must be an object, found \(entry.typeName)") }
            try checkTypes(object["type"], at: at + ".type", required: typeRequired)
            if idRequired, object["id"] == nil { throw IdentityError("\(at).id is missing") }
            try checkOptionalURL(object, "id", at: at)
        }
    }

    /// Embedded proofs: objects with a `type`; required when the options say so.
    func checkProofs(_ value: JSONValue?, at path: String) throws(IdentityError) {
        guard let value else {
            if options.requireProof { throw IdentityError("\(path) is missing, and a proof is required") }
            return
        }
        let proofs = value.asArray
        guard !proofs.isEmpty else { throw IdentityError("\(path) is empty") }
        guard proofs.count <= options.maxEntries else {
            throw IdentityError("\(path) has more than \(options.maxEntries) proofs", reason: .limitExceeded)
        }
        for (i, proof) in proofs.enumerated() {
            let at = proofs.count > 1 ? "\(path)[\(i)]" : path
            guard case .object(let object) = proof else { throw IdentityError("\(at) must be an object, found \(proof.typeName)") }
            try checkTypes(object["type"], at: at + ".type", required: true)
        }
    }
}
