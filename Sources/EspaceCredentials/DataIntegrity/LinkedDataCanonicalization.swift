import EspaceJSON
import EspaceJSONLD
import EspaceRDFCanon
import EspaceIdentity
import Crypto

/// The RDF canonical form (RDFC-1.0, formerly URDNA2015) of a JSON-LD document, as the
/// Data Integrity and JsonWebSignature2020 proofs hash it.
///
/// Contexts come only from the injected loader: by default the contexts compiled into
/// Espace, never the network.
public struct LinkedDataCanonicalization: Sendable {
    /// Loads the contexts the documents name.
    public var documentLoader: any DocumentLoader
    /// Bounds on the canonicalization work (poison graphs fail fast).
    public var canonicalizer: RDFCanonicalizer
    /// JSON-LD safe mode (on by default, as Data Integrity asks): a term no context defines
    /// is an error instead of a claim silently left out of what the signature covers.
    public var safeMode: Bool = true
    /// Processed contexts shared by every document this value canonicalizes.
    public let contextCache = ProcessedContextCache()

    /// Canonicalization with contexts from `documentLoader` (the bundled ones by default).
    public init(
        documentLoader: any DocumentLoader = LocalDocumentLoader(), canonicalizer: RDFCanonicalizer = RDFCanonicalizer()
    ) {
        self.documentLoader = documentLoader
        self.canonicalizer = canonicalizer
    }

    /// The canonical N-Quads of `document`; `what` names the document in error messages.
    public func canonicalNQuads(_ document: JSONValue, what: String) throws(IdentityError) -> String {
        var options = JSONLDOptions()
        options.documentLoader = documentLoader
        options.base = nil
        options.safeMode = safeMode
        options.contextCache = contextCache
        do {
            let dataset = try JSONLD.toRDF(document, options: options)
            return try canonicalizer.canonicalize(dataset).nquads
        } catch let error as JSONLDError {
            throw IdentityError("\(what) cannot be converted to RDF: \(error)")
        } catch {
            throw IdentityError("\(what) cannot be canonicalized: \(error)", reason: .limitExceeded)
        }
    }

    /// SHA-256 of the canonical N-Quads of `document`.
    public func hash(_ document: JSONValue, what: String) throws(IdentityError) -> [UInt8] {
        Array(SHA256.hash(data: Array(try canonicalNQuads(document, what: what).utf8)))
    }
}
