/// A JSON-LD processing error, with the error code exactly as the JSON-LD 1.1 API spells it.
public struct JSONLDError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The spec's error code, e.g. `invalid IRI mapping`.
    public let code: Code
    /// A human sentence saying what was wrong and where.
    public let detail: String

    public init(_ code: Code, _ detail: String = "") {
        self.code = code
        self.detail = detail
    }

    public var description: String {
        detail.isEmpty ? code.rawValue : "\(code.rawValue): \(detail)"
    }

    /// The JSON-LD 1.1 API error codes (§9.4.1 JsonLdErrorCode), plus the few this
    /// implementation adds for its own limits.
    public enum Code: String, Sendable, CaseIterable {
        case collidingKeywords = "colliding keywords"
        case conflictingIndexes = "conflicting indexes"
        case contextOverflow = "context overflow"
        case cyclicIRIMapping = "cyclic IRI mapping"
        case invalidBaseDirection = "invalid base direction"
        case invalidBaseIRI = "invalid base IRI"
        case invalidContainerMapping = "invalid container mapping"
        case invalidContextEntry = "invalid context entry"
        case invalidContextNullification = "invalid context nullification"
        case invalidDefaultLanguage = "invalid default language"
        case invalidIdValue = "invalid @id value"
        case invalidImportValue = "invalid @import value"
        case invalidIncludedValue = "invalid @included value"
        case invalidIndexValue = "invalid @index value"
        case invalidIRIMapping = "invalid IRI mapping"
        case invalidJSONLiteral = "invalid JSON literal"
        case invalidKeywordAlias = "invalid keyword alias"
        case invalidLanguageMapValue = "invalid language map value"
        case invalidLanguageMapping = "invalid language mapping"
        case invalidLanguageTaggedString = "invalid language-tagged string"
        case invalidLanguageTaggedValue = "invalid language-tagged value"
        case invalidLocalContext = "invalid local context"
        case invalidNestValue = "invalid @nest value"
        case invalidPrefixValue = "invalid @prefix value"
        case invalidPropagateValue = "invalid @propagate value"
        case invalidProtectedValue = "invalid @protected value"
        case invalidRemoteContext = "invalid remote context"
        case invalidReverseProperty = "invalid reverse property"
        case invalidReversePropertyMap = "invalid reverse property map"
        case invalidReversePropertyValue = "invalid reverse property value"
        case invalidReverseValue = "invalid @reverse value"
        case invalidScopedContext = "invalid scoped context"
        case invalidScriptElement = "invalid script element"
        case invalidSetOrListObject = "invalid set or list object"
        case invalidTermDefinition = "invalid term definition"
        case invalidTypeMapping = "invalid type mapping"
        case invalidTypeValue = "invalid type value"
        case invalidTypedValue = "invalid typed value"
        case invalidValueObject = "invalid value object"
        case invalidValueObjectValue = "invalid value object value"
        case invalidVersionValue = "invalid @version value"
        case invalidVocabMapping = "invalid vocab mapping"
        case irConfusedWithPrefix = "IRI confused with prefix"
        case keywordRedefinition = "keyword redefinition"
        case loadingDocumentFailed = "loading document failed"
        case loadingRemoteContextFailed = "loading remote context failed"
        case multipleContextLinkHeaders = "multiple context link headers"
        case processingModeConflict = "processing mode conflict"
        case protectedTermRedefinition = "protected term redefinition"
        case invalidEmbeddedNode = "invalid embedded node"
        case invalidAnnotation = "invalid annotation"
        case invalidRDFDirection = "invalid rdfDirection"
        /// Not a spec code: a configured bound (depth, size, count) was exceeded.
        case limitExceeded = "limit exceeded"
        /// Not a JSON-LD error code: safe mode refused to drop or keep an ambiguous term.
        case safeModeViolation = "safe mode violation"
    }
}
