import EspaceStore
import Foundation
import Testing

@Suite("The SQL store")
struct StoreTests {
    static let notes = StoreMigration(
        "test-1-notes", statements: ["CREATE TABLE notes (id TEXT PRIMARY KEY NOT NULL, body TEXT NOT NULL)"])

    @Test("migrations run once, in order, and are recorded")
    func migrations() async throws {
        let store = try await Store.sqlite(path: nil)
        let add = StoreMigration("test-2-index", statements: ["CREATE INDEX notes_body ON notes (body)"])
        try await store.migrate([Self.notes, add])
        try await store.migrate([Self.notes, add])  // again: nothing to do, no error
        let rows = try await store.database.select().column("name").from("espace_migrations").orderBy("name").all()
        #expect(try rows.map { try $0.decode(column: "name", as: String.self) } == ["test-1-notes", "test-2-index"])
        await store.close()
    }

    @Test("data survives reopening a file database")
    func persistence() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("espace-store-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try await Store.sqlite(path: path)
        try await first.migrate([Self.notes])
        try await first.database.insert(into: "notes").columns("id", "body").values(SQLBind("a"), SQLBind("kept")).run()
        await first.close()
        let second = try await Store.sqlite(path: path)
        try await second.migrate([Self.notes])
        let body = try await second.database.select().column("body").from("notes").where("id", .equal, "a").first()?
            .decode(column: "body", as: String.self)
        #expect(body == "kept")
        await second.close()
    }

    @Test("a failing migration is reported by name and not recorded")
    func failingMigration() async throws {
        let store = try await Store.sqlite(path: nil)
        let broken = StoreMigration("test-broken", statements: ["CREATE TABLE (nonsense"])
        await #expect {
            try await store.migrate([broken])
        } throws: { error in
            (error as? StoreError)?.message.contains("test-broken") == true
        }
        let rows = try await store.database.select().column("name").from("espace_migrations").all()
        #expect(rows.isEmpty)
        await store.close()
    }

    @Test("an unopenable path is a clear error")
    func badPath() async {
        await #expect {
            _ = try await Store.sqlite(path: "/nonexistent-dir/espace.sqlite")
        } throws: { error in
            (error as? StoreError)?.message.contains("/nonexistent-dir/espace.sqlite") == true
        }
    }
}
