import Crypto
import EspaceIdentity
import Foundation

/// The registry of a clearing house: the trust anchors certificate chains must end in, the
/// trusted notaries and clearing houses, the shapes credentials must conform to, and the
/// terms and conditions participants accept.
public struct Registry: Sendable {
    /// A named shapes graph (Turtle), as served by the shape registry.
    public struct Shapes: Sendable, Equatable {
        public var name: String
        public var turtle: String

        public init(name: String, turtle: String) {
            self.name = name
            self.turtle = turtle
        }
    }

    /// The terms and conditions text of a version.
    public struct TermsAndConditions: Sendable, Equatable {
        public var version: String
        public var text: String
        /// The hash participants state when it is a published constant (the Gaia-X terms'
        /// hashes are listed by the ontology and are not the hash of the published text).
        public var publishedHash: String?

        public init(version: String, text: String, hash: String? = nil) {
            self.version = version
            self.text = text
            self.publishedHash = hash
        }

        /// The hash participants state: the published one, else SHA-256 of the UTF-8 text,
        /// lowercase hex.
        public var hash: String { publishedHash ?? Hex.encode(SHA256.hash(data: Data(text.utf8))) }
    }

    public let store: RegistryStore
    /// Whether leaf certificates must carry the EV policy OID 2.23.140.1.1 (production registries).
    public var requireEV: Bool
    /// Fetches `x5u` chains for `POST /v2/api/trustAnchor/chain/file` (nil: that route answers 503).
    public var fetcher: X5UFetcher?
    public var shapes: [Shapes]
    public var termsAndConditions: TermsAndConditions?

    public init(
        store: RegistryStore, requireEV: Bool = false, fetcher: X5UFetcher? = nil, shapes: [Shapes] = [],
        termsAndConditions: TermsAndConditions? = nil
    ) {
        self.store = store
        self.requireEV = requireEV
        self.fetcher = fetcher
        self.shapes = shapes
        self.termsAndConditions = termsAndConditions
    }

    /// Validates `chain` (leaf first) to the current trust anchors at `now`.
    public func check(_ chain: CertificateChain, now: Date) async throws(RegistryError) -> ChainValidator.ValidatedChain {
        let anchors: TrustAnchors
        do {
            anchors = try TrustAnchors(pem: try await store.trustAnchors().map(\.pem))
        } catch let error as IdentityError {
            throw RegistryError(.unavailable, "the stored trust anchors cannot be read: \(error.message)")
        } catch {
            throw RegistryError(.unavailable, "the trust anchors cannot be read: \(error)")
        }
        guard !anchors.isEmpty else { throw RegistryError(.conflict, "the registry holds no trust anchor") }
        let options =
            requireEV
            ? ChainValidator.Options.gaiaXProduction(validationTime: now) : ChainValidator.Options(validationTime: now)
        do {
            return try await ChainValidator(anchors: anchors, options: options).validate(chain)
        } catch {
            throw RegistryError(.conflict, error.message)
        }
    }
}
