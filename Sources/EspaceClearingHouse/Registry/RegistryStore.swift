import Crypto
import EspaceIdentity
import EspaceStore
import Foundation
import X509

/// A trust anchor the registry holds: a root (or intermediate) CA certificate.
public struct TrustAnchorRecord: Sendable, Equatable {
    /// SHA-256 of the certificate's DER, lowercase hex: the anchor's identifier.
    public let id: String
    public let subject: String
    /// End of validity, seconds since 1970.
    public let notAfter: Double
    public let pem: String
    /// When the operator added it, seconds since 1970.
    public let addedAt: Double
}

/// The role a trusted issuer plays in the data space.
public enum TrustedIssuerRole: String, Sendable, CaseIterable {
    /// Issues registration-number credentials.
    case notary
    /// Issues compliance (label) credentials.
    case clearingHouse = "clearing-house"
}

/// The registry's state in the shared store: trust anchors and trusted issuers.
public struct RegistryStore: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// The registry's tables.
    public static let migrations: [StoreMigration] = [
        StoreMigration(
            "registry-1-trust-anchors",
            statements: [
                """
                CREATE TABLE registry_trust_anchors (id TEXT PRIMARY KEY NOT NULL, subject TEXT NOT NULL,
                  not_after REAL NOT NULL, pem TEXT NOT NULL, added_at REAL NOT NULL)
                """,
                """
                CREATE TABLE registry_trusted_issuers (role TEXT NOT NULL, did TEXT NOT NULL, added_at REAL NOT NULL,
                  PRIMARY KEY (role, did))
                """,
            ]),
    ]

    /// Adds the certificate(s) of a PEM text as trust anchors (an anchor already present is
    /// kept as it is); returns the records.
    public func addTrustAnchors(pem: String, now: Date) async throws -> [TrustAnchorRecord] {
        let chain: CertificateChain
        do {
            chain = try CertificateChain(pem: pem)
        } catch {
            throw RegistryError(.badRequest, "the trust anchor is not a PEM certificate: \(error.message)")
        }
        var records: [TrustAnchorRecord] = []
        for certificate in chain.certificates {
            let record = try Self.record(certificate, addedAt: now.timeIntervalSince1970)
            try await store.database.raw(
                """
                INSERT INTO registry_trust_anchors (id, subject, not_after, pem, added_at)
                VALUES (\(bind: record.id), \(bind: record.subject), \(bind: record.notAfter), \(bind: record.pem), \(bind: record.addedAt))
                ON CONFLICT (id) DO NOTHING
                """
            ).run()
            records.append(record)
        }
        return records
    }

    /// Removes an anchor; false if there was none with that id.
    public func removeTrustAnchor(id: String) async throws -> Bool {
        let exists = try await trustAnchors().contains { $0.id == id }
        guard exists else { return false }
        try await store.database.delete(from: "registry_trust_anchors").where("id", .equal, id).run()
        return true
    }

    /// Every anchor, oldest first.
    public func trustAnchors() async throws -> [TrustAnchorRecord] {
        let rows = try await store.database.select().columns("id", "subject", "not_after", "pem", "added_at")
            .from("registry_trust_anchors").orderBy("added_at").orderBy("id").all()
        return try rows.map { row in
            TrustAnchorRecord(
                id: try row.decode(column: "id", as: String.self), subject: try row.decode(column: "subject", as: String.self),
                notAfter: try row.decode(column: "not_after", as: Double.self), pem: try row.decode(column: "pem", as: String.self),
                addedAt: try row.decode(column: "added_at", as: Double.self))
        }
    }

    /// Trusts `did` in `role` (idempotent).
    public func addTrustedIssuer(_ did: String, role: TrustedIssuerRole, now: Date) async throws {
        guard did.hasPrefix("did:"), did.count <= 2_048 else { throw RegistryError(.badRequest, "\"\(did)\" is not a DID") }
        try await store.database.raw(
            """
            INSERT INTO registry_trusted_issuers (role, did, added_at) VALUES (\(bind: role.rawValue), \(bind: did), \(bind: now.timeIntervalSince1970))
            ON CONFLICT (role, did) DO NOTHING
            """
        ).run()
    }

    /// Stops trusting `did` in `role`; false if it was not trusted.
    public func removeTrustedIssuer(_ did: String, role: TrustedIssuerRole) async throws -> Bool {
        guard try await trustedIssuers(role).contains(did) else { return false }
        try await store.database.delete(from: "registry_trusted_issuers").where("role", .equal, role.rawValue)
            .where("did", .equal, did).run()
        return true
    }

    /// The DIDs trusted in `role`, in the order they were added.
    public func trustedIssuers(_ role: TrustedIssuerRole) async throws -> [String] {
        let rows = try await store.database.select().column("did").from("registry_trusted_issuers")
            .where("role", .equal, role.rawValue).orderBy("added_at").orderBy("did").all()
        return try rows.map { try $0.decode(column: "did", as: String.self) }
    }

    static func record(_ certificate: Certificate, addedAt: Double) throws -> TrustAnchorRecord {
        let chain = try CertificateChain([certificate])
        let pem = try chain.pem()
        let der = try chain.x5c()[0]
        let digest = SHA256.hash(data: Data(base64Encoded: der) ?? Data())
        return TrustAnchorRecord(
            id: Hex.encode(Array(digest)), subject: certificate.subject.description,
            notAfter: certificate.notValidAfter.timeIntervalSince1970, pem: pem, addedAt: addedAt)
    }
}
