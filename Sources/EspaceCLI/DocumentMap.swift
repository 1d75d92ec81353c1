/// Parses `--document URL=PATH` options into a URL → file map for `LocalDocumentLoader`.
enum DocumentMap {
    static func parse(_ mappings: [String]) throws -> [String: String] {
        var files: [String: String] = [:]
        for mapping in mappings {
            guard let eq = mapping.firstIndex(of: "="), eq != mapping.startIndex else {
                throw CommandFailure.exit("--document takes URL=PATH, got \(mapping)")
            }
            files[String(mapping[..<eq])] = String(mapping[mapping.index(after: eq)...])
        }
        return files
    }
}
