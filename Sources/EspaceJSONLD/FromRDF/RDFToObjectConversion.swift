import EspaceJSON
import EspaceRDF

/// RDF to Object Conversion (JSON-LD 1.1 API §8.5).
enum RDFToObjectConversion {
    static let i18nPrefix = "https://www.w3.org/ns/i18n#"

    /// Converts an RDF term to a node reference or a value object.
    static func convert(_ term: Term, options: JSONLDOptions) throws(JSONLDError) -> JSONValue {
        switch term {
        case .iri(let iri): return .object(["@id": .string(iri)])
        case .blank(let label): return .object(["@id": .string("_:" + label)])
        case .literal(let literal): return .object(try convert(literal, options: options))
        }
    }

    static func convert(_ literal: Literal, options: JSONLDOptions) throws(JSONLDError) -> JSONObject {
        var result = JSONObject()
        var converted: JSONValue? = nil
        var type: String? = nil
        let datatype = literal.datatype
        if options.useNativeTypes {
            if datatype == Vocabulary.xsdString {
                converted = .string(literal.lexicalForm)
            } else if datatype == Vocabulary.xsdBoolean {
                switch literal.lexicalForm {
                case "true", "1": converted = .bool(true)
                case "false", "0": converted = .bool(false)
                default: break
                }
            } else if datatype == Vocabulary.xsdInteger || datatype == Vocabulary.xsdDouble {
                let valid =
                    datatype == Vocabulary.xsdInteger
                    ? isXSDInteger(literal.lexicalForm) : isXSDDouble(literal.lexicalForm)
                if valid, let double = Double(literal.lexicalForm), double.isFinite {
                    converted = .number(JSONNumber(validatedLexeme: JSONNumber.ecmaScriptString(double)))
                }
            }
        }
        if converted == nil {
            converted = .string(literal.lexicalForm)
            if options.processingMode != .jsonLD10, datatype == Vocabulary.rdfJSON {
                do {
                    converted = try JSONParser().parse(literal.lexicalForm)
                } catch {
                    throw JSONLDError(.invalidJSONLiteral, "rdf:JSON literal is not valid JSON: \(error)")
                }
                type = "@json"
            } else if options.rdfDirection == "i18n-datatype", datatype.hasPrefix(i18nPrefix) {
                let fragment = datatype.dropFirst(i18nPrefix.count)
                if let underscore = fragment.firstIndex(of: "_") {
                    let language = fragment[..<underscore]
                    if !language.isEmpty { result["@language"] = .string(String(language)) }
                    result["@direction"] = .string(String(fragment[fragment.index(after: underscore)...]))
                } else {
                    if !fragment.isEmpty { result["@language"] = .string(String(fragment)) }
                }
            } else if let language = literal.language {
                result["@language"] = .string(language)
                if let direction = literal.direction { result["@direction"] = .string(direction) }
            } else if datatype != Vocabulary.xsdString {
                type = datatype
            }
        }
        result["@value"] = converted ?? .null
        if let type { result["@type"] = .string(type) }
        return result
    }

    /// `[+-]?[0-9]+`
    static func isXSDInteger(_ s: String) -> Bool {
        var bytes = Substring(s).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
        }
        return !bytes.isEmpty && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// `[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([Ee][+-]?[0-9]+)?` (INF and NaN have no JSON form).
    static func isXSDDouble(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            return i - start
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        let intDigits = digits()
        var fracDigits = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            fracDigits = digits()
        }
        guard intDigits + fracDigits > 0 else { return false }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == bytes.count
    }
}
