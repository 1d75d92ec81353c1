import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import EspaceNetwork
import Foundation

/// A DID resolver that answers from DID documents given on the command line before asking
/// the method's own resolver (did:key, did:jwk offline; did:web over the network).
struct LocalDocumentsResolver: DIDResolver {
    var documents: [String: DIDDocument]
    var fallback: DIDResolvers

    func resolve(_ did: String) async throws(IdentityError) -> DIDDocument {
        if let document = documents[did] { return document }
        return try await fallback.resolve(did)
    }
}

/// Helpers of the `vc` commands: network clients, resolvers, key ids, report printing.
enum VCSupport {
    /// The guarded HTTP client the `--allow-host` / `--allow-private` options describe.
    static func guardedClient(allowHost: [String], allowPrivate: Bool) throws -> GuardedHTTPClient {
        var hosts = Set<String>()
        var networks: [IPNetwork] = []
        for entry in allowHost {
            if entry.contains("/") || IPAddress(entry) != nil {
                guard let network = IPNetwork(entry) else {
                    throw IdentitySupport.Failure("--allow-host \(entry) is not a CIDR block")
                }
                networks.append(network)
            } else {
                hosts.insert(entry)
            }
        }
        return GuardedHTTPClient(
            client: URLSessionHTTPClient(), resolver: SystemHostResolver(),
            allowList: AddressAllowList(hosts: hosts, networks: networks, allowAllPrivate: allowPrivate))
    }

    /// did:key and did:jwk offline, did:web through `http` (unless nil), and `documents`
    /// (files holding DID documents) ahead of them.
    static func resolver(documents paths: [String], http: (any HTTPClient)?) throws -> DIDResolvers {
        var fallback = DIDResolvers.offline
        if let http {
            fallback.resolvers["web"] = DIDWebResolver(
                client: http, limits: HTTPLimits(maxResponseBytes: 256 * 1024, timeout: .seconds(10)))
        }
        var documents: [String: DIDDocument] = [:]
        for path in paths {
            let document: DIDDocument
            do {
                document = try DIDDocument(json: try IdentitySupport.readJSON(path))
            } catch let error as IdentityError {
                throw IdentitySupport.Failure("\(path): \(error.message)")
            }
            documents[document.id] = document
        }
        var methods = Set(fallback.resolvers.keys)
        for did in documents.keys {
            if let url = try? DIDURL(did) { methods.insert(url.method) }
        }
        let local = LocalDocumentsResolver(documents: documents, fallback: fallback)
        return DIDResolvers(Dictionary(uniqueKeysWithValues: methods.map { ($0, local as any DIDResolver) }))
    }

    /// The absolute key id for `did`: `kid` as given (a `#fragment` or bare fragment is made
    /// relative to `did`), else the first method the DID's own document (did:key, did:jwk)
    /// lists under `relationship`, else `did#key-1` (what `espace did create --method web`
    /// writes). For did:key and did:jwk the key must be the DID's key.
    static func keyID(_ kid: String?, did: String, key: PublicKey, relationship: VerificationRelationship) throws
        -> String
    {
        let parsed = try DIDURL(did)
        guard parsed.fragment == nil, parsed.path.isEmpty, parsed.query == nil else {
            throw IdentitySupport.Failure("\(did) is a DID URL; give the plain DID and --kid for the key")
        }
        var offline: DIDDocument?
        switch parsed.method {
        case "key": offline = try DIDDocument.didKey(did)
        case "jwk": offline = try DIDDocument.didJWK(did)
        default: offline = nil
        }
        if let offline {
            let thumbprint = try key.jwk.thumbprint()
            guard offline.verificationMethod.contains(where: { (try? $0.publicKey().jwk.thumbprint()) == thumbprint }) else {
                throw IdentitySupport.Failure("the key file does not hold the key of \(did)")
            }
        }
        if let kid {
            if kid.hasPrefix("did:") { return kid }
            return did + (kid.hasPrefix("#") ? "" : "#") + kid
        }
        if let first = offline?.entries(for: relationship).first { return first.id }
        return did + "#key-1"
    }

    /// Reads an ISO 8601 / XML Schema dateTime.
    static func date(_ text: String, option: String) throws -> Date {
        do {
            return try ProofDateTime.parse(text, member: option)
        } catch {
            throw IdentitySupport.Failure("\(option) \"\(text)\" is not an ISO 8601 date-time with a time zone")
        }
    }

    /// The report as readable lines: one per check (✔ passed, ✘ failed, – skipped), nested
    /// credential reports indented, a verdict last.
    static func text(_ report: VerificationReport, indent: String = "") -> String {
        var lines: [String] = []
        let kind = report.form.map { $0.isPresentation ? "Presentation" : "Credential" } ?? "Input"
        var title = "\(indent)\(kind)"
        if let form = report.form { title += " (\(form.rawValue))" }
        if let issuer = report.issuer { title += report.form?.isPresentation == true ? " from holder \(issuer)" : " from issuer \(issuer)" }
        lines.append(title)
        if let method = report.verificationMethod { lines.append("\(indent)  key: \(method)") }
        for check in report.checks {
            let name = check.name.rawValue
            switch check.outcome {
            case .passed:
                lines.append("\(indent)  ✔ \(name)" + (check.detail.isEmpty ? "" : ": \(check.detail)"))
            case .failed(let error):
                lines.append("\(indent)  ✘ \(name) [\(error.reason.rawValue)]: \(error.message)")
                if !check.detail.isEmpty { lines.append("\(indent)      (\(check.detail))") }
            case .skipped(let why):
                lines.append("\(indent)  – \(name) skipped: \(why)")
            }
        }
        for (i, nested) in report.credentials.enumerated() {
            lines.append("\(indent)  credential \(i):")
            lines.append(text(nested, indent: indent + "    "))
        }
        if indent.isEmpty {
            let failures = report.failures.count
            lines.append(report.isValid ? "VALID" : "INVALID (\(failures) failed check\(failures == 1 ? "" : "s"))")
        }
        return lines.joined(separator: "\n")
    }
}
