import EspaceCredentials
import EspaceIdentity
import Foundation
import Testing

/// XML Schema dateTime values in proofs and status lists.
@Suite("Proof date-times")
struct ProofDateTimeTests {
    @Test func parsesZonesAndFractions() throws {
        let base = try ProofDateTime.parse("2023-02-24T23:36:38Z", member: "created")
        #expect(base == Date(timeIntervalSince1970: 1_677_281_798))
        #expect(try ProofDateTime.parse("2023-02-25T01:36:38+02:00", member: "created") == base)
        #expect(try ProofDateTime.parse("2023-02-24T20:06:38-03:30", member: "created") == base)
        let fraction = try ProofDateTime.parse("2024-01-05T09:13:59.206Z", member: "created")
        let whole = try ProofDateTime.parse("2024-01-05T09:13:59Z", member: "created")
        #expect(abs(fraction.timeIntervalSince(whole) - 0.206) < 1e-6)
        #expect(ProofDateTime.format(base) == "2023-02-24T23:36:38Z")
    }

    @Test(arguments: [
        "2023-02-24T23:36:38", "2023-02-24 23:36:38Z", "2023-02-30T00:00:00Z", "2023-13-01T00:00:00Z",
        "2023-02-24T24:00:00Z", "2023-02-24T23:36:38.Z", "2023-02-24T23:36:38+0200", "24 Feb 2023", "",
    ])
    func rejectsMalformed(_ text: String) {
        do {
            _ = try ProofDateTime.parse(text, member: "created")
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.reason == .malformed)
            #expect(error.message.contains("created"))
        }
    }
}
