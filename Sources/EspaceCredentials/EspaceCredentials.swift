/// W3C Verifiable Credentials and Presentations (data models 1.1 and 2.0), their proofs
/// (VC-JOSE-COSE, VC-JWT 1.1, Data Integrity), status lists, and the verifier that checks
/// them. Layer 2, above the JSON-LD core and EspaceIdentity; does no I/O of its own.
public enum EspaceCredentials {}
