import EspaceJSON
import EspaceJSONLD
import Testing

/// Safe mode: what a signature covers must be what the document says.
@Suite("JSON-LD safe mode")
struct SafeModeTests {
    static func expand(_ text: String, safe: Bool) throws -> [JSONValue] {
        var options = JSONLDOptions()
        options.safeMode = safe
        return try JSONLD.expand(try JSONParser().parse(Array(text.utf8)), options: options)
    }

    static func violation(_ text: String) -> String? {
        do {
            _ = try expand(text, safe: true)
            return nil
        } catch let error as JSONLDError {
            return error.code == .safeModeViolation ? error.detail : "other error: \(error)"
        } catch {
            return "other error: \(error)"
        }
    }

    @Test func undefinedPropertiesAreRefusedNotDropped() throws {
        let document = #"{"@context": {"name": "https://schema.org/name"}, "name": "A", "salary": 1000000}"#
        // Without safe mode the undefined term vanishes from the expanded form.
        let lenient = try Self.expand(document, safe: false)
        #expect(lenient.first?["salary"] == nil)
        #expect(Self.violation(document)?.contains("\"salary\" is not defined") == true)
    }

    @Test func nullMappedPropertiesAndRelativeTypesAreRefused() {
        #expect(Self.violation(#"{"@context": {"x": null}, "x": 1}"#)?.contains("mapped to null") == true)
        #expect(Self.violation(#"{"@context": {"@vocab": "https://e.org/"}, "@type": "_:b0"}"#) == nil)
        #expect(Self.violation(#"{"@type": "Unknown", "@id": "https://e.org/a"}"#)?.contains("absolute IRI") == true)
    }

    @Test func definedDocumentsExpandTheSame() throws {
        let document = #"{"@context": {"@vocab": "https://e.org/", "@version": 1.1}, "@type": "Thing", "name": "A", "@unknownKeyword": 1}"#
        #expect(try Self.expand(document, safe: true) == Self.expand(document, safe: false))
    }

    /// A property-scoped context may redefine a protected term even when the property's
    /// value is a string (as the Gaia-X development context does for `description`).
    @Test func propertyScopedContextsOverrideProtectionOnStrings() throws {
        let document = #"""
            {"@context": [{"@version": 1.1, "@protected": true, "description": "https://schema.org/description"},
                          {"terms": {"@id": "https://e.org/terms", "@context": {"description": "https://e.org/description"}}}],
             "terms": "abc"}
            """#
        let expanded = try Self.expand(document, safe: true)
        #expect(expanded.first?["https://e.org/terms"] == [["@value": "abc"]])
    }
}
