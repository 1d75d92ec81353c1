import EspaceJSON
import EspaceRDF

/// Deserialize JSON-LD to RDF (JSON-LD 1.1 API §8.1), Object to RDF (§8.2) and List
/// Conversion (§8.3), over a node map of an expanded document.
struct RDFSerialization {
    let options: JSONLDOptions
    var generator: BlankNodeIdentifierGenerator
    /// The quads produced. They are distinct by construction: the node map holds each
    /// (graph, subject, property) once with distinct values, list and compound-literal
    /// nodes are fresh, and literals of one property are deduplicated below.
    var quads: [Quad] = []

    var dataset: Dataset { Dataset(distinctQuads: quads) }

    init(options: JSONLDOptions, generator: BlankNodeIdentifierGenerator) {
        self.options = options
        self.generator = generator
    }

    mutating func serialize(_ nodeMap: NodeMap) throws(JSONLDError) {
        let limit = options.limits.maxOutputItems
        for graphName in nodeMap.sortedGraphNames {
            // 1.
            let graphTerm: Term?
            if graphName == "@default" {
                graphTerm = nil
            } else if let term = Self.resource(graphName) {
                graphTerm = term
            } else {
                continue
            }
            for node in nodeMap.sortedNodes(in: graphName) {
                // 3.1
                guard let subject = Self.resource(node.id) else { continue }
                // 3.2.1 @type (the spec orders properties; "@type" sorts before IRIs).
                var typeObjects: Set<Term> = []
                for type in node.types ?? [] {
                    if let object = Self.resource(type), typeObjects.insert(object).inserted {
                        quads.append(Quad(subject: subject, predicate: .iri(Vocabulary.rdfType), object: object, graph: graphTerm))
                    }
                }
                for property in node.properties.keys.sorted(by: codePointLess) {
                    // 3.2.2-3.2.4
                    if property.utf8.first == UInt8(ascii: "@") && Keyword.isKeyword(property) { continue }
                    if property.isBlankNodeIdentifier && !options.produceGeneralizedRdf { continue }
                    guard let predicate = Self.resource(property) else { continue }
                    // 3.2.5
                    let values = node[property]
                    let isRDFType = !typeObjects.isEmpty && property == Vocabulary.rdfType
                    // Distinct JSON values can still denote one literal ("1" typed as
                    // xsd:integer and the number 1): keep the first.
                    var literals: Set<Literal>? = values.count > 1 ? [] : nil
                    for item in values {
                        var listTriples: [(Term, Term, Term)] = []
                        if let object = try objectToRDF(item, listTriples: &listTriples) {
                            if case .literal(let literal) = object, literals?.insert(literal).inserted == false {
                                continue
                            }
                            // An rdf:type property may repeat a type given by @type.
                            if isRDFType && typeObjects.contains(object) { continue }
                            quads.append(Quad(subject: subject, predicate: predicate, object: object, graph: graphTerm))
                        }
                        for (s, p, o) in listTriples {
                            quads.append(Quad(subject: s, predicate: p, object: o, graph: graphTerm))
                        }
                    }
                    if quads.count > limit {
                        throw JSONLDError(.limitExceeded, "more than \(limit) quads")
                    }
                }
            }
        }
    }

    /// An IRI or blank node term for a well-formed identifier, else nil.
    static func resource(_ id: String) -> Term? {
        if id.isBlankNodeIdentifier { return .blank(String(id.dropFirst(2))) }
        if IRIReference.isWellFormedAbsolute(id) { return .iri(id) }
        return nil
    }

