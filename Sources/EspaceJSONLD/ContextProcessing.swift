import EspaceJSON

/// Context Processing (JSON-LD 1.1 API §4.1.2) and Create Term Definition (§4.2.2).
public enum ContextProcessing {
    /// Processes `localContext` against `active`, returning the new active context.
    public static func process(
        active: ActiveContext, local localContext: JSONValue, baseURL: String?,
        resolver: ContextResolver, remoteContexts: [String] = [], overrideProtected: Bool = false,
        propagate: Bool = true, validateScopedContext: Bool = true, scopedContextID: UInt64? = nil
    ) throws(JSONLDError) -> ActiveContext {
        let key = ProcessedContextCache.Key(
            parent: active.id, parentBase: active.baseIRI, mode: active.processingMode,
            local: scopedContextID.map { .scoped($0) } ?? .value(localContext), baseURL: baseURL, overrideProtected: overrideProtected,
            propagate: propagate, validateScopedContext: validateScopedContext, remoteDepth: remoteContexts.count)
        if remoteContexts.isEmpty, let cached = resolver.processedContexts.lookup(key) { return cached }
        var processor = Processor(resolver: resolver)
        var result = try processor.process(
            active: active, local: localContext, baseURL: baseURL, remoteContexts: remoteContexts,
            overrideProtected: overrideProtected, propagate: propagate, validateScopedContext: validateScopedContext)
        result.id = ActiveContext.nextID()
        if remoteContexts.isEmpty { resolver.processedContexts.store(key, result) }
        return result
    }

    /// Applies the scoped context of `definition` (a property- or type-scoped context).
    public static func process(
        active: ActiveContext, scopedBy definition: TermDefinition, resolver: ContextResolver,
        overrideProtected: Bool = false, propagate: Bool = true
    ) throws(JSONLDError) -> ActiveContext {
        try process(
            active: active, local: definition.context ?? .null, baseURL: definition.baseURL, resolver: resolver,
            overrideProtected: overrideProtected, propagate: propagate,
            scopedContextID: definition.contextID == 0 ? nil : definition.contextID)
    }

    /// The state of one run of the algorithm.
    struct Processor {
        let resolver: ContextResolver

        /// What Create Term Definition needs from the context definition being processed.
        struct Scope {
            var local: JSONObject
            var baseURL: String?
            var remoteContexts: [String]
            var overrideProtected: Bool
            /// The context's own `@protected`, the default for its terms.
            var protected: Bool
        }

        mutating func process(
            active: ActiveContext, local localContext: JSONValue, baseURL: String?, remoteContexts: [String],
            overrideProtected: Bool, propagate: Bool, validateScopedContext: Bool
        ) throws(JSONLDError) -> ActiveContext {
            var remoteContexts = remoteContexts
            var propagate = propagate
            // 1.
            var result = active
            // 2.
            if case .object(let o) = localContext, let p = o["@propagate"] {
                guard case .bool(let b) = p else {
                    throw JSONLDError(.invalidPropagateValue, "@propagate must be true or false, found \(p.typeName)")
                }
                propagate = b
            }
            // 3.
            if !propagate && result.previousContext == nil {
                result.previousContext = Box(active)
            }
            // 4-5.
            for context in localContext.asArray {
                switch context {
                case .null:
                    // 5.1
                    if !overrideProtected && result.terms.values.contains(where: { $0.protected }) {
                        throw JSONLDError(.invalidContextNullification, "cannot nullify a context with protected terms")
                    }
                    let previous = result
                    result = ActiveContext(
                        baseIRI: active.originalBaseURL, originalBaseURL: active.originalBaseURL,
                        processingMode: active.processingMode)
                    if !propagate { result.previousContext = Box(previous) }
                    continue
                case .string(let reference):
                    // 5.2
                    let url = IRIReference.resolve(reference, against: baseURL)
                    guard baseURL != nil || IRIReference.isAbsolute(url) else {
                        throw JSONLDError(.loadingDocumentFailed, "relative context reference \(reference) without a base")
                    }
                    if !validateScopedContext && remoteContexts.contains(url) { continue }
                    guard remoteContexts.count < resolver.options.limits.maxRemoteContexts else {
                        throw JSONLDError(
                            .contextOverflow,
                            "more than \(resolver.options.limits.maxRemoteContexts) nested remote contexts (at \(url))")
                    }
                    remoteContexts.append(url)
                    let document = try resolver.load(url)
                    guard case .object(let top) = document.document, let loaded = top["@context"] else {
                        throw JSONLDError(.invalidRemoteContext, "\(url) has no top-level @context")
                    }
                    result = try process(
                        active: result, local: loaded, baseURL: document.documentURL, remoteContexts: remoteContexts,
                        overrideProtected: overrideProtected, propagate: true,
                        validateScopedContext: validateScopedContext)
                    continue
                case .object(var definition):
                    try processDefinition(
                        &definition, result: &result, baseURL: baseURL, remoteContexts: remoteContexts,
                        overrideProtected: overrideProtected)
                default:
                    throw JSONLDError(.invalidLocalContext, "a context must be null, a string or an object, found \(context.typeName)")
                }
            }
            return result
        }

