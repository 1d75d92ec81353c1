import EspaceDCP
import EspaceJSON
import Foundation
import Testing

@Suite("DCP scopes and messages")
struct DCPScopeTests {
    @Test func twoAndThreePartScopesParse() throws {
        let two = try DCPScope(parsing: "org.eclipse.dspace.dcp.vc.type:MembershipCredential")
        #expect(two.selector == .credentialType("MembershipCredential"))
        #expect(two.operation == "read")
        let three = try DCPScope(parsing: "org.eclipse.dspace.dcp.vc.type:MembershipCredential:read")
        #expect(three == two)
        let edc = try DCPScope(parsing: "org.eclipse.edc.vc.type:MembershipCredential:read")
        #expect(edc.selector == .credentialType("MembershipCredential"))
        let byID = try DCPScope(parsing: "org.eclipse.dspace.dcp.vc.id:8247b87d-8d72-47e1-8128-9ce47e3d829d")
        #expect(byID.selector == .credentialID("8247b87d-8d72-47e1-8128-9ce47e3d829d"))
        #expect(byID.description == "org.eclipse.dspace.dcp.vc.id:8247b87d-8d72-47e1-8128-9ce47e3d829d:read")
    }

    @Test func prefixedTypesKeepTheirColon() throws {
        let scope = try DCPScope(parsing: "org.eclipse.dspace.dcp.vc.type:gx:LegalPerson:read")
        #expect(scope.selector == .credentialType("gx:LegalPerson"))
        let noOperation = try DCPScope(parsing: "org.eclipse.dspace.dcp.vc.type:gx:LegalPerson")
        #expect(noOperation.selector == .credentialType("gx:LegalPerson"))
    }

    @Test func unknownScopesGrantNothing() throws {
        for text in ["presentation1", "com.example:Thing", "org.eclipse.dspace.dcp.vc.type:", "org.eclipse.dspace.dcp.vc.type::read"] {
            let scope = try DCPScope(parsing: text)
            #expect(scope.selector == .unrecognized(text), "\(text)")
            #expect(!scope.isCovered(by: scope), "\(text)")
        }
        #expect(throws: DCPError.self) { try DCPScope(parsing: String(repeating: "a", count: 600)) }
    }

    @Test func coverageNeedsTheSameSelectorAndOperation() throws {
        let read = try DCPScope(parsing: "org.eclipse.dspace.dcp.vc.type:A:read")
        let write = try DCPScope(parsing: "org.eclipse.dspace.dcp.vc.type:A:write")
        let all = try DCPScope(parsing: "org.eclipse.dspace.dcp.vc.type:A:*")
        let other = try DCPScope(parsing: "org.eclipse.dspace.dcp.vc.type:B:read")
        #expect(read.isCovered(by: read))
        #expect(!write.isCovered(by: read))
        #expect(write.isCovered(by: all))
        #expect(!read.isCovered(by: other))
    }

    static func example(_ name: String) throws -> JSONValue {
        let root = ProcessInfo.processInfo.environment["ESPACE_SHARED"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared").path
        let path = root + "/protocols/decentralized-claims-protocol/artifacts/src/main/resources/presentation/example/" + name
        return try JSONParser().parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test func specExamplesParse() throws {
        let scoped = try PresentationQueryMessage(json: try Self.example("presentation-query-message.json"))
        #expect(scoped.query == .scopes([.init(.unrecognized("presentation1")), .init(.unrecognized("presentation2"))]))
        let defined = try PresentationQueryMessage(json: try Self.example("presentation-query-message-w-presentation-definition.json"))
        guard case .presentationDefinition(let definition) = defined.query else {
            Issue.record("expected a presentation definition")
            return
        }
        #expect(definition["id"] == "presentation1")
        let response = try PresentationResponseMessage(json: try Self.example("presentation-response-message.json"))
        #expect(response.presentations == ["presentation1", "presentation2"])
        #expect(try PresentationResponseMessage(json: response.json) == response)
    }

    @Test func malformedQueriesAreBadRequests() throws {
        let context: JSONValue = ["https://w3id.org/dspace-dcp/v1.0/dcp.jsonld"]
        let cases: [(JSONValue, String)] = [
            (["@context": context, "type": "PresentationQueryMessage"], "must carry"),
            (["@context": context, "type": "PresentationQueryMessage", "scope": []], "must not be empty"),
            (["@context": context, "type": "PresentationQueryMessage", "scope": ["a:b"], "presentationDefinition": ["id": "x"]], "not both"),
            (["@context": context, "type": "PresentationQueryMessage", "scope": [1]], "must be strings"),
            (["@context": context, "type": "PresentationResponseMessage", "scope": ["a:b"]], "PresentationQueryMessage"),
            (["type": "PresentationQueryMessage", "scope": ["a:b"]], "@context"),
            (["@context": ["https://example.org/other"], "type": "PresentationQueryMessage", "scope": ["a:b"]], "must include"),
            ("text", "JSON object"),
        ]
        for (json, expected) in cases {
            do {
                _ = try PresentationQueryMessage(json: json)
                Issue.record("accepted \(json.jsonText)")
            } catch {
                #expect(error.status == 400)
                #expect(error.description.contains(expected), "\(error.description)")
            }
        }
    }

    @Test func queryRoundTrips() throws {
        let message = PresentationQueryMessage(scopes: [try DCPScope(parsing: "org.eclipse.dspace.dcp.vc.type:MembershipCredential")])
        #expect(try PresentationQueryMessage(json: message.json) == message)
    }
}
