import EspaceStore
import Foundation

/// The compliance credentials a clearing house issued, in the shared store.
public struct ComplianceLog: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public static let migrations: [StoreMigration] = [
        StoreMigration(
            "compliance-1-issued",
            statements: [
                """
                CREATE TABLE compliance_issued (vc_id TEXT NOT NULL, participant TEXT NOT NULL, level TEXT NOT NULL,
                  jwt TEXT NOT NULL, issued_at REAL NOT NULL)
                """,
                "CREATE INDEX compliance_issued_participant ON compliance_issued (participant)",
            ]),
    ]

    public func record(_ issued: ComplianceService.Issued, level: ComplianceService.Level, vcid: String, now: Date) async throws {
        try await store.database.insert(into: "compliance_issued")
            .columns("vc_id", "participant", "level", "jwt", "issued_at")
            .values(
                SQLBind(vcid), SQLBind(issued.participant), SQLBind(level.rawValue), SQLBind(issued.jwt),
                SQLBind(now.timeIntervalSince1970)
            )
            .run()
    }

    /// The compliance credentials issued to `participant`, oldest first.
    public func issued(to participant: String) async throws -> [String] {
        let rows = try await store.database.select().column("jwt").from("compliance_issued")
            .where("participant", .equal, participant).orderBy("issued_at").all()
        return try rows.map { try $0.decode(column: "jwt", as: String.self) }
    }
}
