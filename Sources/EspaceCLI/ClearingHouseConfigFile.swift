import EspaceClearingHouse
import EspaceIdentity
import EspaceJSON
import Foundation

/// A clearing house's configuration file (JSON), with paths relative to the file:
///
/// ```json
/// { "publicURL": "http://127.0.0.1:8443", "key": "clearing-house.jwk",
///   "store": "clearing-house.sqlite", "operatorToken": "…",
///   "trustAnchors": ["ca.pem"], "requireEV": false,
///   "trustedNotaries": ["did:web:…"], "trustedClearingHouses": ["did:web:…"],
///   "shapes": [{"name": "gx-2511", "file": "gx-2511-shapes.ttl"}],
///   "termsAndConditions": {"version": "25.11", "file": "terms.txt", "hash": "…"},
///   "allowPrivate": false, "insecureHTTP": false, "host": "127.0.0.1", "port": 8443 }
/// ```
///
/// `store` may be `:memory:`; without it the store is `clearing-house.sqlite` beside the file.
struct ClearingHouseConfigFile {
    var publicURL: String
    var did: String?
    var keyPath: String
    var storePath: String?
    var operatorToken: String?
    var trustAnchorPaths: [String]
    var requireEV: Bool
    var trustedNotaries: [String]
    var trustedClearingHouses: [String]
    var shapes: [(name: String, path: String)]
    var terms: (version: String, path: String, hash: String?)?
    var allowPrivate: Bool
    var insecureHTTP: Bool
    var host: String?
    var port: Int?
    /// Label-level criteria added to (or replacing) level 1's: `{"label-level-2": [{"id", "optional"}]}`.
    var labelCriteria: JSONValue?

    init(path: String) throws {
        let json = try IdentitySupport.readJSON(path)
        guard let root = json.objectValue else { throw IdentitySupport.Failure("\(path): the configuration must be a JSON object") }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolve(_ relative: String) -> String {
            relative.hasPrefix("/") ? relative : base.appendingPathComponent(relative).path
        }
        func string(_ key: String) throws -> String? {
            guard let value = root[key] else { return nil }
            guard let text = value.stringValue else { throw IdentitySupport.Failure("\(path): \(key) must be a string") }
            return text
        }
        func strings(_ key: String) throws -> [String] {
            guard let value = root[key] else { return [] }
            guard let items = value.arrayValue, items.allSatisfy(\.isString) else {
                throw IdentitySupport.Failure("\(path): \(key) must be an array of strings")
            }
            return items.compactMap(\.stringValue)
        }
        func flag(_ key: String) throws -> Bool {
            guard let value = root[key] else { return false }
            guard let flag = value.boolValue else { throw IdentitySupport.Failure("\(path): \(key) must be true or false") }
            return flag
        }
        guard let url = try string("publicURL") else { throw IdentitySupport.Failure("\(path): publicURL is required") }
        guard let key = try string("key") else { throw IdentitySupport.Failure("\(path): key (a private JWK file) is required") }
        publicURL = url
        did = try string("did")
        keyPath = resolve(key)
        let store = try string("store") ?? "clearing-house.sqlite"
        storePath = store == ":memory:" ? nil : resolve(store)
        operatorToken = try string("operatorToken")
        trustAnchorPaths = try strings("trustAnchors").map(resolve)
        requireEV = try flag("requireEV")
        trustedNotaries = try strings("trustedNotaries")
        trustedClearingHouses = try strings("trustedClearingHouses")
        shapes = []
        for (index, entry) in (root["shapes"]?.arrayValue ?? []).enumerated() {
            guard let name = entry["name"]?.stringValue, let file = entry["file"]?.stringValue else {
                throw IdentitySupport.Failure("\(path): shapes[\(index)] needs a name and a file")
            }
            shapes.append((name, resolve(file)))
        }
        if let terms = root["termsAndConditions"] {
            guard let version = terms["version"]?.stringValue, let file = terms["file"]?.stringValue else {
                throw IdentitySupport.Failure("\(path): termsAndConditions needs a version and a file")
            }
            self.terms = (version, resolve(file), terms["hash"]?.stringValue)
        }
        labelCriteria = root["labelCriteria"]
        allowPrivate = try flag("allowPrivate")
        insecureHTTP = try flag("insecureHTTP")
        host = try string("host")
        if let value = root["port"] {
            guard let number = value.numberValue?.intValue, (0...65_535).contains(number) else {
                throw IdentitySupport.Failure("\(path): port must be a number from 0 to 65535")
            }
            port = number
        }
    }
}
