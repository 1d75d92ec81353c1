import EspaceJSON
import EspaceRDF

/// The JSON-LD 1.1 API: expansion, compaction, flattening and RDF conversion.
///
/// Every operation is pure: remote documents come only through
/// `JSONLDOptions.documentLoader`, and errors are `JSONLDError` with the spec's codes.
public enum JSONLD {}
