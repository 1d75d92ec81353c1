import ArgumentParser
import EspaceIdentity
import EspaceJSON
import EspaceNetwork
import Foundation

/// `espace did`: create and resolve DIDs (did:key, did:jwk, did:web).
struct DIDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "did", abstract: "Create and resolve DIDs (did:key, did:jwk, did:web).",
        subcommands: [Create.self, Resolve.self])

    enum Method: String, ExpressibleByArgument, CaseIterable {
        case key, jwk, web
    }

    /// `espace did create --method M --key FILE [--domain D] [--service id=type=url]…`.
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the DID and DID document of a key.",
            discussion: """
                did:key and did:jwk documents are derived from the key. For did:web, --domain gives \
                host[:port][/path] and the command prints (or writes with --out) the did.json to serve \
                at the URL it names; --service id=type=url adds services to it.
                """)

        @Option(name: .long, help: "DID method: key, jwk or web.")
        var method: Method

        @Option(name: .long, help: "JWK file (private or public) of the key.")
        var key: String

        @Option(name: .long, help: "For did:web: host[:port][/path] the document is served from.")
        var domain: String?

        @Option(name: .long, help: "For did:web: a service as id=type=url (repeatable).")
        var service: [String] = []

        @Option(name: .long, help: "Write the DID document (JSON) to this file.")
        var out: String?

        @Flag(name: .long, help: "Print the DID document as JSON instead of text.")
        var json = false

        func run() throws {
            try IdentitySupport.report {
                let (publicKey, privateKey) = try IdentitySupport.readKey(key)
                let document: DIDDocument
                var location: String?
                switch method {
                case .key, .jwk:
                    guard domain == nil, service.isEmpty else {
                        throw IdentitySupport.Failure("--domain and --service apply to did:web only")
                    }
                    document =
                        method == .key
                        ? try DIDDocument.didKey(try DIDKey.did(for: publicKey))
                        : try DIDDocument.didJWK(DIDJWK.did(for: publicKey))
                case .web:
                    guard let domain else { throw IdentitySupport.Failure("did:web needs --domain host[:port][/path]") }
                    let did = try DIDWeb.did(for: try DIDWeb.location(domain: domain))
                    let services = try service.map { try Self.service($0, did: did) }
                    document = try DIDDocument.forNode(
                        did: did,
                        keys: [.init(fragment: "key-1", publicKey: publicKey, algorithm: privateKey?.algorithm)],
                        services: services)
                    location = try DIDWeb.documentURL(for: did)
                }
                let text = try IdentitySupport.pretty(document.json)
                if let out { try IdentitySupport.write(text, to: out, secret: false) }
                if json {
                    print(text, terminator: "")
                    return
                }
                print(DIDSummary.text(document), terminator: "")
                if let location { print("Serve the document at: \(location)") }
                if let out {
                    print("Document written to \(out).")
                } else {
                    print("\nDocument:")
                    print(text, terminator: "")
                }
            }
        }

        /// Reads `id=type=url` (a bare id becomes `#id`).
        static func service(_ text: String, did: String) throws -> DIDService {
            let parts = text.split(separator: "=", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty, parts[2].contains("://") else {
                throw IdentitySupport.Failure("--service \"\(text)\" is not id=type=url")
            }
            let id = parts[0].contains(":") ? parts[0] : did + (parts[0].hasPrefix("#") ? "" : "#") + parts[0]
            return DIDService(id: id, type: parts[1], endpoint: parts[2])
        }
    }

    /// `espace did resolve DID [--allow-host H]… [--allow-private] [--json]`.
    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Resolve a DID to its DID document.",
            discussion: """
                did:key and did:jwk resolve offline. did:web documents are fetched over HTTPS with a \
                size and time limit; loopback, private and link-local addresses are refused unless \
                --allow-host or --allow-private permits them.
                """)

        @Argument(help: "The DID (a fragment is ignored).")
        var did: String

        @Option(name: .long, help: "A host name or CIDR block that may be private (repeatable).")
        var allowHost: [String] = []

        @Flag(name: .long, help: "Allow every private address (development only).")
        var allowPrivate = false

        @Flag(name: .long, help: "Fetch did:web documents over plain http (development only).")
        var insecureHTTP = false

        @Option(name: .long, help: "Seconds allowed for a did:web fetch.")
        var timeout: Int = 10

        @Flag(name: .long, help: "Print the DID document as JSON instead of text.")
        var json = false

        func run() throws {
            try IdentitySupport.report {
                let client = try VCSupport.guardedClient(allowHost: allowHost, allowPrivate: allowPrivate)
                let web = DIDWebResolver(
                    client: client,
                    limits: HTTPLimits(maxResponseBytes: 256 * 1024, timeout: .seconds(max(1, min(timeout, 120)))),
                    allowInsecureHTTP: insecureHTTP)
                var resolvers = DIDResolvers.offline
                resolvers.resolvers["web"] = web
                let did = self.did
                let resolver = resolvers
                let document = try IdentitySupport.wait { try await resolver.resolve(did) }
                if json {
                    print(try IdentitySupport.pretty(document.json), terminator: "")
                } else {
                    print(DIDSummary.text(document), terminator: "")
                }
            }
        }
    }
}

/// The readable summary of a DID document the `did` commands print.
enum DIDSummary {
    static func text(_ document: DIDDocument) -> String {
        var lines = ["DID: \(document.id)"]
        if !document.controller.isEmpty { lines.append("Controller: \(document.controller.joined(separator: ", "))") }
        if !document.alsoKnownAs.isEmpty {
            lines.append("Also known as: \(document.alsoKnownAs.joined(separator: ", "))")
        }
        var methods = document.verificationMethod
        for relationship in VerificationRelationship.allCases {
            for case .embedded(let method) in document.entries(for: relationship)
            where !methods.contains(where: { $0.id == method.id }) {
                methods.append(method)
            }
        }
        lines.append("Verification methods:")
        for method in methods {
            let key = (try? method.publicKey()).map(IdentitySupport.describe) ?? "key not readable here"
            let purposes = VerificationRelationship.allCases.filter { document.authorizes(method.id, for: $0) }.map(
                \.rawValue)
            lines.append("  \(method.id)")
            lines.append("    type: \(method.type), key: \(key)")
            lines.append("    for: \(purposes.isEmpty ? "(none)" : purposes.joined(separator: ", "))")
        }
        if !document.service.isEmpty {
            lines.append("Services:")
            for service in document.service {
                let endpoint = service.serviceEndpoint.stringValue ?? service.serviceEndpoint.jsonText
                lines.append("  \(service.id) (\(service.types.joined(separator: ", "))): \(endpoint)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