    /// Object to RDF (§8.2).
    mutating func objectToRDF(_ item: JSONValue, listTriples: inout [(Term, Term, Term)]) throws(JSONLDError) -> Term? {
        guard case .object(let object) = item else { return nil }
        // 1-2. node object
        if object["@value"] == nil && object["@list"] == nil {
            guard case .string(let id)? = object["@id"] else { return nil }
            return Self.resource(id)
        }
        // 3. list object
        if let list = object["@list"] {
            return try listToRDF(list.asArray, listTriples: &listTriples)
        }
        // 4-5.
        guard let value = object["@value"] else { return nil }
        var datatype = object["@type"]?.stringValue
        // 6.
        if let type = datatype, type != "@json", !IRIReference.isWellFormedAbsolute(type) { return nil }
        // 7.
        if case .string(let language)? = object["@language"], !LanguageTag.isWellFormed(language) { return nil }
        var lexical: String
        if datatype == "@json" {
            // 8.
            do {
                lexical = try JSONCanonicalization.canonicalize(value)
            } catch {
                throw JSONLDError(.invalidJSONLiteral, "\(error)")
            }
            datatype = Vocabulary.rdfJSON
        } else {
            switch value {
            case .bool(let b):
                // 9.
                lexical = b ? "true" : "false"
                if datatype == nil { datatype = Vocabulary.xsdBoolean }
            case .number(let n):
                let d = n.doubleValue
                if !d.isFinite {
                    throw JSONLDError(.invalidValueObjectValue, "number \(n.lexeme) is outside the double range")
                }
                if d != d.rounded(.towardZero) || abs(d) >= 1e21 || datatype == Vocabulary.xsdDouble {
                    // 10.
                    lexical = XSDCanonical.double(d)
                    if datatype == nil { datatype = Vocabulary.xsdDouble }
                } else {
                    // 11.
                    lexical = XSDCanonical.integer(n)
                    if datatype == nil { datatype = Vocabulary.xsdInteger }
                }
            case .string(let s):
                lexical = s
                // 12.
                if datatype == nil {
                    datatype = object["@language"] == nil ? Vocabulary.xsdString : Vocabulary.rdfLangString
                }
            default:
                return nil
            }
        }
        // 13. directional strings
        if case .string(let direction)? = object["@direction"], let mode = options.rdfDirection {
            let language = object["@language"]?.stringValue?.lowercased() ?? ""
            switch mode {
            case "i18n-datatype":
                return .literal(Literal(lexical, datatype: "https://www.w3.org/ns/i18n#" + language + "_" + direction))
            case "compound-literal":
                let node = Term.blank(String(generator.generate().dropFirst(2)))
                listTriples.append((node, .iri(Vocabulary.rdfValue), .literal(Literal(lexical))))
                if object["@language"] != nil {
                    listTriples.append((node, .iri(Vocabulary.rdfLanguage), .literal(Literal(language))))
                }
                listTriples.append((node, .iri(Vocabulary.rdfDirection), .literal(Literal(direction))))
                return node
            default:
                throw JSONLDError(.invalidRDFDirection, "rdfDirection must be i18n-datatype or compound-literal, found \(mode)")
            }
        }
        // 14.
        if case .string(let language)? = object["@language"] {
            return .literal(Literal(lexical, language: language))
        }
        return .literal(Literal(lexical, datatype: datatype ?? Vocabulary.xsdString))
    }

    /// List Conversion (§8.3).
    mutating func listToRDF(_ list: [JSONValue], listTriples: inout [(Term, Term, Term)]) throws(JSONLDError) -> Term {
        // 1.
        if list.isEmpty { return .iri(Vocabulary.rdfNil) }
        // 2.
        var nodes: [Term] = []
        nodes.reserveCapacity(list.count)
        for _ in list { nodes.append(.blank(String(generator.generate().dropFirst(2)))) }
        // 3.
        for (i, item) in list.enumerated() {
            var embedded: [(Term, Term, Term)] = []
            if let object = try objectToRDF(item, listTriples: &embedded) {
                listTriples.append((nodes[i], .iri(Vocabulary.rdfFirst), object))
            }
            let rest: Term = i + 1 < nodes.count ? nodes[i + 1] : .iri(Vocabulary.rdfNil)
            listTriples.append((nodes[i], .iri(Vocabulary.rdfRest), rest))
            listTriples.append(contentsOf: embedded)
        }
        return nodes[0]
    }
}

/// Canonical lexical forms of XSD numbers (XML Schema 1.1 Part 2), as JSON-LD's data
/// round-tripping (§8.6) requires.
enum XSDCanonical {
    /// The canonical xsd:double form: `d.dddE±n` with the shortest digits that round-trip.
    static func double(_ value: Double) -> String {
        if value == 0 { return value.sign == .minus ? "-0.0E0" : "0.0E0" }
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-INF" : "INF" }
        let (digits, point) = JSONNumber.shortestDigits(of: abs(value))
        let first = digits.prefix(1)
        let rest = digits.dropFirst()
        return (value < 0 ? "-" : "") + first + "." + (rest.isEmpty ? "0" : rest) + "E" + String(point - 1)
    }

    /// The canonical xsd:integer form of an integral JSON number below 10^21.
    static func integer(_ number: JSONNumber) -> String {
        if number.isIntegerLexeme {
            let lexeme = number.lexeme
            return lexeme == "-0" ? "0" : lexeme
        }
        let text = JSONNumber.ecmaScriptString(number.doubleValue)
        return text == "-0" ? "0" : text
    }
}

/// BCP 47 well-formedness, as far as RDF needs it: subtags of letters and digits,
/// the first of 1-8 letters.
enum LanguageTag {
    static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count),
            first.utf8.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) })
        else { return false }
        for part in parts.dropFirst() {
            guard (1...8).contains(part.count),
                part.utf8.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) })
            else { return false }
        }
        return true
    }
}
