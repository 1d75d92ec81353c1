import EspaceJSON
import EspaceRDF

extension ParticipantClaims {
    /// The claims in the JSON a verifier returns (`POST /identity/verify`, DCP):
    /// `{"participant": DID, "credentials": [{"types": [...], "issuer": DID, "subjects": [{...}]}]}`.
    public init(json: JSONValue) throws(PolicyError) {
        guard let root = json.objectValue, let participant = root["participant"]?.stringValue else {
            throw PolicyError("the participant claims need a \"participant\" (the DID)")
        }
        var credentials: [Credential] = []
        for (index, entry) in (root["credentials"]?.arrayValue ?? []).enumerated() {
            guard let object = entry.objectValue, let issuer = object["issuer"]?.stringValue else {
                throw PolicyError("credentials[\(index)] needs an \"issuer\"")
            }
            let types = (object["types"]?.arrayValue ?? []).compactMap(\.stringValue)
            let subjects = (object["subjects"]?.arrayValue ?? []).compactMap(\.objectValue)
            guard !types.isEmpty else { throw PolicyError("credentials[\(index)] needs \"types\"") }
            credentials.append(Credential(types: types, issuer: issuer, subjects: subjects))
        }
        self.init(participant: participant, credentials: credentials)
    }
}

extension UsageHistory {
    /// The most uses a history file may hold.
    public static let maximumUses = 1_000_000

    /// A usage history in JSON: `{"agreementTime": dateTime, "uses": [{"action": IRI or ODRL
    /// term, "time": dateTime, "duration": xsd:duration}]}` (`duration` optional).
    public init(json: JSONValue) throws(PolicyError) {
        guard let root = json.objectValue else { throw PolicyError("the usage history must be a JSON object") }
        func instant(_ value: JSONValue?, _ field: String) throws(PolicyError) -> Double? {
            guard let value else { return nil }
            guard let text = value.stringValue, let instant = XSDTemporal.dateTime(text) else {
                throw PolicyError("\(field) must be an xsd:dateTime")
            }
            return instant.secondsSinceEpoch
        }
        let entries = root["uses"]?.arrayValue ?? []
        guard entries.count <= Self.maximumUses else {
            throw PolicyError("the usage history holds \(entries.count) uses; at most \(Self.maximumUses)")
        }
        var uses: [Use] = []
        for (index, entry) in entries.enumerated() {
            guard let object = entry.objectValue, let action = object["action"]?.stringValue,
                let time = try instant(object["time"], "uses[\(index)].time")
            else { throw PolicyError("uses[\(index)] needs an \"action\" and a \"time\"") }
            var duration = 0.0
            if let text = object["duration"]?.stringValue {
                guard let parsed = XSDTemporal.duration(text), parsed.months == 0, !parsed.isNegative else {
                    throw PolicyError("uses[\(index)].duration must be a day-time xsd:duration (PT…)")
                }
                duration = Double(parsed.seconds)
            }
            uses.append(Use(action: action.contains(":") ? action : ODRL.iri(action), time: time, duration: duration))
        }
        self.init(agreementTime: try instant(root["agreementTime"], "agreementTime"), uses: uses)
    }
}