        /// Steps 5.5 to 5.13 for one context definition.
        mutating func processDefinition(
            _ context: inout JSONObject, result: inout ActiveContext, baseURL: String?, remoteContexts: [String],
            overrideProtected: Bool
        ) throws(JSONLDError) {
            // 5.5 @version
            if let version = context["@version"] {
                guard case .number(let n) = version, n.doubleValue == 1.1 else {
                    throw JSONLDError(.invalidVersionValue, "@version must be 1.1, found \(version.jsonText)")
                }
                if result.processingMode == .jsonLD10 {
                    throw JSONLDError(.processingModeConflict, "@version 1.1 in json-ld-1.0 processing mode")
                }
            }
            // 5.6 @import
            if let importValue = context["@import"] {
                if result.processingMode == .jsonLD10 {
                    throw JSONLDError(.invalidContextEntry, "@import is not allowed in json-ld-1.0 mode")
                }
                guard case .string(let reference) = importValue else {
                    throw JSONLDError(.invalidImportValue, "@import must be a string, found \(importValue.typeName)")
                }
                let url = IRIReference.resolve(reference, against: baseURL)
                let document = try resolver.load(url)
                guard case .object(let top) = document.document, let imported = top["@context"] else {
                    throw JSONLDError(.invalidRemoteContext, "imported \(url) has no top-level @context")
                }
                guard case .object(var importContext) = imported else {
                    throw JSONLDError(.invalidRemoteContext, "imported \(url) @context is not an object")
                }
                if importContext["@import"] != nil {
                    throw JSONLDError(.invalidContextEntry, "imported \(url) itself has @import")
                }
                for (key, value) in context { importContext[key] = value }
                context = importContext
            }
            // 5.7 @base
            if let base = context["@base"], remoteContexts.isEmpty {
                switch base {
                case .null:
                    result.baseIRI = nil
                case .string(let value) where IRIReference.isAbsolute(value):
                    result.baseIRI = value
                case .string(let value) where result.baseIRI != nil:
                    result.baseIRI = IRIReference.resolve(value, against: result.baseIRI)
                default:
                    throw JSONLDError(.invalidBaseIRI, "@base must be an IRI or null, found \(base.jsonText)")
                }
            }
            // 5.8 @vocab
            if let vocab = context["@vocab"] {
                switch vocab {
                case .null:
                    result.vocabularyMapping = nil
                case .string(let value):
                    var defined: [String: Bool] = [:]
                    let expanded = try expandIRI(
                        value, in: &result, documentRelative: true, vocab: true, scope: nil, defined: &defined)
                    guard let expanded, IRIReference.isAbsolute(expanded) || IRIReference.isBlankNode(expanded)
                        || value.isEmpty || expanded.isEmpty
                    else {
                        throw JSONLDError(.invalidVocabMapping, "@vocab must be an IRI or blank node, found \(value)")
                    }
                    if result.processingMode == .jsonLD10 && !IRIReference.isAbsolute(value) && !IRIReference.isBlankNode(value) {
                        throw JSONLDError(.invalidVocabMapping, "relative @vocab \(value) in json-ld-1.0 mode")
                    }
                    result.vocabularyMapping = expanded
                default:
                    throw JSONLDError(.invalidVocabMapping, "@vocab must be a string or null, found \(vocab.typeName)")
                }
            }
            // 5.9 @language
            if let language = context["@language"] {
                switch language {
                case .null: result.defaultLanguage = nil
                case .string(let value): result.defaultLanguage = value
                default:
                    throw JSONLDError(.invalidDefaultLanguage, "@language must be a string or null, found \(language.typeName)")
                }
            }
            // 5.10 @direction
            if let direction = context["@direction"] {
                if result.processingMode == .jsonLD10 {
                    throw JSONLDError(.invalidContextEntry, "@direction is not allowed in json-ld-1.0 mode")
                }
                switch direction {
                case .null: result.defaultBaseDirection = nil
                case .string(let value) where value == "ltr" || value == "rtl": result.defaultBaseDirection = value
                default:
                    throw JSONLDError(.invalidBaseDirection, "@direction must be \"ltr\", \"rtl\" or null, found \(direction.jsonText)")
                }
            }
            // 5.11 @propagate
            if let propagateValue = context["@propagate"] {
                if result.processingMode == .jsonLD10 {
                    throw JSONLDError(.invalidContextEntry, "@propagate is not allowed in json-ld-1.0 mode")
                }
                guard case .bool = propagateValue else {
                    throw JSONLDError(.invalidPropagateValue, "@propagate must be true or false")
                }
            }
            // 5.12-5.13
            var defined: [String: Bool] = [:]
            let protected: Bool
            switch context["@protected"] {
            case nil: protected = false
            case .bool(let b)?: protected = b
            case let other?:
                throw JSONLDError(.invalidProtectedValue, "@protected must be true or false, found \(other.typeName)")
            }
            let scope = Scope(
                local: context, baseURL: baseURL, remoteContexts: remoteContexts, overrideProtected: overrideProtected,
                protected: protected)
            for key in context.keys {
                switch key {
                case "@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab":
                    continue
                default:
                    try createTermDefinition(key, in: &result, scope: scope, defined: &defined)
                }
            }
        }

