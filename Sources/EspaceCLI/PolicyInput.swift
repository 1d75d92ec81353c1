import ArgumentParser
import EspacePolicy

/// The syntax of a policy file.
enum PolicyFormat: String, ExpressibleByArgument, CaseIterable {
    case json
    case turtle
}

/// Reads the policies of a file given to an `espace policy` command.
enum PolicyInput {
    /// The format: `--format` if given, else by extension (`.ttl`/`.turtle` → Turtle), else JSON.
    static func format(of path: String, _ explicit: PolicyFormat?) -> PolicyFormat {
        if let explicit { return explicit }
        let lower = path.lowercased()
        return lower.hasSuffix(".ttl") || lower.hasSuffix(".turtle") ? .turtle : .json
    }

    /// Every policy in `path` (`-` for standard input), read leniently: a rule without an
    /// action is kept (validation reports it with its place; explain says "do anything with").
    static func policies(_ path: String, _ explicit: PolicyFormat?) throws -> [Policy] {
        let name = path == "-" ? "<stdin>" : path
        let bytes: [UInt8]
        do {
            bytes = try InputSource.read(path)
        } catch {
            throw CommandFailure.exit("\(error)")
        }
        do {
            let reader = PolicyReader(strict: false)
            switch format(of: path, explicit) {
            case .json: return try PolicyDocument.policies(fromJSON: bytes, reader: reader)
            case .turtle: return try PolicyDocument.policies(fromTurtle: bytes, reader: reader)
            }
        } catch {
            throw CommandFailure.exit("\(name): \(error)")
        }
    }
}

extension PolicyInput {
    /// `policy` with what it inherits, its parents read from `files` (each may hold several
    /// policies). A policy that inherits from one not given is an error, not a partial policy.
    static func resolvingInheritance(_ policy: Policy, parents files: [String]) throws -> Policy {
        guard !policy.inheritFrom.isEmpty else { return policy }
        var known: [String: Policy] = [:]
        for file in files {
            for parent in try policies(file, nil) { known[parent.uid] = parent }
        }
        do {
            return try policy.resolvingInheritance { known[$0] }
        } catch {
            throw CommandFailure.exit("\(error) (give the parent policies with --parent FILE)")
        }
    }
}
