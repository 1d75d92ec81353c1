import EspacePolicy
import EspaceRDF
import Testing

@Suite("Evaluation inputs read from SolidLab RDF")
struct EvaluationInputsTests {
    static let prefixes = """
        @prefix odrl: <http://www.w3.org/ns/odrl/2/>. @prefix ex: <http://example.org/>.
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#>. @prefix dct: <http://purl.org/dc/terms/>.
        @prefix temp: <http://example.com/request/>. @prefix report: <https://w3id.org/force/compliance-report#>.

        """

    @Test func requestFromAnODRLRequest() throws {
        let data = try TurtleParser().parse(
            Self.prefixes + """
                ex:req a odrl:Request; odrl:uid ex:req; odrl:permission ex:perm.
                ex:perm a odrl:Permission; odrl:assignee ex:alice; odrl:action odrl:read; odrl:target ex:x;
                    odrl:constraint [ odrl:leftOperand odrl:purpose; odrl:operator odrl:eq; odrl:rightOperand ex:research ].
                """)
        let policy = try #require(try PolicyReader(strict: false).policies(in: data).first)
        let request = try EvaluationRequest(request: policy)
        #expect(request.uid == "http://example.org/req")
        #expect(request.ruleUID == "http://example.org/perm")
        #expect(request.action == ODRL.iri("read"))
        #expect(request.party == "http://example.org/alice")
        #expect(request.target == "http://example.org/x")
        #expect(request.context == [ODRL.iri("purpose"): [.iri("http://example.org/research")]])
    }

    @Test func requestWithoutPermissionIsAnError() throws {
        let data = try TurtleParser().parse(
            Self.prefixes + "ex:req a odrl:Request; odrl:prohibition [ odrl:action odrl:read ].")
        let policy = try #require(try PolicyReader(strict: false).policies(in: data).first)
        #expect(throws: PolicyError("the request <http://example.org/req> has no permission stating what is requested"))
        {
            try EvaluationRequest(request: policy)
        }
    }

    @Test func stateOfTheWorldFromSolidLab() throws {
        let sotw = try TurtleParser().parse(
            Self.prefixes + """
                ex:s a ex:Sotw; ex:includes temp:currentTime.
                temp:currentTime dct:issued "2024-02-12T11:20:10.999Z"^^xsd:dateTime.
                ex:alice odrl:partOf ex:partyCollection.
                ex:r a report:PolicyReport; report:ruleReport ex:d.
                ex:d a report:DutyReport; report:rule ex:duty; report:deonticState report:Violated.
                """)
        let policy = try TurtleParser().parse(
            Self.prefixes + "ex:partyCollection a odrl:PartyCollection; odrl:source ex:partyIdentifier.")
        let state = try StateOfTheWorld(solidLab: sotw, related: policy)
        #expect(state.uid == "http://example.org/s")
        #expect(state.currentTime == Eval.lit("2024-02-12T11:20:10.999Z", "dateTime"))
        #expect(state.isMember("http://example.org/alice", of: "http://example.org/partyCollection"))
        #expect(state.isMember("http://example.org/alice", of: "http://example.org/partyIdentifier"))
        #expect(!state.isMember("http://example.org/bob", of: "http://example.org/partyIdentifier"))
        #expect(state.dutyStates == ["http://example.org/duty": .violated])
    }

    @Test func unknownDeonticStateIsAnError() throws {
        let sotw = try TurtleParser().parse(
            Self.prefixes + "ex:d a report:DutyReport; report:rule ex:duty; report:deonticState report:Maybe.")
        #expect(throws: PolicyError.self) { try StateOfTheWorld(solidLab: sotw) }
    }
}