        // MARK: Create Term Definition (§4.2.2)

        mutating func createTermDefinition(
            _ term: String, in active: inout ActiveContext, scope: Scope, defined: inout [String: Bool]
        ) throws(JSONLDError) {
            let local = scope.local
            // 1.
            if let state = defined[term] {
                if state { return }
                throw JSONLDError(.cyclicIRIMapping, "term \(term) is defined through itself")
            }
            // 2.
            if term.isEmpty { throw JSONLDError(.invalidTermDefinition, "the empty string cannot be a term") }
            defined[term] = false
            // 3.
            var value = local[term] ?? .null
            let mode = active.processingMode
            // 4.
            if term == "@type" {
                if mode == .jsonLD10 {
                    throw JSONLDError(.keywordRedefinition, "@type cannot be redefined in json-ld-1.0 mode")
                }
                guard case .object(let o) = value, !o.isEmpty else {
                    throw JSONLDError(.keywordRedefinition, "@type may only be given @container @set and @protected")
                }
                for (k, v) in o {
                    switch k {
                    case "@container" where v == .string("@set"): continue
                    case "@protected": continue
                    default: throw JSONLDError(.keywordRedefinition, "@type may only be given @container @set and @protected")
                    }
                }
            } else if Keyword.isKeyword(term) {
                // 5.
                throw JSONLDError(.keywordRedefinition, "keyword \(term) cannot be redefined")
            } else if Keyword.hasKeywordForm(term) {
                defined[term] = true
                return
            }
            // 6.
            let previous = active.terms.removeValue(forKey: term)
            // 7-9.
            var simpleTerm = false
            let object: JSONObject
            switch value {
            case .null: object = ["@id": .null]
            case .string: object = ["@id": value]; simpleTerm = true
            case .object(let o): object = o
            default:
                throw JSONLDError(.invalidTermDefinition, "definition of \(term) must be a string, an object or null, found \(value.typeName)")
            }
            value = .object(object)
            // 10.
            var definition = TermDefinition(iri: nil)
            definition.protected = scope.protected
            // 11.
            if let p = object["@protected"] {
                if mode == .jsonLD10 {
                    throw JSONLDError(.invalidTermDefinition, "@protected in json-ld-1.0 mode (term \(term))")
                }
                guard case .bool(let b) = p else {
                    throw JSONLDError(.invalidProtectedValue, "@protected of \(term) must be true or false")
                }
                definition.protected = b
            }
            // 12. @type
            if let typeValue = object["@type"] {
                guard case .string(let type) = typeValue else {
                    throw JSONLDError(.invalidTypeMapping, "@type of \(term) must be a string, found \(typeValue.typeName)")
                }
                let expanded = try expandIRI(
                    type, in: &active, documentRelative: false, vocab: true, scope: scope, defined: &defined)
                guard let expanded else {
                    throw JSONLDError(.invalidTypeMapping, "@type \(type) of \(term) does not expand to an IRI")
                }
                if (expanded == "@json" || expanded == "@none") && mode == .jsonLD10 {
                    throw JSONLDError(.invalidTypeMapping, "@type \(expanded) of \(term) in json-ld-1.0 mode")
                }
                switch expanded {
                case "@id", "@json", "@none", "@vocab": break
                default:
                    guard IRIReference.isAbsolute(expanded) else {
                        throw JSONLDError(.invalidTypeMapping, "@type \(type) of \(term) is not an IRI")
                    }
                }
                definition.typeMapping = expanded
            }
            // 13. @reverse
            if let reverseValue = object["@reverse"] {
                if object["@id"] != nil || object["@nest"] != nil {
                    throw JSONLDError(.invalidReverseProperty, "\(term) has @reverse together with @id or @nest")
                }
                guard case .string(let reverse) = reverseValue else {
                    throw JSONLDError(.invalidIRIMapping, "@reverse of \(term) must be a string")
                }
                if Keyword.hasKeywordForm(reverse) {
                    defined[term] = true
                    return
                }
                let expanded = try expandIRI(
                    reverse, in: &active, documentRelative: false, vocab: true, scope: scope, defined: &defined)
                guard let expanded, IRIReference.isAbsolute(expanded) || IRIReference.isBlankNode(expanded) else {
                    throw JSONLDError(.invalidIRIMapping, "@reverse \(reverse) of \(term) is not an IRI or blank node")
                }
                definition.iri = expanded
                if let container = object["@container"] {
                    switch container {
                    case .string("@set"), .string("@index"): definition.container = [container.stringValue ?? ""]
                    case .null: break
                    default:
                        throw JSONLDError(.invalidReverseProperty, "reverse property \(term) container must be @set or @index")
                    }
                }
                definition.reverse = true
                if let indexValue = object["@index"] {
                    try applyIndex(indexValue, to: &definition, term: term, in: &active, scope: scope, defined: &defined)
                }
                try finish(term, definition, previous: previous, in: &active, defined: &defined, overrideProtected: scope.overrideProtected)
                return
            }
            // 14. @id
            if let idValue = object["@id"], idValue != .string(term) {
                switch idValue {
                case .null:
                    break  // 14.1: not used for IRI expansion
                case .string(let id):
                    if !Keyword.isKeyword(id) && Keyword.hasKeywordForm(id) {
                        defined[term] = true
                        return
                    }
                    let expanded = try expandIRI(
                        id, in: &active, documentRelative: false, vocab: true, scope: scope, defined: &defined)
                    guard let expanded,
                        Keyword.isKeyword(expanded) || IRIReference.isAbsolute(expanded) || IRIReference.isBlankNode(expanded)
                    else {
                        throw JSONLDError(.invalidIRIMapping, "@id \(id) of \(term) is not an IRI, blank node or keyword")
                    }
                    if expanded == "@context" {
                        throw JSONLDError(.invalidKeywordAlias, "\(term) cannot alias @context")
                    }
                    definition.iri = expanded
                    // 14.2.4
                    if termHasInnerColonOrSlash(term) {
                        defined[term] = true
                        let termIRI = try expandIRI(
                            term, in: &active, documentRelative: false, vocab: true, scope: scope, defined: &defined)
                        guard termIRI == expanded else {
                            throw JSONLDError(.invalidIRIMapping, "\(term) looks like an IRI but maps to \(expanded)")
                        }
                    }
                    // 14.2.5
                    if !term.utf8.contains(UInt8(ascii: ":")) && !term.utf8.contains(UInt8(ascii: "/")) && simpleTerm
                        && (endsWithGenDelim(expanded) || IRIReference.isBlankNode(expanded))
                    {
                        definition.prefix = true
                    }
                default:
                    throw JSONLDError(.invalidIRIMapping, "@id of \(term) must be a string or null, found \(idValue.typeName)")
                }
            } else if let colon = firstColonAfterStart(term) {
                // 15. compact IRI, IRI or blank node
                let prefix = String(term[..<colon])
                let suffix = term[term.index(after: colon)...]
                if local[prefix] != nil {
                    try createTermDefinition(prefix, in: &active, scope: scope, defined: &defined)
                }
                if let prefixDefinition = active.terms[prefix], let prefixIRI = prefixDefinition.iri {
                    definition.iri = prefixIRI + suffix
                } else {
                    definition.iri = term
                }
            } else if term.utf8.contains(UInt8(ascii: "/")) {
                // 16. relative IRI reference (expanded without re-entering its own definition)
                let expanded = try expandIRI(
                    term, in: &active, documentRelative: false, vocab: true, scope: nil, defined: &defined)
                guard let expanded, IRIReference.isAbsolute(expanded) else {
                    throw JSONLDError(.invalidIRIMapping, "\(term) does not expand to an IRI")
                }
                definition.iri = expanded
            } else if term == "@type" {
                // 17.
                definition.iri = "@type"
            } else if let vocab = active.vocabularyMapping {
                // 18.
                definition.iri = vocab + term
            } else {
                throw JSONLDError(.invalidIRIMapping, "\(term) has no IRI mapping and there is no @vocab")
            }
            // 19. @container
            if let containerValue = object["@container"] {
                let container = try validateContainer(containerValue, term: term, mode: mode)
                definition.container = container
                if container.contains("@type") {
                    if definition.typeMapping == nil { definition.typeMapping = "@id" }
                    guard definition.typeMapping == "@id" || definition.typeMapping == "@vocab" else {
                        throw JSONLDError(.invalidTypeMapping, "\(term) with @container @type needs @type @id or @vocab")
                    }
                }
            }
            // 20. @index
            if let indexValue = object["@index"] {
                try applyIndex(indexValue, to: &definition, term: term, in: &active, scope: scope, defined: &defined)
            }
            // 21. @context
            if let scoped = object["@context"] {
                if mode == .jsonLD10 {
                    throw JSONLDError(.invalidTermDefinition, "scoped context on \(term) in json-ld-1.0 mode")
                }
                do {
                    _ = try process(
                        active: active, local: scoped, baseURL: scope.baseURL, remoteContexts: scope.remoteContexts,
                        overrideProtected: true, propagate: true, validateScopedContext: false)
                } catch {
                    throw JSONLDError(.invalidScopedContext, "scoped context of \(term): \(error)")
                }
                definition.context = scoped
                definition.hasContext = true
                definition.contextID = ActiveContext.nextID()
                definition.baseURL = scope.baseURL
            }
            // 22. @language
            if let languageValue = object["@language"], object["@type"] == nil {
                switch languageValue {
                case .null: definition.language = .some(nil)
                case .string(let l): definition.language = .some(l)
                default:
                    throw JSONLDError(.invalidLanguageMapping, "@language of \(term) must be a string or null")
                }
            }
            // 23. @direction
            if let directionValue = object["@direction"], object["@type"] == nil {
                switch directionValue {
                case .null: definition.direction = .some(nil)
                case .string(let d) where d == "ltr" || d == "rtl": definition.direction = .some(d)
                default:
                    throw JSONLDError(.invalidBaseDirection, "@direction of \(term) must be \"ltr\", \"rtl\" or null")
                }
            }
            // 24. @nest
            if let nestValue = object["@nest"] {
                if mode == .jsonLD10 {
                    throw JSONLDError(.invalidTermDefinition, "@nest on \(term) in json-ld-1.0 mode")
                }
                guard case .string(let nest) = nestValue, nest == "@nest" || !Keyword.isKeyword(nest) else {
                    throw JSONLDError(.invalidNestValue, "@nest of \(term) must be a term or @nest")
                }
                definition.nest = nest
            }
            // 25. @prefix
            if let prefixValue = object["@prefix"] {
                if mode == .jsonLD10 || term.utf8.contains(UInt8(ascii: ":")) || term.utf8.contains(UInt8(ascii: "/")) {
                    throw JSONLDError(.invalidTermDefinition, "@prefix is not allowed on \(term)")
                }
                guard case .bool(let b) = prefixValue else {
                    throw JSONLDError(.invalidPrefixValue, "@prefix of \(term) must be true or false")
                }
                definition.prefix = b
                if b, let iri = definition.iri, Keyword.isKeyword(iri) {
                    throw JSONLDError(.invalidTermDefinition, "keyword alias \(term) cannot be a prefix")
                }
            }
            // 26.
            for key in object.keys {
                switch key {
                case "@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest",
                    "@prefix", "@protected", "@type":
                    continue
                default:
                    throw JSONLDError(.invalidTermDefinition, "\(term) has an unknown entry \(key)")
                }
            }
            try finish(term, definition, previous: previous, in: &active, defined: &defined, overrideProtected: scope.overrideProtected)
        }

