import EspaceCredentials
import Testing

@Suite("EspaceCredentials module")
struct ModuleTests {
    @Test func moduleLinks() {
        #expect(String(describing: EspaceCredentials.self) == "EspaceCredentials")
    }
}
