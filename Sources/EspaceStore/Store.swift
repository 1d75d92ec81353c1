import Foundation
import Logging
import SQLiteKit

/// The store every Espace service keeps its state in: one SQL database behind SQLKit's
/// `SQLDatabase`, so a service writes its queries once. SQLite (a file, or memory for tests)
/// is the default; the interface is the one PostgreSQL (postgres-kit) plugs into for a
/// participant running several replicas.
///
/// Services declare their tables as `StoreMigration`s, applied once each, in order, and
/// recorded in `espace_migrations`.
public final class Store: Sendable {
    /// The database to run queries on (SQLKit's query builders or raw SQL).
    public let database: any SQLDatabase
    /// Where the data lives, for logs: a file path, or `:memory:`.
    public let location: String
    private let connection: SQLiteConnection

    private init(connection: SQLiteConnection, location: String) {
        self.connection = connection
        self.database = connection.sql()
        self.location = location
    }

    /// Opens (creating if needed) the SQLite database at `path`, or an in-memory one when
    /// `path` is nil. Foreign keys are enforced and writes go through SQLite's write-ahead log.
    public static func sqlite(path: String?, logger: Logger = Logger(label: "espace.store")) async throws(StoreError)
        -> Store
    {
        let store: Store
        do {
            let connection = try await SQLiteConnection.open(
                storage: path.map { .file(path: $0) } ?? .memory, logger: logger)
            store = Store(connection: connection, location: path ?? ":memory:")
        } catch {
            throw StoreError("cannot open the SQLite database at \(path ?? ":memory:"): \(error)")
        }
        try await store.execute("PRAGMA foreign_keys = ON")
        if path != nil { try await store.execute("PRAGMA journal_mode = WAL") }
        return store
    }

    /// Applies the migrations not applied yet, in order; each is recorded by name.
    public func migrate(_ migrations: [StoreMigration]) async throws(StoreError) {
        try await execute(
            "CREATE TABLE IF NOT EXISTS espace_migrations (name TEXT PRIMARY KEY NOT NULL, applied_at INTEGER NOT NULL)")
        let applied: Set<String>
        do {
            let rows = try await database.select().column("name").from("espace_migrations").all()
            applied = Set(try rows.map { try $0.decode(column: "name", as: String.self) })
        } catch {
            throw StoreError("cannot read the applied migrations: \(error)")
        }
        for migration in migrations where !applied.contains(migration.name) {
            do {
                try await migration.apply(database)
                try await database.insert(into: "espace_migrations")
                    .columns("name", "applied_at")
                    .values(SQLBind(migration.name), SQLBind(Int(Date().timeIntervalSince1970)))
                    .run()
            } catch {
                throw StoreError("the migration \(migration.name) failed: \(error)")
            }
        }
    }

    /// Runs one SQL statement that returns no rows.
    public func execute(_ statement: String) async throws(StoreError) {
        do {
            try await database.raw(SQLQueryString(statement)).run()
        } catch {
            throw StoreError("\(statement): \(error)")
        }
    }

    /// Closes the connection; the store must not be used afterwards.
    public func close() async {
        try? await connection.close()
    }
}

/// One step of a service's schema, applied once.
public struct StoreMigration: Sendable {
    /// A unique, stable name (`clearing-house-1-trust-anchors`).
    public let name: String
    public let apply: @Sendable (any SQLDatabase) async throws -> Void

    public init(_ name: String, apply: @escaping @Sendable (any SQLDatabase) async throws -> Void) {
        self.name = name
        self.apply = apply
    }

    /// A migration made of SQL statements run in order.
    public init(_ name: String, statements: [String]) {
        self.init(name) { database in
            for statement in statements { try await database.raw(SQLQueryString(statement)).run() }
        }
    }
}

/// What went wrong with the store: the statement or step, and the database's error.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
