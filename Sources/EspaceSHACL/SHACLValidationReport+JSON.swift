import EspaceRDF

extension SHACLValidationReport {
    /// The report as JSON: `{"conforms": bool, "results": [{"focusNode", "resultPath",
    /// "severity", "sourceConstraintComponent", "sourceShape", "value", "message"}]}`.
    ///
    /// Terms are strings: an IRI as itself, a blank node as `_:label`, a literal in
    /// N-Triples form (`"42"^^<…#integer>`, `"chat"@fr`). `resultPath` is the predicate IRI
    /// for a simple path, SPARQL property path syntax otherwise; absent fields are `null`.
    public func json(pretty: Bool = true) -> String {
        let newline = pretty ? "\n" : ""
        let indent1 = pretty ? "  " : ""
        let indent2 = pretty ? "    " : ""
        let indent3 = pretty ? "      " : ""
        let space = pretty ? " " : ""
        var out = "{\(newline)\(indent1)\"conforms\":\(space)\(conforms),\(newline)\(indent1)\"results\":\(space)["
        for (i, result) in results.enumerated() {
            let fields: [(String, String?)] = [
                ("focusNode", Self.jsonTerm(result.focusNode)),
                ("resultPath", result.resultPath.map(Self.jsonPath)),
                ("severity", Self.jsonTerm(result.severity)),
                ("sourceConstraintComponent", result.sourceConstraintComponent),
                ("sourceShape", Self.jsonTerm(result.sourceShape)),
                ("value", result.value.map(Self.jsonTerm)),
                ("message", result.message),
            ]
            let members = fields.map { key, value in
                "\(indent3)\"\(key)\":\(space)\(value.map(Self.jsonString) ?? "null")"
            }
            out += (i == 0 ? "" : ",") + "\(newline)\(indent2){\(newline)"
            out += members.joined(separator: ",\(newline)") + "\(newline)\(indent2)}"
        }
        out += results.isEmpty ? "]" : "\(newline)\(indent1)]"
        return out + "\(newline)}"
    }

    static func jsonTerm(_ term: Term) -> String {
        if case .iri(let iri) = term { return iri }
        return NQuadsSerializer.string(term)
    }

    static func jsonPath(_ path: SHACLPath) -> String {
        if case .predicate(let iri) = path { return iri }
        return path.description
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A human-readable summary: the verdict, then one line per result.
    public func text() -> String {
        var lines = [conforms ? "Conforms: yes" : "Conforms: no (\(results.count) result\(results.count == 1 ? "" : "s"))"]
        for result in results {
            let severity = result.severity.iriValue.map { $0.hasPrefix(SHACL.ns) ? String($0.dropFirst(SHACL.ns.count)) : $0 } ?? "?"
            let component = result.sourceConstraintComponent.hasPrefix(SHACL.ns)
                ? "sh:" + result.sourceConstraintComponent.dropFirst(SHACL.ns.count) : result.sourceConstraintComponent
            var line = "[\(severity)] \(component) focus \(NQuadsSerializer.string(result.focusNode))"
            if let path = result.resultPath { line += " path \(path)" }
            if let value = result.value { line += " value \(NQuadsSerializer.string(value))" }
            line += " shape \(NQuadsSerializer.string(result.sourceShape))"
            if let message = result.message { line += "\n    \(message)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
