import ArgumentParser
import EspaceDCP
import EspaceIdentity
import Foundation

/// `espace dcp`: Decentralized Claims Protocol tools.
struct DCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dcp", abstract: "Decentralized Claims Protocol tools.", subcommands: [Token.self])

    /// `espace dcp token`: a Self-Issued ID Token to call another participant with.
    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mint a Self-Issued ID Token (with an access token for the given scopes).",
            discussion: """
                Prints the token to send as `Authorization: Bearer <token>`. With --scope, the token
                carries an access token that lets the audience read those scopes from this
                participant's credential service.
                """)

        @Option(help: "The participant's private key (private JWK).")
        var key: String
        @Option(help: "The participant's DID.")
        var did: String
        @Option(help: "The key id (default: DID#key-1).")
        var kid: String?
        @Option(help: "The verifier's DID (aud).")
        var audience: String
        @Option(help: "A scope to grant, e.g. org.eclipse.dspace.dcp.vc.type:MembershipCredential:read (repeatable).")
        var scope: [String] = []
        @Option(help: "Lifetime in seconds.")
        var lifetime: Double = 300

        func run() throws {
            let (_, privateKey) = try IdentitySupport.readKey(key)
            guard let privateKey else { throw IdentitySupport.Failure("\(key) holds no private key (\"d\")") }
            var scopes: [DCPScope] = []
            for text in scope {
                do {
                    scopes.append(try DCPScope(parsing: text))
                } catch {
                    throw IdentitySupport.Failure("--scope \(text): \(error)")
                }
            }
            let sts = SecureTokenService(participant: did, key: privateKey, kid: kid ?? did + "#key-1", lifetime: lifetime)
            let token = try IdentitySupport.report {
                try sts.idToken(for: audience, grantingScopes: scopes.isEmpty ? nil : scopes, now: Date().timeIntervalSince1970)
            }
            print(token)
        }
    }
}
