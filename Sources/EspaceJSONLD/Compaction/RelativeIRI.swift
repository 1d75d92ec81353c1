/// The parts of an absolute IRI (RFC 3986 §3) needed to make it relative.
private struct IRIParts {
    /// `scheme:` plus `//authority` when present.
    var prefix: Substring
    var path: Substring
    var query: Substring?
    var fragment: Substring?

    init?(_ iri: String) {
        guard let colon = iri.firstIndex(of: ":") else { return nil }
        var rest = iri[iri.index(after: colon)...]
        if let hash = rest.firstIndex(of: "#") {
            fragment = rest[rest.index(after: hash)...]
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: question)...]
            rest = rest[..<question]
        }
        var prefixEnd = rest.startIndex
        if rest.hasPrefix("//") {
            let authorityStart = rest.index(rest.startIndex, offsetBy: 2)
            prefixEnd = rest[authorityStart...].firstIndex(of: "/") ?? rest.endIndex
        }
        prefix = iri[iri.startIndex..<prefixEnd]
        path = rest[prefixEnd...]
    }
}

/// Makes `iri` relative to `base` (the inverse of RFC 3986 §5.2 reference resolution):
/// returns the shortest reference built from `../` steps and the differing path segments,
/// query and fragment that resolves against `base` to `iri`, or `iri` itself when they do
/// not share scheme and authority.
func makeRelative(iri: String, base: String) -> String {
    guard let target = IRIParts(iri), let baseParts = IRIParts(base),
        target.prefix == baseParts.prefix
    else { return iri }
    var suffix = ""
    if let query = target.query { suffix += "?" + query }
    if let fragment = target.fragment { suffix += "#" + fragment }

    let basePath = baseParts.path.isEmpty && !baseParts.prefix.isEmpty ? "/" : baseParts.path
    let targetPath = target.path
    if targetPath.isEmpty, !basePath.isEmpty, basePath != "/" { return iri }

    if targetPath == basePath {
        // Same path: a query, or a fragment of a base without query, is enough.
        if target.query != nil || (target.fragment != nil && baseParts.query == nil) { return suffix }
    }
    let baseSegments = basePath.split(separator: "/", omittingEmptySubsequences: false)
    let targetSegments = targetPath.split(separator: "/", omittingEmptySubsequences: false)
    // The base's directory: all its segments but the last.
    let baseDirectory = baseSegments.dropLast()
    var common = 0
    while common < baseDirectory.count, common < targetSegments.count - 1,
        baseDirectory[baseDirectory.startIndex + common] == targetSegments[common]
    {
        common += 1
    }
    // Without a common root ("/"), a relative path cannot work.
    guard common > 0 else { return iri }
    var relative = String(repeating: "../", count: baseDirectory.count - common)
    relative += targetSegments[common...].joined(separator: "/")
    if relative.isEmpty {
        relative = "./"
    } else if relative.hasPrefix("//") {
        return iri
    } else if let firstSegment = targetSegments[common...].first, relative.hasPrefix(firstSegment),
        firstSegment.contains(":")
    {
        // A first segment with a colon would read as a scheme.
        relative = "./" + relative
    }
    return relative + suffix
}
