import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Foundation
import Testing

/// Status list bitstrings and credentials against the Bitstring Status List fixtures.
@Suite("Status lists")
struct StatusListTests {
    static let fixtures = "protocols/bitstring-status-list/test-suite-pr38/fixtures/"
    static let examples = "protocols/bitstring-status-list/spec/examples-extracted/"

    static func encodedList(_ path: String) throws -> String {
        try #require(try Fixture.json(path)["credentialSubject"]?["encodedList"]?.stringValue)
    }

    /// The test-suite lists (plain base64url, no multibase prefix) have bits 201, 57444 and
    /// 94023 set.
    @Test(arguments: ["single-purpose-ok", "multi-purpose-ok", "single-purpose-fail", "multi-purpose-fail"])
    func testSuiteListsDecode(_ name: String) throws {
        let list = try StatusList.decode(try Self.encodedList(Self.fixtures + "status-credentials/\(name).jsonld"))
        #expect(list.entryCount == 200_000)
        #expect(try list.isSet(201))
        #expect(try list.isSet(57_444))
        #expect(try list.isSet(94_023))
        #expect(try !list.isSet(200))
        #expect(try !list.isSet(0))
        #expect(try !list.isSet(199_999))
        #expect(throws: IdentityError.self) { try list.isSet(200_000) }
    }

    /// The Recommendation's examples (multibase `u` prefix): 16 KiB, all clear.
    @Test(arguments: [
        "example-03-example-bitstringstatuslistcredential.json", "example-05-a-status-list-verifiable-credential.json",
    ])
    func specExamplesDecode(_ file: String) throws {
        let encoded = try Self.encodedList(Self.examples + file)
        #expect(encoded.hasPrefix("u"))
        let list = try StatusList.decode(encoded)
        #expect(list.entryCount == StatusList.minimumEntries)
        #expect(list.bytes.allSatisfy { $0 == 0 })
    }

    @Test func shortListIsRejected() throws {
        let encoded = try Self.encodedList(Self.fixtures + "status-credentials/short-encoded-list-fail.jsonld")
        do {
            _ = try StatusList.decode(encoded)
            Issue.record("a 25-byte list was accepted")
        } catch {
            #expect(error.reason == .malformed)
        }
        #expect(try StatusList.decode(encoded, minimumBytes: 0).entryCount == 200)
    }

    @Test func invalidEncodingIsRejected() throws {
        for bad in ["u!!!", "uAAAA", "H4sI", ""] {
            #expect(throws: IdentityError.self) { _ = try StatusList.decode(bad) }
        }
    }

    @Test(arguments: StatusListFormat.allCases)
    func roundTrip(_ format: StatusListFormat) throws {
        var list = try StatusList()
        #expect(list.bytes.count == 16_384)
        for index in [0, 7, 8, 94_567, 131_071] { try list.set(index) }
        try list.set(7, false)
        let encoded = list.encoded(format)
        #expect(encoded.hasPrefix("u") == (format == .bitstring))
        let decoded = try StatusList.decode(encoded)
        #expect(decoded == list)
        #expect(try decoded.isSet(0) && decoded.isSet(8) && decoded.isSet(94_567) && decoded.isSet(131_071))
        #expect(try !decoded.isSet(7))
        #expect(decoded.bytes[0] == 0x80 && decoded.bytes[1] == 0x80)
    }

    @Test func multiBitEntries() throws {
        var list = try StatusList(statusSize: 2)
        #expect(list.entryCount == StatusList.minimumEntries)
        try list.setValue(3, at: 0)
        try list.setValue(2, at: 5)
        #expect(try list.value(at: 0) == 3 && list.value(at: 5) == 2 && list.value(at: 1) == 0)
        #expect(list.bytes[0] == 0xC0 && list.bytes[1] == 0x20)
        #expect(throws: IdentityError.self) { try list.setValue(4, at: 1) }
        #expect(throws: IdentityError.self) { _ = try StatusList(statusSize: 9) }
        let decoded = try StatusList.decode(list.encoded(), statusSize: 2)
        #expect(try decoded.value(at: 5) == 2)
    }

    @Test func listSizeIsBounded() {
        do {
            _ = try StatusList(entryCount: 1 << 30, maxBytes: 1 << 20)
            Issue.record("an oversized list was created")
        } catch {
            #expect(error.reason == .limitExceeded)
        }
    }

    @Test func entriesParse() throws {
        let credential = try Fixture.json(Self.examples + "example-04-a-revocable-verifiable-credential.json")
        let entries = try StatusListEntry.entries(of: credential)
        #expect(entries == [
            StatusListEntry(
                statusPurpose: .revocation, statusListIndex: 94_567,
                statusListCredential: "https://example.com/credentials/status/3")
        ])
        let revoked = try Fixture.json(Self.fixtures + "should-be-revoked.jsonld")
        #expect(try StatusListEntry.entries(of: revoked).map(\.statusListIndex) == [201])
    }

    @Test func badEntriesAreRejected() throws {
        let base: JSONObject = [
            "type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "12",
            "statusListCredential": "https://example.com/status/1",
        ]
        #expect(try StatusListEntry(json: base).statusListIndex == 12)
        var legacy = base
        legacy["type"] = "StatusList2021Entry"
        legacy["statusListIndex"] = 94_567
        #expect(try StatusListEntry(json: legacy).statusListIndex == 94_567)
        func reason(_ change: (inout JSONObject) -> Void) -> IdentityError.Reason? {
            var json = base
            change(&json)
            do {
                _ = try StatusListEntry(json: json)
                return nil
            } catch {
                return error.reason
            }
        }
        #expect(reason { $0["statusListIndex"] = "-1" } == .malformed)
        #expect(reason { $0["statusListIndex"] = "1e3" } == .malformed)
        #expect(reason { $0["statusListIndex"] = nil } == .malformed)
        #expect(reason { $0["statusListCredential"] = nil } == .malformed)
        #expect(reason { $0["statusPurpose"] = "random" } == .unsupported)
        #expect(reason { $0["type"] = "RevocationList2020Status" } == .unsupported)
        #expect(reason { $0["statusSize"] = "2" } == .malformed)
        #expect(reason {
            $0["statusPurpose"] = "message"
            $0["statusSize"] = "2"
        } == nil)
    }

    @Test(arguments: StatusListFormat.allCases)
    func builtCredentialReadsBack(_ format: StatusListFormat) throws {
        var list = try StatusList()
        try list.set(42)
        let until = Date(timeIntervalSince1970: 1_800_000_000)
        let json = StatusListCredential.build(
            id: "https://issuer.example/status/1", issuer: "did:web:issuer.example", purpose: .suspension, list: list,
            format: format, validFrom: Fixture.now, validUntil: until, ttlMilliseconds: 60_000)
        let read = try StatusListCredential(json: json)
        #expect(read.format == format)
        #expect(read.purposes == ["suspension"])
        #expect(read.list == list)
        #expect(read.validUntil == until)
        #expect(read.ttl == (format == .bitstring ? 60 : nil))
        // It is valid JSON-LD under the bundled contexts.
        _ = try LinkedDataCanonicalization().canonicalNQuads(.object(json), what: "the list credential")
    }
}
