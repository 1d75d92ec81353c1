import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Foundation
import Testing

/// Serves the test suite's status list credentials by URL and counts fetches.
actor FixtureListSource: StatusListCredentialSource {
    static let prefix = "https://w3c-ccg.github.io/vc-api/fixtures/credentials/status/"
    private(set) var fetches: [String] = []
    var extra: [String: JSONObject] = [:]

    func add(_ url: String, _ json: JSONObject) { extra[url] = json }

    func statusListCredential(at url: String) async throws(IdentityError) -> JSONObject {
        fetches.append(url)
        if let json = extra[url] { return json }
        guard url.hasPrefix(Self.prefix) else { throw IdentityError("\(url) is unknown", reason: .resolutionFailed) }
        let name = String(url.dropFirst(Self.prefix.count).dropLast(".jsonld".count))
        let dir = "protocols/bitstring-status-list/test-suite-pr38/fixtures/status-credentials/"
        func load(_ file: String) throws(IdentityError) -> JSONObject {
            do { return try Fixture.json(dir + file + ".jsonld") } catch {
                throw IdentityError("cannot read \(file): \(error)", reason: .resolutionFailed)
            }
        }
        var json: JSONObject
        switch name {
        case "purpose-single-ok": json = try load("single-purpose-ok")
        case "purpose-multi-ok": json = try load("multi-purpose-ok")
        case "encoded-list-short-fail": json = try load("short-encoded-list-fail")
        case "date-expired-fail":
            json = try load("single-purpose-ok")
            json["validUntil"] = "2020-01-01T00:00:00Z"
        case "encoded-list-invalid-fail":
            json = try load("single-purpose-ok")
            var subject = json["credentialSubject"]?.objectValue ?? [:]
            subject["encodedList"] = "uH4sI-not-a-list"
            json["credentialSubject"] = .object(subject)
        case "vc-type-missing-fail":
            json = try load("single-purpose-ok")
            json["type"] = ["VerifiableCredential"]
        case "vc-type-wrong-fail":
            json = try load("single-purpose-ok")
            json["type"] = ["VerifiableCredential", "RevocationList2020Credential"]
        case "purpose-single-fail": json = try load("single-purpose-fail")
        default: throw IdentityError("\(url) is unknown", reason: .resolutionFailed)
        }
        return json
    }
}

/// The status checker over the test suite's fixtures (credentials named ok/fail).
@Suite("Status list checker")
struct StatusListCheckerTests {
    static let fixtures = "protocols/bitstring-status-list/test-suite-pr38/fixtures/"

    static func outcome(_ name: String, checker: StatusListChecker) async throws -> IdentityError.Reason? {
        let credential = try Fixture.json(fixtures + name + ".jsonld")
        do {
            let values = try await checker.requireActive(credential, now: Fixture.now)
            #expect(values == [.ok])
            return nil
        } catch {
            return error.reason
        }
    }

    @Test(arguments: [
        ("sl-purpose-single-ok", nil), ("sl-purpose-multi-ok", nil), ("should-be-revoked", .revoked),
        ("should-be-suspended", .revoked), ("sl-date-expired-fail", .expired), ("sl-encoded-list-invalid-fail", .malformed),
        ("sl-encoded-list-short-fail", .malformed), ("sl-vc-type-missing-fail", .malformed),
        ("sl-vc-type-wrong-fail", .malformed),
    ] as [(String, IdentityError.Reason?)])
    func testSuiteFixtures(_ name: String, _ expected: IdentityError.Reason?) async throws {
        let checker = StatusListChecker(source: FixtureListSource())
        #expect(try await Self.outcome(name, checker: checker) == expected)
    }

    @Test func statusValuesAreReported() async throws {
        let checker = StatusListChecker(source: FixtureListSource())
        let url = FixtureListSource.prefix + "purpose-multi-ok.jsonld"
        #expect(try await checker.status(of: StatusListEntry(statusPurpose: .suspension, statusListIndex: 201, statusListCredential: url), now: Fixture.now) == .suspended)
        #expect(try await checker.status(of: StatusListEntry(statusPurpose: .revocation, statusListIndex: 57_444, statusListCredential: url), now: Fixture.now) == .revoked)
        #expect(try await checker.status(of: StatusListEntry(statusPurpose: .revocation, statusListIndex: 202, statusListCredential: url), now: Fixture.now) == .ok)
    }

    @Test func purposeMustMatchTheList() async throws {
        let checker = StatusListChecker(source: FixtureListSource())
        let single = FixtureListSource.prefix + "purpose-single-ok.jsonld"
        let wrongPurpose = StatusListEntry(statusPurpose: .suspension, statusListIndex: 1, statusListCredential: single)
        await #expect(throws: IdentityError.self) { _ = try await checker.status(of: wrongPurpose, now: Fixture.now) }
        let fail = FixtureListSource.prefix + "purpose-single-fail.jsonld"
        let random = StatusListEntry(statusPurpose: .revocation, statusListIndex: 1, statusListCredential: fail)
        do {
            _ = try await checker.status(of: random, now: Fixture.now)
            Issue.record("a list of another purpose was accepted")
        } catch {
            #expect(error.reason == .malformed)
        }
    }

