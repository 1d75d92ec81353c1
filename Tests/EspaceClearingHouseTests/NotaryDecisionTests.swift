import EspaceClearingHouse
import Testing

/// Offline checks combined with the optional online registries.
@Suite("Notary: decision (offline + online registries)")
struct NotaryDecisionTests {
    let now = NotaryFixtures.now

    @Test func offByDefault() async throws {
        #expect(OnlineRegistries.off.isOff)
        let notary = try NotaryFixtures.notary()
        #expect(notary.registries.isOff)
        let decision = await NotaryDecision.decide("BE0762747721", as: .vatID, registries: .off, now: now)
        guard case .accepted(let checked) = decision else {
            Issue.record("\(decision)")
            return
        }
        #expect(checked.online == nil)
        #expect(checked.countryCode == "BE")
        #expect(checked.checkedAt == now)
    }

    @Test func onlineConfirmation() async throws {
        let vies = ScriptedRegistry.vies(knowing: ["BE0762747721"])
        let decision = await NotaryDecision.decide(
            "BE 0762 747 721", as: .vatID, registries: OnlineRegistries([.vatID: vies]), now: now)
        guard case .accepted(let checked) = decision else {
            Issue.record("\(decision)")
            return
        }
        #expect(checked.online?.registry == "VIES")
        #expect(checked.number.value == "BE0762747721")
        #expect(vies.calls == 1)
    }

    @Test func onlineRejectionIsInvalid() async throws {
        let vies = ScriptedRegistry.vies(knowing: [])
        let decision = await NotaryDecision.decide(
            "BE0762747721", as: .vatID, registries: OnlineRegistries([.vatID: vies]), now: now)
        let error = try #require(decision.error)
        #expect(error.kind == .invalidNumber)
        #expect(error.httpStatus == 422)
        #expect(error.invalidNumber == nil)
        #expect(error.message.contains("VIES"))
        #expect(!error.isRetryable)
    }

    @Test func transientFailureIsRetryableNeverInvalid() async throws {
        let down = ScriptedRegistry.down("VIES")
        let decision = await NotaryDecision.decide(
            "BE0762747721", as: .vatID, registries: OnlineRegistries([.vatID: down]), now: now)
        guard case .retryable(let registry, let reason, let retry) = decision else {
            Issue.record("\(decision)")
            return
        }
        #expect(registry == "VIES")
        #expect(reason == "MS_UNAVAILABLE")
        #expect(retry == 30)
        let error = try #require(decision.error)
        #expect(error.kind == .registryUnavailable)
        #expect(error.httpStatus == 503)
        #expect(error.isRetryable)
        #expect(error.jsonBody["retryAfter"] == .number(.init(30)))
    }

    @Test func offlineFailureDoesNotCallTheRegistry() async throws {
        let vies = ScriptedRegistry.vies(knowing: ["BE0762747722"])
        let decision = await NotaryDecision.decide(
            "BE0762747722", as: .vatID, registries: OnlineRegistries([.vatID: vies]), now: now)
        let error = try #require(decision.error)
        #expect(error.httpStatus == 422)
        #expect(error.invalidNumber?.rule == .checkDigits)
        #expect(error.invalidNumber?.position == 11)
        #expect(error.jsonBody["rule"] == "check-digits")
        #expect(error.jsonBody["position"] == .number(.init(11)))
        #expect(vies.calls == 0)
    }

    @Test func registryOnlyForItsType() async throws {
        let vies = ScriptedRegistry.down("VIES")
        let decision = await NotaryDecision.decide(
            "HWUPKR0MPOU8FGXBT394", as: .leiCode, registries: OnlineRegistries([.vatID: vies]), now: now)
        guard case .accepted(let checked) = decision else {
            Issue.record("\(decision)")
            return
        }
        #expect(checked.online == nil)
        #expect(vies.calls == 0)
    }
}
