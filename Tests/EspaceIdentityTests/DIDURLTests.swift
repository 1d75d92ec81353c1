import EspaceIdentity
import Testing

@Suite("DID URL syntax")
struct DIDURLTests {
    @Test func splitsAllParts() throws {
        let url = try DIDURL("did:example:123:abc/path/to%20x?service=files&q=1#key-1")
        #expect(url.method == "example")
        #expect(url.methodSpecificID == "123:abc")
        #expect(url.path == "/path/to%20x")
        #expect(url.query == "service=files&q=1")
        #expect(url.fragment == "key-1")
        #expect(url.did == "did:example:123:abc")
        #expect(!url.isDID)
        #expect(url.description == "did:example:123:abc/path/to%20x?service=files&q=1#key-1")
    }

    @Test func plainDIDs() throws {
        let url = try DIDURL("did:web:example.com%3A8443:user:alice")
        #expect(url.isDID)
        #expect(url.methodSpecificID == "example.com%3A8443:user:alice")
        #expect(DIDURL.isDID("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"))
        #expect(!DIDURL.isDID("did:key:z6Mk#frag"))
        #expect(try DIDURL("did:ex:a#").fragment == "")
    }

    @Test(arguments: [
        "", "did:", "did::abc", "DID:ex:abc", "did:Ex:abc", "did:ex:", "did:ex:abc:", "did:ex:a b",
        "did:ex:a%2", "did:ex:a%zz", "did:ex:abc#frag#more", "urn:ex:abc", "did:ex:ab/c d",
    ])
    func rejectsMalformed(text: String) {
        #expect(throws: IdentityError.self) { try DIDURL(text) }
        let error = try? #require(throws: IdentityError.self) { try DIDURL(text) }
        #expect(error?.reason == .malformed)
    }

    @Test func rejectsOverlongText() {
        let text = "did:ex:" + String(repeating: "a", count: DIDURL.maxLength)
        let error = try? #require(throws: IdentityError.self) { try DIDURL(text) }
        #expect(error?.reason == .limitExceeded)
    }
}