        /// Step 20: a property-valued index (`@index` with `@container: @index`).
        mutating func applyIndex(
            _ indexValue: JSONValue, to definition: inout TermDefinition, term: String, in active: inout ActiveContext,
            scope: Scope, defined: inout [String: Bool]
        ) throws(JSONLDError) {
            guard active.processingMode != .jsonLD10, definition.container.contains("@index") else {
                throw JSONLDError(.invalidTermDefinition, "\(term) has @index without @container @index")
            }
            guard case .string(let index) = indexValue, !Keyword.isKeyword(index) else {
                throw JSONLDError(.invalidTermDefinition, "@index of \(term) must be a property name")
            }
            let expanded = try expandIRI(
                index, in: &active, documentRelative: false, vocab: true, scope: scope, defined: &defined)
            guard let expanded, IRIReference.isAbsolute(expanded) else {
                throw JSONLDError(.invalidTermDefinition, "@index \(index) of \(term) does not expand to an IRI")
            }
            definition.index = index
        }

        /// Steps 27-28: protected-term check, then store the definition.
        func finish(
            _ term: String, _ definition: TermDefinition, previous: TermDefinition?, in active: inout ActiveContext,
            defined: inout [String: Bool], overrideProtected: Bool
        ) throws(JSONLDError) {
            var definition = definition
            if !overrideProtected, let previous, previous.protected {
                guard definition.sameDefinition(as: previous) else {
                    throw JSONLDError(.protectedTermRedefinition, "protected term \(term) cannot be redefined")
                }
                definition = previous
            }
            active.terms[term] = definition
            defined[term] = true
        }

