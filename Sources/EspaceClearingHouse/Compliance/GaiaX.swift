import EspaceJSON

/// Reading Gaia-X credentials in their compact JSON-LD form (`gx:` prefixed or `@vocab` terms).
enum GaiaX {
    static let namespace = "https://w3id.org/gaia-x/development#"

    /// The registration-number credential types (Loire).
    static let registrationNumberTypes = ["VatID", "LeiCode", "EORI", "EUID", "TaxID", "LocalRegistrationNumber"]

    /// Whether `types` names the Gaia-X type `name` (`gx:LegalPerson`, the full IRI, or the bare term).
    static func hasType(_ types: [String], _ name: String) -> Bool {
        types.contains { $0 == "gx:" + name || $0 == namespace + name || $0 == name }
    }

    /// The value of the Gaia-X property `name` in `object` (`gx:name`, the full IRI, or the bare term).
    static func property(_ object: JSONObject, _ name: String) -> JSONValue? {
        object["gx:" + name] ?? object[namespace + name] ?? object[name]
    }

    /// The ids a property points at (`{"id": …}`, strings, or arrays of them).
    static func ids(_ value: JSONValue?) -> [String] {
        guard let value else { return [] }
        return value.asArray.compactMap { item in
            item.stringValue ?? (item.objectValue.flatMap { ($0["id"] ?? $0["@id"])?.stringValue })
        }
    }

    /// The credential subjects of a credential payload.
    static func subjects(_ payload: JSONObject) -> [JSONObject] {
        (payload["credentialSubject"]?.asArray ?? []).compactMap(\.objectValue)
    }

    /// The terms and conditions hashes the Gaia-X ontology (25.11) accepts for `gx:Issuer`.
    static let gaiaXTermsHashes: Set<String> = [
        "067dcac5efd18c1927deb1ffed3feab6d0ad044c0a9a263e6d5d8bdc43224515",
        "4bd7554097444c960292b4726c2efa1373485e8a5565d94d41195214c5e0ceb3",
    ]
}
