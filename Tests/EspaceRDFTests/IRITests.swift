import EspaceRDF
import Testing

@Suite("IRI resolution (RFC 3986 §5)")
struct IRITests {
    static let base = "http://a/b/c/d;p?q"

    /// RFC 3986 §5.4.1 normal examples.
    static let normal: [(String, String)] = [
        ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"),
        (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"), ("g;x?y#s", "http://a/b/c/g;x?y#s"),
        ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"),
        ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../", "http://a/"),
        ("../../g", "http://a/g"),
    ]

    /// RFC 3986 §5.4.2 abnormal examples (strict parser).
    static let abnormal: [(String, String)] = [
        ("../../../g", "http://a/g"), ("../../../../g", "http://a/g"), ("/./g", "http://a/g"),
        ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."),
        ("..g", "http://a/b/c/..g"), ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"),
        ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"), ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
        ("g;x=1/../y", "http://a/b/c/y"), ("g?y/./x", "http://a/b/c/g?y/./x"), ("g?y/../x", "http://a/b/c/g?y/../x"),
        ("g#s/./x", "http://a/b/c/g#s/./x"), ("g#s/../x", "http://a/b/c/g#s/../x"), ("http:g", "http:g"),
    ]

    @Test(arguments: normal + abnormal)
    func rfcExamples(_ reference: String, _ expected: String) {
        #expect(IRI.resolve(reference, against: Self.base) == expected)
    }

    @Test func otherBases() {
        #expect(IRI.resolve("x", against: "http://a") == "http://a/x")
        #expect(IRI.resolve("?q", against: "http://a") == "http://a?q")
        // No "/" in the base path: the merge keeps only the reference (§5.2.3).
        #expect(IRI.resolve("x", against: "urn:ex:a") == "urn:x")
        #expect(IRI.resolve("../x", against: "tag:a/b/c") == "tag:a/x")
        #expect(IRI.resolve("é/ü", against: "http://ex.org/ä/b") == "http://ex.org/ä/é/ü")
        #expect(IRI.resolve("#frag", against: "http://a/b#old") == "http://a/b#frag")
        #expect(IRI.resolve("http://x/a/../b", against: "http://a/") == "http://x/b")
        #expect(IRI.resolve("//h/./p", against: "https://a/") == "https://h/p")
    }

    @Test func dotSegments() {
        #expect(IRI.removeDotSegments("/a/b/c/./../../g") == "/a/g")
        #expect(IRI.removeDotSegments("mid/content=5/../6") == "mid/6")
        #expect(IRI.removeDotSegments("/..") == "/")
        #expect(IRI.removeDotSegments("") == "")
    }

    @Test func schemes() {
        #expect(IRI.hasScheme("http://a"))
        #expect(IRI.hasScheme("urn:x"))
        #expect(IRI.hasScheme("a+b-c.d:x"))
        #expect(!IRI.hasScheme("a/b:c"))
        #expect(!IRI.hasScheme("1a:b"))
        #expect(!IRI.hasScheme(":b"))
        #expect(!IRI.hasScheme("ab"))
        #expect(!IRI.hasScheme(""))
    }
}
