import EspaceIdentity
import Testing

@Suite("SSRF address guard")
struct AddressGuardTests {
    @Test(arguments: [
        ("8.8.8.8", IPAddress.Kind.publicUnicast), ("0.0.0.0", .unspecified), ("0.1.2.3", .reserved),
        ("127.0.0.1", .loopback), ("127.255.1.2", .loopback), ("10.1.2.3", .privateUse), ("172.16.0.1", .privateUse),
        ("172.31.255.255", .privateUse), ("172.32.0.1", .publicUnicast), ("192.168.1.1", .privateUse),
        ("100.64.0.1", .sharedAddressSpace), ("100.127.255.255", .sharedAddressSpace), ("100.128.0.1", .publicUnicast),
        ("169.254.169.254", .linkLocal), ("192.0.2.1", .documentation), ("198.51.100.7", .documentation),
        ("203.0.113.9", .documentation), ("198.18.0.1", .benchmarking), ("224.0.0.1", .multicast),
        ("240.0.0.1", .reserved), ("255.255.255.255", .broadcast), ("192.0.0.8", .reserved),
        ("::", .unspecified), ("::1", .loopback), ("[::1]", .loopback), ("fe80::1", .linkLocal),
        ("febf::1", .linkLocal),
        ("fec0::1", .privateUse), ("fc00::1", .uniqueLocal), ("fd12:3456::1", .uniqueLocal), ("ff02::1", .multicast),
        ("2001:db8::1", .documentation), ("2606:4700:4700::1111", .publicUnicast), ("::ffff:127.0.0.1", .loopback),
        ("::ffff:7f00:1", .loopback), ("::ffff:8.8.8.8", .publicUnicast), ("::ffff:169.254.169.254", .linkLocal),
        ("64:ff9b::10.0.0.1", .privateUse), ("2002:c0a8:0101::1", .privateUse), ("::127.0.0.1", .reserved),
        ("100::1", .reserved), ("2001::1", .reserved), ("4000::1", .reserved),
    ])
    func classifies(text: String, kind: IPAddress.Kind) throws {
        let address = try #require(IPAddress(text), "\(text)")
        #expect(address.kind == kind, "\(text)")
        #expect(address.isPublic == (kind == .publicUnicast))
    }

    @Test(arguments: [
        "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "0x7f.0.0.1", "1.2.3.-4", "1::2::3", "12345::", "::g",
        "1:2:3:4:5:6:7:8:9", "fe80::1%eth0", "1.2.3.4 ", "::ffff:1.2.3", "2130706433",
    ])
    func rejectsNonStrictText(text: String) {
        #expect(IPAddress(text) == nil, "\(text)")
    }

    @Test func formatsAndMatchesNetworks() throws {
        #expect(IPAddress("::ffff:10.0.0.1")?.description == "0:0:0:0:0:ffff:a00:1")
        #expect(IPAddress("10.0.0.1")?.description == "10.0.0.1")
        let tenNet = try #require(IPNetwork("10.0.0.0/8"))
        #expect(tenNet.contains(try #require(IPAddress("10.200.1.1"))))
        #expect(!tenNet.contains(try #require(IPAddress("11.0.0.1"))))
        #expect(tenNet.contains(try #require(IPAddress("::ffff:10.0.0.1"))))
        let ula = try #require(IPNetwork("fd00::/8"))
        #expect(ula.contains(try #require(IPAddress("fd12::1"))))
        #expect(!ula.contains(try #require(IPAddress("fc00::1"))))
        #expect(!ula.contains(try #require(IPAddress("10.0.0.1"))))
        #expect(IPNetwork("10.0.0.0/33") == nil)
        #expect(IPNetwork("10.0.0.1")?.prefixLength == 32)
        #expect(try #require(IPNetwork("0.0.0.0/0")).contains(try #require(IPAddress("1.2.3.4"))))
    }

