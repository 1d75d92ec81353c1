import EspaceClearingHouse
import EspaceIdentity
import EspaceServer
import EspaceStore
import Foundation

/// A clearing house put together from its configuration file: a node (DID document, DCP)
/// whose routes also serve the registry and the notary, with their state in the store.
struct ClearingHouseNode {
    let node: NodeAssembly
    let clearingHouse: ClearingHouse
    let store: Store

    static func open(_ config: ClearingHouseConfigFile) async throws -> ClearingHouseNode {
        let (_, key) = try IdentitySupport.readKey(config.keyPath)
        guard let key else { throw IdentitySupport.Failure("\(config.keyPath) holds no private key (\"d\")") }
        var settings = NodeAssembly.Settings(publicURL: config.publicURL, did: config.did)
        settings.allowPrivate = config.allowPrivate
        settings.insecureHTTP = config.insecureHTTP
        var node = try NodeAssembly(key: key, settings: settings)
        var house = ClearingHouse.Settings(did: node.did, key: key, kid: node.did + "#key-1")
        house.trustAnchors = try config.trustAnchorPaths.map { try CAFiles.readText($0) }
        house.trustedNotaries = config.trustedNotaries
        house.trustedClearingHouses = config.trustedClearingHouses
        house.requireEV = config.requireEV
        house.shapes = try config.shapes.map { try Registry.Shapes(name: $0.name, turtle: String(contentsOfFile: $0.path, encoding: .utf8)) }
        if let terms = config.terms {
            house.termsAndConditions = Registry.TermsAndConditions(
                version: terms.version, text: try String(contentsOfFile: terms.path, encoding: .utf8), hash: terms.hash)
        }
        house.fetcher = X5UFetcher(http: node.network, allowInsecureHTTP: config.insecureHTTP)
        house.resolver = node.resolvers
        house.http = node.network
        house.allowInsecureHTTP = config.insecureHTTP
        house.engineVersion = "espace \(EspaceVersion.current)"
        house.publicURL = config.publicURL
        if let criteria = config.labelCriteria {
            do {
                house.labelCriteria = try house.labelCriteria.merging(json: criteria)
            } catch {
                throw IdentitySupport.Failure("the configuration's labelCriteria: \(error.message)")
            }
        }
        let store: Store
        do {
            store = try await Store.sqlite(path: config.storePath)
        } catch {
            throw IdentitySupport.Failure("\(error)")
        }
        let clearingHouse: ClearingHouse
        do {
            clearingHouse = try await ClearingHouse.open(house, store: store)
        } catch {
            throw IdentitySupport.Failure("cannot start the clearing house: \(error)")
        }
        node.endpoints.routes = clearingHouse.routes(operatorToken: config.operatorToken)
        return ClearingHouseNode(node: node, clearingHouse: clearingHouse, store: store)
    }

    static func run(config: ClearingHouseConfigFile, host: String, port: Int?) async throws {
        let house = try await open(config)
        let listenHost = config.host ?? host
        let listenPort = port ?? config.port ?? house.node.port ?? 8443
        let did = house.node.did
        let location = house.store.location
        try await NodeServer.run(endpoints: house.node.endpoints, host: listenHost, port: listenPort) { bound in
            FileHandle.standardOutput.write(
                Data("espace clearing house \(did) listening on http://\(listenHost):\(bound) (store \(location))\n".utf8))
        }
    }
}