        func validateContainer(_ value: JSONValue, term: String, mode: ProcessingMode) throws(JSONLDError) -> Set<String> {
            let allowed: Set<String> = ["@graph", "@id", "@index", "@language", "@list", "@set", "@type"]
            let invalid = JSONLDError(.invalidContainerMapping, "invalid @container of \(term): \(value.jsonText)")
            var items: [String] = []
            switch value {
            case .string(let s):
                if mode == .jsonLD10 && (s == "@graph" || s == "@id" || s == "@type") { throw invalid }
                items = [s]
            case .array(let array):
                if mode == .jsonLD10 { throw invalid }
                for element in array {
                    guard case .string(let s) = element else { throw invalid }
                    items.append(s)
                }
            default:
                throw invalid
            }
            let set = Set(items)
            guard set.count == items.count, set.isSubset(of: allowed) else { throw invalid }
            if set.count <= 1 { return set }
            if set.contains("@list") { throw invalid }
            if set.contains("@graph") {
                // @graph with @id or @index, optionally @set.
                let rest = set.subtracting(["@graph", "@set"])
                guard rest.isEmpty || rest == ["@id"] || rest == ["@index"] else { throw invalid }
                return set
            }
            // @set with any one of the others.
            guard set.contains("@set"), set.count == 2 else { throw invalid }
            return set
        }

