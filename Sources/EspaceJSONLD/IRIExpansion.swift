extension ActiveContext {
    /// IRI Expansion (JSON-LD 1.1 API §5.2.2) of `value` against this processed context.
    ///
    /// Returns nil when `value` has the form of a keyword but is none, or when a term maps
    /// it to null.
    public func expandIRI(_ value: String, documentRelative: Bool = false, vocab: Bool = false) -> String? {
        // 1-2.
        if value.utf8.first == UInt8(ascii: "@") {
            if Keyword.isKeyword(value) { return value }
            if Keyword.hasKeywordForm(value) { return nil }
        }
        // 4-5.
        if let definition = terms[value] {
            if let iri = definition.iri, iri.utf8.first == UInt8(ascii: "@"), Keyword.isKeyword(iri) { return iri }
            if vocab { return definition.iri }
        }
        // 6.
        if let colon = firstColonAfterStart(value) {
            let prefix = value[..<colon]
            let suffix = value[value.index(after: colon)...]
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            if let definition = terms[String(prefix)], let iri = definition.iri, definition.prefix {
                return iri + suffix
            }
            if IRIReference.isAbsolute(value) { return value }
        }
        // 7-9.
        if vocab, let mapping = vocabularyMapping { return mapping + value }
        if documentRelative { return IRIReference.resolve(value, against: baseIRI) }
        return value
    }
}