    static func guarded(
        _ allowList: AddressAllowList = AddressAllowList(), client: FakeHTTPClient = FakeHTTPClient([:])
    ) -> GuardedHTTPClient {
        let resolver = FakeHostResolver(table: [
            "public.example": [IPAddress("93.184.216.34")!],
            "mixed.example": [IPAddress("93.184.216.34")!, IPAddress("10.0.0.5")!],
            "metadata.example": [IPAddress("169.254.169.254")!],
            "local.example": [IPAddress("::1")!],
            "empty.example": [],
        ])
        return GuardedHTTPClient(client: client, resolver: resolver, allowList: allowList)
    }

    static func reason(_ client: GuardedHTTPClient, _ url: String) async -> IdentityError.Reason? {
        do {
            _ = try await client.send(HTTPRequest(url: url), limits: HTTPLimits())
            return nil
        } catch {
            return error.reason
        }
    }

    @Test(arguments: [
        "https://127.0.0.1/x", "http://10.0.0.1/", "https://[::1]:8443/", "https://[fe80::1]/",
        "https://169.254.169.254/latest",
        "https://100.64.1.1/", "https://[::ffff:127.0.0.1]/", "https://[fd00::1]/", "https://0.0.0.0/",
        "https://metadata.example/", "https://mixed.example/", "https://local.example/",
        "ftp://public.example/", "file:///etc/passwd", "https://user:pw@public.example/",
        "https://public.example@127.0.0.1/",
        "https://127.1/", "https://2130706433/", "https://0x7f.0.0.1/", "https://loc%61lhost/",
    ])
    func refusesNonPublicDestinations(url: String) async {
        #expect(await Self.reason(Self.guarded(), url) == .forbiddenAddress, "\(url)")
    }

    @Test func letsPublicAndAllowListedDestinationsThrough() async throws {
        let client = FakeHTTPClient([
            "https://public.example/a": HTTPResponse(status: 200), "https://10.1.2.3/": HTTPResponse(status: 200),
            "https://metadata.example/": HTTPResponse(status: 200),
            "https://127.0.0.1:8080/": HTTPResponse(status: 200),
        ])
        #expect(await Self.reason(Self.guarded(client: client), "https://public.example/a") == nil)
        #expect(await Self.reason(Self.guarded(client: client), "https://93.184.216.34/") == nil)
        #expect(
            await Self.reason(
                Self.guarded(AddressAllowList(networks: [IPNetwork("10.0.0.0/8")!]), client: client),
                "https://10.1.2.3/") == nil)
        #expect(
            await Self.reason(
                Self.guarded(AddressAllowList(hosts: ["Metadata.example"]), client: client), "https://metadata.example/"
            ) == nil)
        #expect(
            await Self.reason(
                Self.guarded(AddressAllowList(allowAllPrivate: true), client: client), "https://127.0.0.1:8080/") == nil
        )
        #expect(await Self.reason(Self.guarded(client: client), "https://empty.example/") == .resolutionFailed)
        #expect(await Self.reason(Self.guarded(client: client), "https://unknown.example/") == .resolutionFailed)
        #expect(
            client.requested == [
                "https://public.example/a", "https://93.184.216.34/", "https://10.1.2.3/", "https://metadata.example/",
                "https://127.0.0.1:8080/",
            ])
    }

    @Test func redirectsAreCheckedAgain() async throws {
        let client = FakeHTTPClient([
            "https://public.example/a": HTTPResponse(status: 302, headers: [("Location", "https://127.0.0.1/secret")]),
            "https://public.example/b": HTTPResponse(status: 301, headers: [("Location", "/c")]),
            "https://public.example/c": HTTPResponse(status: 200, body: [1]),
        ])
        let guarded = Self.guarded(client: client)
        let limits = HTTPLimits(maxRedirects: 2)
        await #expect(throws: IdentityError.self) {
            try await guarded.send(HTTPRequest(url: "https://public.example/a"), limits: limits)
        }
        #expect(!client.requested.contains("https://127.0.0.1/secret"))
        #expect(try await guarded.send(HTTPRequest(url: "https://public.example/b"), limits: limits).body == [1])
        // Without redirects allowed the 3xx answer comes back as is.
        #expect(
            try await guarded.send(HTTPRequest(url: "https://public.example/b"), limits: HTTPLimits()).status == 301)
    }
}
