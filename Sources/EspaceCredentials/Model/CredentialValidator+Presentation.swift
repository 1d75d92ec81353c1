import EspaceIdentity
import EspaceJSON

extension CredentialValidator {
    func validatePresentation(_ json: JSONObject, at path: String) throws(IdentityError) {
        let version = try checkContext(json, at: path)
        let types = try checkTypes(json["type"], at: path + ".type", required: true)
        guard types.contains("VerifiablePresentation") else {
            throw IdentityError("\(path): type \(types) does not include VerifiablePresentation")
        }
        try checkOptionalURL(json, "id", at: path)
        let holder = try checkHolder(json["holder"], at: path + ".holder")
        // Gaia-X Loire VPs carry validFrom/validUntil; check them when present.
        let stamp = version == .v2_0
        let from = try date(json, "validFrom", at: path, stamp: stamp)
        let until = try date(json, "validUntil", at: path, stamp: stamp)
        if let from, let until, until < from { throw IdentityError("\(path).validUntil is before validFrom") }
        try checkPeriod(from: from, until: until, names: ("validFrom", "validUntil"), json: json, at: path)

        let entries = json["verifiableCredential"]?.asArray ?? []
        guard entries.count <= options.maxEntries else {
            throw IdentityError("\(path).verifiableCredential has more than \(options.maxEntries) entries", reason: .limitExceeded)
        }
        var embedded: [VerifiableCredential] = []
        for (i, entry) in entries.enumerated() {
            let at = "\(path).verifiableCredential[\(i)]"
            switch entry {
            case .object(let object):
                let credential = VerifiableCredential(json: object)
                if credential.isEnveloped {
                    try validateEnveloped(object, at: at)
                } else {
                    try validateCredential(object, at: at, mode: .verification)
                    embedded.append(credential)
                }
            case .string(let text) where version == .v1_1:
                // VC-JWT 1.1 presentations list credentials as compact JWTs.
                guard text.split(separator: ".", omittingEmptySubsequences: false).count == 3 else {
                    throw IdentityError("\(at) is a string but not a compact JWT")
                }
            default:
                throw IdentityError(
                    "\(at) must be a credential object (or an EnvelopedVerifiableCredential), found \(entry.typeName)")
            }
        }
        try checkProofs(json["proof"], at: path + ".proof")
        if options.requireSelfAsserted {
            guard let holder else {
                throw IdentityError("\(path) has no holder, so its credentials cannot be self-asserted", reason: .wrongIssuer)
            }
            for (i, credential) in embedded.enumerated() where credential.issuerID != holder {
                throw IdentityError(
                    "\(path).verifiableCredential[\(i)] is issued by \(credential.issuerID ?? "nobody"), not by the holder \(holder)",
                    reason: .wrongIssuer)
            }
        }
        if options.checkJSONLD { try JSONLDCheck.check(json, at: path, loader: options.documentLoader, undefinedTerms: options.rejectUndefinedTerms) }
    }

    /// `holder`: a URL or an object whose `id` is a URL. Returns the holder's URL.
    func checkHolder(_ value: JSONValue?, at path: String) throws(IdentityError) -> String? {
        guard let value else { return nil }
        switch value {
        case .string(let url):
            guard URLSyntax.isURL(url) else { throw IdentityError("\(path) \"\(url)\" is not a URL") }
            return url
        case .object(let object):
            guard let id = object["id"] else { throw IdentityError("\(path) is an object without id") }
            guard case .string(let url) = id, URLSyntax.isURL(url) else {
                throw IdentityError("\(path).id \(id.jsonText) is not a URL")
            }
            return url
        default:
            throw IdentityError("\(path) must be a URL or an object with an id, found \(value.typeName)")
        }
    }
}