    @Test func indexOutOfRangeIsRejected() async throws {
        let checker = StatusListChecker(source: FixtureListSource())
        let entry = StatusListEntry(
            statusPurpose: .revocation, statusListIndex: 200_000,
            statusListCredential: FixtureListSource.prefix + "purpose-single-ok.jsonld")
        do {
            _ = try await checker.status(of: entry, now: Fixture.now)
            Issue.record("an index past the list was accepted")
        } catch {
            #expect(error.reason == .malformed)
        }
    }

    @Test func messageListsReturnValues() async throws {
        let source = FixtureListSource()
        var list = try StatusList(statusSize: 2)
        try list.setValue(2, at: 7)
        let url = "https://issuer.example/status/messages"
        await source.add(url, StatusListCredential.build(id: url, issuer: "did:web:i.example", purpose: .message, list: list))
        let checker = StatusListChecker(source: source)
        let entry = StatusListEntry(statusPurpose: .message, statusListIndex: 7, statusListCredential: url, statusSize: 2)
        #expect(try await checker.status(of: entry, now: Fixture.now) == .message(2))
        let other = StatusListEntry(statusPurpose: .message, statusListIndex: 8, statusListCredential: url, statusSize: 2)
        #expect(try await checker.status(of: other, now: Fixture.now) == .message(0))
    }

    @Test func fetchFailurePropagates() async throws {
        let checker = StatusListChecker(source: FixtureListSource())
        let entry = StatusListEntry(statusPurpose: .revocation, statusListIndex: 1, statusListCredential: "https://nowhere.example/list")
        do {
            _ = try await checker.status(of: entry, now: Fixture.now)
            Issue.record("an unknown list was accepted")
        } catch {
            #expect(error.reason == .resolutionFailed)
        }
    }

    @Test func cacheHonoursTTLAndValidUntil() async throws {
        let source = FixtureListSource()
        let checker = StatusListChecker(source: source, defaultTTL: 300)
        let url = FixtureListSource.prefix + "purpose-single-ok.jsonld"
        let entry = StatusListEntry(statusPurpose: .revocation, statusListIndex: 201, statusListCredential: url)
        _ = try await checker.status(of: entry, now: Fixture.now)
        _ = try await checker.status(of: entry, now: Fixture.now.addingTimeInterval(299))
        #expect(await source.fetches.count == 1)
        _ = try await checker.status(of: entry, now: Fixture.now.addingTimeInterval(301))
        #expect(await source.fetches.count == 2)

        // A list with ttl 10 s and validUntil one minute ahead.
        var list = try StatusList()
        try list.set(5)
        let ttlURL = "https://issuer.example/status/ttl"
        await source.add(ttlURL, StatusListCredential.build(
            id: ttlURL, issuer: "did:web:issuer.example", purpose: .revocation, list: list,
            validUntil: Fixture.now.addingTimeInterval(60), ttlMilliseconds: 10_000))
        let ttlEntry = StatusListEntry(statusPurpose: .revocation, statusListIndex: 5, statusListCredential: ttlURL)
        #expect(try await checker.status(of: ttlEntry, now: Fixture.now) == .revoked)
        #expect(try await checker.status(of: ttlEntry, now: Fixture.now.addingTimeInterval(9)) == .revoked)
        #expect(await source.fetches.count == 3)
        #expect(try await checker.status(of: ttlEntry, now: Fixture.now.addingTimeInterval(11)) == .revoked)
        #expect(await source.fetches.count == 4)
        do {
            _ = try await checker.status(of: ttlEntry, now: Fixture.now.addingTimeInterval(61))
            Issue.record("an expired list was used")
        } catch {
            #expect(error.reason == .expired)
        }
    }

    @Test func cacheIsBounded() async throws {
        let source = FixtureListSource()
        let checker = StatusListChecker(source: source, maxCacheEntries: 2)
        for name in ["purpose-single-ok", "purpose-multi-ok", "purpose-single-ok"] {
            let entry = StatusListEntry(
                statusPurpose: .revocation, statusListIndex: 1, statusListCredential: FixtureListSource.prefix + name + ".jsonld")
            _ = try await checker.status(of: entry, now: Fixture.now)
        }
        #expect(await checker.cachedCount == 2)
        #expect(await source.fetches.count == 2)
        var list = try StatusList()
        try list.set(1, false)
        let third = "https://issuer.example/status/3"
        await source.add(third, StatusListCredential.build(id: third, issuer: "did:web:i.example", purpose: .revocation, list: list))
        _ = try await checker.status(
            of: StatusListEntry(statusPurpose: .revocation, statusListIndex: 1, statusListCredential: third), now: Fixture.now)
        #expect(await checker.cachedCount == 2)
    }
}
