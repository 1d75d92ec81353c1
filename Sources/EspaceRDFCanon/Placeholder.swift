/// RDF Dataset Canonicalization (RDFC-1.0).
public enum RDFCanonPlaceholder {}