        // MARK: IRI Expansion during definition (§5.2.2 with a local context)

        mutating func expandIRI(
            _ value: String, in active: inout ActiveContext, documentRelative: Bool, vocab: Bool,
            scope: Scope?, defined: inout [String: Bool]
        ) throws(JSONLDError) -> String? {
            // 1-2.
            if Keyword.isKeyword(value) { return value }
            if Keyword.hasKeywordForm(value) { return nil }
            // 3.
            if let scope, scope.local[value] != nil, defined[value] != true {
                try createTermDefinition(value, in: &active, scope: scope, defined: &defined)
            }
            // 4-5.
            if let definition = active.terms[value] {
                if let iri = definition.iri, Keyword.isKeyword(iri) { return iri }
                if vocab { return definition.iri }
            }
            // 6.
            if let colon = firstColonAfterStart(value) {
                let prefix = String(value[..<colon])
                let suffix = value[value.index(after: colon)...]
                if prefix == "_" || suffix.hasPrefix("//") { return value }
                if let scope, scope.local[prefix] != nil, defined[prefix] != true {
                    try createTermDefinition(prefix, in: &active, scope: scope, defined: &defined)
                }
                if let definition = active.terms[prefix], let iri = definition.iri, definition.prefix {
                    return iri + suffix
                }
                if IRIReference.isAbsolute(value) { return value }
            }
            // 7-9.
            if vocab, let mapping = active.vocabularyMapping { return mapping + value }
            if documentRelative { return IRIReference.resolve(value, against: active.baseIRI) }
            return value
        }
    }
}

/// Whether a term contains `:` other than as its first or last character, or any `/`.
func termHasInnerColonOrSlash(_ term: String) -> Bool {
    let bytes = Array(term.utf8)
    if bytes.contains(UInt8(ascii: "/")) { return true }
    guard bytes.count > 2 else { return false }
    return bytes[1..<(bytes.count - 1)].contains(UInt8(ascii: ":"))
}

/// The index of the first `:` after the first character, if any.
func firstColonAfterStart(_ s: String) -> String.Index? {
    guard let colon = s.utf8.firstIndex(of: UInt8(ascii: ":")), colon != s.startIndex else { return nil }
    return colon
}

/// Whether an IRI ends with a gen-delim character (`: / ? # [ ] @`).
func endsWithGenDelim(_ iri: String) -> Bool {
    switch iri.utf8.last {
    case UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "["),
        UInt8(ascii: "]"), UInt8(ascii: "@"):
        return true
    default: return false
    }
}
