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
        StoreMigration(
            "compliance-2-status",
            statements: [
                """
                CREATE TABLE compliance_status (vc_id TEXT PRIMARY KEY NOT NULL, status_index INTEGER UNIQUE NOT NULL,
                  revoked_at REAL, reason TEXT)
                """
            ]),
    ]

    /// The status list index of `vcid`, allocated on first use (0, 1, 2…).
    public func statusIndex(for vcid: String) async throws -> Int {
        if let existing = try await index(of: vcid) { return existing }
        try await store.database.raw(
            """
            INSERT INTO compliance_status (vc_id, status_index)
            SELECT \(bind: vcid), COALESCE(MAX(status_index) + 1, 0) FROM compliance_status
            """
        ).run()
        guard let allocated = try await index(of: vcid) else {
            throw RegistryError(.unavailable, "no status index could be allocated for \(vcid)")
        }
        return allocated
    }

    func index(of vcid: String) async throws -> Int? {
        try await store.database.select().column("status_index").from("compliance_status").where("vc_id", .equal, vcid).first()?
            .decode(column: "status_index", as: Int.self)
    }

    /// Revokes the compliance credential `vcid`; false if this clearing house did not issue it.
    public func revoke(_ vcid: String, reason: String, now: Date) async throws -> Bool {
        guard try await index(of: vcid) != nil else { return false }
        try await store.database.update("compliance_status").set("revoked_at", to: now.timeIntervalSince1970)
            .set("reason", to: reason).where("vc_id", .equal, vcid).run()
        return true
    }

    /// The status list indexes of revoked credentials.
    public func revokedIndexes() async throws -> [Int] {
        let rows = try await store.database.select().column("status_index").from("compliance_status")
            .where("revoked_at", .isNot, SQLLiteral.null).all()
        return try rows.map { try $0.decode(column: "status_index", as: Int.self) }
    }

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
