import EspaceJSON

extension LeftOperandRegistry {
    /// The most definitions a registry file may declare.
    public static let maximumDefinitions = 10_000

    /// A data space's own left operands, declared in JSON (no Swift code):
    ///
    /// ```json
    /// { "prefixes": { "ex": "https://dataspace.example/policy#" },
    ///   "leftOperands": [
    ///     { "id": "ex:tier", "source": "claim", "credentialType": "MembershipCredential",
    ///       "path": "membership.tier", "datatype": "xsd:string",
    ///       "scopes": ["catalogue", "negotiation", "transfer", "usage", "monitor"],
    ///       "comment": "the membership tier" },
    ///     { "id": "ex:project", "source": "request", "scopes": ["negotiation", "transfer"] } ] }
    /// ```
    ///
    /// `source` is `claim`, `request`, `state`, `participant`, `currentTime`, `usageCount`,
    /// `elapsedTime`, `meteredTime`, `timeInterval` or `delayPeriod`; `credentialType` and
    /// `path` may be arrays of alternatives (a dotted path names nested properties);
    /// `scopes` defaults to every scope; `unit` (an IRI) is the unit the values are in. Compact IRIs use `prefixes` and the built-in
    /// `odrl:`, `xsd:`, `espace:` prefixes.
    public init(json: JSONValue) throws(PolicyError) {
        guard let root = json.objectValue else { throw PolicyError("the left-operand registry must be a JSON object") }
        var prefixes = ["odrl": ODRL.ns, "xsd": Self.xsd, "espace": Self.espace]
        for (name, value) in root["prefixes"]?.objectValue ?? [:] {
            guard let iri = value.stringValue else { throw PolicyError("prefixes.\(name) must be a string (an IRI)") }
            prefixes[name] = iri
        }
        guard let entries = root["leftOperands"]?.arrayValue else {
            throw PolicyError("the left-operand registry needs a \"leftOperands\" array")
        }
        guard entries.count <= Self.maximumDefinitions else {
            throw PolicyError("the registry declares \(entries.count) left operands; at most \(Self.maximumDefinitions)")
        }
        var definitions: [LeftOperandDefinition] = []
        for (index, entry) in entries.enumerated() {
            definitions.append(try Self.definition(entry, at: "leftOperands[\(index)]", prefixes))
        }
        self.init(definitions)
    }

    static func definition(_ entry: JSONValue, at where_: String, _ prefixes: [String: String]) throws(PolicyError)
        -> LeftOperandDefinition
    {
        guard let object = entry.objectValue else { throw PolicyError("\(where_) must be an object") }
        func expand(_ text: String, _ field: String) throws(PolicyError) -> String {
            if let colon = text.firstIndex(of: ":"), let base = prefixes[String(text[..<colon])] {
                return base + text[text.index(after: colon)...]
            }
            guard let colon = text.firstIndex(of: ":") else {
                throw PolicyError("\(where_).\(field) \"\(text)\" is not an IRI")
            }
            let scheme = text[..<colon]
            guard text.contains("://") || ["urn", "did", "tag", "mailto"].contains(scheme) else {
                throw PolicyError(
                    "\(where_).\(field) \"\(text)\" is not an IRI: its prefix \"\(scheme)\" is not declared in \"prefixes\"")
            }
            return text
        }
        func strings(_ field: String) throws(PolicyError) -> [String] {
            guard let value = object[field] else { return [] }
            let items = value.arrayValue ?? [value]
            var result: [String] = []
            for item in items {
                guard let text = item.stringValue, !text.isEmpty else {
                    throw PolicyError("\(where_).\(field) must be a string or an array of strings")
                }
                result.append(text)
            }
            return result
        }
        guard let id = object["id"]?.stringValue else { throw PolicyError("\(where_) needs an \"id\" (an IRI)") }
        let iri = try expand(id, "id")
        let sourceName = object["source"]?.stringValue ?? ""
        let source: LeftOperandDefinition.Source
        switch sourceName {
        case "claim":
            let types = try strings("credentialType")
            let paths = try strings("path").map { $0.split(separator: ".").map(String.init) }
            guard !types.isEmpty, !paths.isEmpty else {
                throw PolicyError("\(where_): a claim needs \"credentialType\" and \"path\"")
            }
            source = .claim(credentialTypes: types, paths: paths)
        case "request": source = .request
        case "state": source = .state
        case "participant": source = .participant
        case "currentTime": source = .currentTime
        case "usageCount": source = .usageCount
        case "elapsedTime": source = .elapsedTime
        case "meteredTime": source = .meteredTime
        case "timeInterval": source = .timeInterval
        case "delayPeriod": source = .delayPeriod
        default:
            throw PolicyError(
                "\(where_).source \"\(sourceName)\" is not one of claim, request, state, participant, currentTime, usageCount, elapsedTime, meteredTime, timeInterval, delayPeriod"
            )
        }
        var scopes = Set(PolicyScope.allCases)
        if object["scopes"] != nil {
            scopes = []
            for name in try strings("scopes") {
                guard let scope = PolicyScope(rawValue: name) else {
                    throw PolicyError("\(where_).scopes: \"\(name)\" is not a scope (catalogue, negotiation, transfer, usage, monitor)")
                }
                scopes.insert(scope)
            }
        }
        let datatype = try object["datatype"]?.stringValue.map { text throws(PolicyError) in
            text == "@id" ? text : try expand(text, "datatype")
        }
        if let datatype, datatype != "@id", !TypedValue.supports(datatype) {
            throw PolicyError("\(where_).datatype <\(datatype)> is not a datatype the evaluator compares")
        }
        let unit = try object["unit"]?.stringValue.map { text throws(PolicyError) in try expand(text, "unit") }
        return LeftOperandDefinition(
            iri: iri, source: source, datatype: datatype, scopes: scopes, unit: unit,
            comment: object["comment"]?.stringValue)
    }
}
