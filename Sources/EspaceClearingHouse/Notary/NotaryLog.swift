import EspaceStore
import Foundation

/// The notary's evidence in the shared store: every credential it issued, with the number,
/// how it was checked and when, so an issuance can be shown later (and audited).
public struct NotaryLog: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public static let migrations: [StoreMigration] = [
        StoreMigration(
            "notary-1-issued",
            statements: [
                """
                CREATE TABLE notary_issued (vc_id TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL,
                  subject_id TEXT NOT NULL, algorithm TEXT NOT NULL, check_digits_verified INTEGER NOT NULL,
                  registry TEXT, jwt TEXT NOT NULL, issued_at REAL NOT NULL)
                """,
                "CREATE INDEX notary_issued_vc_id ON notary_issued (vc_id)",
            ]),
    ]

    /// Records an issued credential.
    public func record(_ issued: Notary.Issued, request: NotaryRequest, now: Date) async throws {
        try await store.database.insert(into: "notary_issued")
            .columns("vc_id", "type", "value", "subject_id", "algorithm", "check_digits_verified", "registry", "jwt", "issued_at")
            .values(
                SQLBind(request.vcId), SQLBind(request.type.rawValue), SQLBind(issued.checked.number.value),
                SQLBind(request.subjectId), SQLBind(issued.checked.number.check.algorithm),
                SQLBind(issued.checked.number.check.checkDigitsVerified ? 1 : 0),
                SQLBind(issued.checked.online?.registry), SQLBind(issued.jwt), SQLBind(now.timeIntervalSince1970)
            )
            .run()
    }

    /// How many credentials were issued for `vcId`.
    public func count(vcId: String) async throws -> Int {
        let rows = try await store.database.select().column("vc_id").from("notary_issued").where("vc_id", .equal, vcId).all()
        return rows.count
    }
}
