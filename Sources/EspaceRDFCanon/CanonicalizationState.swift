import EspaceRDF

/// One run of RDFC-1.0 (W3C RDF Dataset Canonicalization) over interned blank nodes.
///
/// Every non-blank term is serialized once into `arena`; blank nodes are numbered in order of
/// first appearance. Hash inputs are built as bytes and hashed incrementally.
struct CanonicalizationState {
    /// One quad component: a blank node number, or a serialized term in `arena`.
    struct Component {
        /// ≥ 0: blank node number; -1: term in `arena[start..<end]`; -2: no component
        /// (the default graph).
        var blank: Int32
        var start: Int32
        var end: Int32

        static let none = Component(blank: -2, start: 0, end: 0)
    }

    struct EncodedQuad {
        var s: Component
        var p: Component
        var o: Component
        var g: Component
    }

    let algorithm: RDFCanonHashAlgorithm
    /// The configured work budget; `nil` for the default, set once the shared hashes are known.
    let configuredMaxWork: Int?
    var maxWork = 0
    let maxDepth: Int

    var labels: [String] = []
    var arena: [UInt8] = []
    var quads: [EncodedQuad] = []
    /// For each blank node, the quads it occurs in (each quad once).
    var nodeQuads: [[Int32]] = []
    var firstDegree: [[UInt8]] = []
    /// Canonical number of each blank node, -1 before it is issued.
    var canonical: [Int32] = []
    var canonicalOrder: [Int32] = []
    /// Hash N-Degree Quads calls plus permutations examined.
    var work = 0
    var calls = 0

    init(algorithm: RDFCanonHashAlgorithm, maxWork: Int?, maxDepth: Int) {
        self.algorithm = algorithm
        self.configuredMaxWork = maxWork
        self.maxDepth = maxDepth
    }

    // MARK: Input

    mutating func load(_ input: [Quad], maxBlankNodes: Int) throws(RDFCanonError) {
        var numbers: [String: Int32] = [:]
        quads.reserveCapacity(input.count)
        func encode(_ term: Term, into state: inout CanonicalizationState) -> Component {
            if case .blank(let label) = term {
                if let n = numbers[label] { return Component(blank: n, start: 0, end: 0) }
                let n = Int32(state.labels.count)
                numbers[label] = n
                state.labels.append(label)
                state.nodeQuads.append([])
                return Component(blank: n, start: 0, end: 0)
            }
            let start = Int32(state.arena.count)
            NQuadsSerializer.append(term, to: &state.arena)
            return Component(blank: -1, start: start, end: Int32(state.arena.count))
        }
        for quad in input {
            let predicate: Component
            if case .blank = quad.predicate {
                // Not RDF; keep the statement verbatim-free by treating the label as a term.
                let start = Int32(arena.count)
                NQuadsSerializer.append(quad.predicate, to: &arena)
                predicate = Component(blank: -1, start: start, end: Int32(arena.count))
            } else {
                predicate = encode(quad.predicate, into: &self)
            }
            let q = EncodedQuad(
                s: encode(quad.subject, into: &self),
                p: predicate,
                o: encode(quad.object, into: &self),
                g: quad.graph.map { encode($0, into: &self) } ?? .none
            )
            let index = Int32(quads.count)
            quads.append(q)
            for c in [q.s, q.o, q.g] where c.blank >= 0 {
                if nodeQuads[Int(c.blank)].last != index { nodeQuads[Int(c.blank)].append(index) }
            }
            if labels.count > maxBlankNodes {
                throw .tooManyBlankNodes(count: labels.count, limit: maxBlankNodes)
            }
        }
        canonical = [Int32](repeating: -1, count: labels.count)
    }

    // MARK: Serialization

    @inline(__always) static func appendDecimal(_ value: Int32, to out: inout [UInt8]) {
        if value < 10 {
            out.append(0x30 + UInt8(value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        )
        var v = value
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            while v > 0 {
                d[n] = 0x30 + UInt8(v % 10)
                v /= 10
                n += 1
            }
            while n > 0 {
                n -= 1
                out.append(d[n])
            }
        }
    }

    /// `_:c14n<k>`.
    @inline(__always) static func appendCanonicalLabel(_ k: Int32, to out: inout [UInt8]) {
        out.append(contentsOf: [0x5F, 0x3A, 0x63, 0x31, 0x34, 0x6E])
        appendDecimal(k, to: &out)
    }

    /// `_:b<k>`.
    @inline(__always) static func appendTemporaryLabel(_ k: Int32, to out: inout [UInt8]) {
        out.append(0x5F)
        out.append(0x3A)
        out.append(0x62)
        appendDecimal(k, to: &out)
    }

    /// Appends a statement line; `label` writes each blank node.
    @inline(__always) func appendLine(_ q: EncodedQuad, to out: inout [UInt8], label: (Int32, inout [UInt8]) -> Void) {
        @inline(__always) func component(_ c: Component, _ out: inout [UInt8]) {
            if c.blank >= 0 {
                label(c.blank, &out)
            } else {
                out.append(contentsOf: arena[Int(c.start)..<Int(c.end)])
            }
        }
        component(q.s, &out)
        out.append(0x20)
        component(q.p, &out)
        out.append(0x20)
        component(q.o, &out)
        if q.g.blank != -2 {
            out.append(0x20)
            component(q.g, &out)
        }
        out.append(contentsOf: [0x20, 0x2E, 0x0A])
    }

    // MARK: Algorithm

    /// Runs the canonicalization algorithm (RDFC-1.0 §4.4) and issues canonical numbers.
    mutating func run() throws(RDFCanonError) {
        let count = labels.count
        // Hash First Degree Quads for every blank node (§4.6).
        var buffer: [UInt8] = []
        var ranges: [Range<Int>] = []
        firstDegree.reserveCapacity(count)
        for n in 0..<count {
            buffer.removeAll(keepingCapacity: true)
            ranges.removeAll(keepingCapacity: true)
            let node = Int32(n)
            for qi in nodeQuads[n] {
                let start = buffer.count
                appendLine(quads[Int(qi)], to: &buffer) { b, out in
                    out.append(0x5F)
                    out.append(0x3A)
                    out.append(b == node ? 0x61 : 0x7A)
                }
                ranges.append(start..<buffer.count)
            }
            ByteOrder.sort(&ranges, of: buffer)
            var hasher = HexHasher(algorithm)
            buffer.withUnsafeBytes { raw in
                for r in ranges { hasher.update(UnsafeRawBufferPointer(rebasing: raw[r])) }
            }
            firstDegree.append(hasher.finalizeHex())
        }

        // Group by first-degree hash; issue canonical identifiers to unique hashes in order.
        var groups: [[UInt8]: [Int32]] = [:]
        for n in 0..<count { groups[firstDegree[n], default: []].append(Int32(n)) }
        let sortedHashes = groups.keys.sorted(by: ByteOrder.less)
        var shared: [[Int32]] = []
        for hash in sortedHashes {
            guard let nodes = groups[hash] else { continue }
            if nodes.count == 1 {
                issueCanonical(nodes[0])
            } else {
                shared.append(nodes)
            }
        }

        let sharedCount = shared.reduce(0) { $0 + $1.count }
        let (square, overflow) = sharedCount.multipliedReportingOverflow(by: sharedCount)
        let (quadratic, overflow2) = square.multipliedReportingOverflow(by: RDFCanonicalizer.defaultWorkFactor)
        maxWork =
            configuredMaxWork
            ?? (overflow || overflow2 ? Int.max : max(RDFCanonicalizer.defaultBaseWork, quadratic))

        // Hash N-Degree Quads for the blank nodes that share a hash (§4.4.3 step 5).
        for nodes in shared {
            var paths: [(hash: [UInt8], issuer: IdentifierIssuer, index: Int)] = []
            for node in nodes where canonical[Int(node)] < 0 {
                var issuer = IdentifierIssuer()
                issuer.issue(node)
                let hash = try hashNDegreeQuads(node, &issuer, depth: 1)
                paths.append((hash, issuer, paths.count))
            }
            paths.sort { a, b in
                if a.hash == b.hash { return a.index < b.index }
                return ByteOrder.less(a.hash, b.hash)
            }
            for path in paths {
                for node in path.issuer.order where canonical[Int(node)] < 0 { issueCanonical(node) }
            }
        }
    }

    mutating func issueCanonical(_ node: Int32) {
        canonical[Int(node)] = Int32(canonicalOrder.count)
        canonicalOrder.append(node)
    }

    /// Hash Related Blank Node (§4.7).
    func hashRelated(_ related: Int32, _ q: EncodedQuad, _ issuer: IdentifierIssuer, _ position: UInt8) -> [UInt8] {
        var input: [UInt8] = [position]
        if position != UInt8(ascii: "g") {
            input.append(contentsOf: arena[Int(q.p.start)..<Int(q.p.end)])
        }
        let c = canonical[Int(related)]
        if c >= 0 {
            Self.appendCanonicalLabel(c, to: &input)
        } else if let t = issuer.number(of: related) {
            Self.appendTemporaryLabel(t, to: &input)
        } else {
            input.append(contentsOf: firstDegree[Int(related)])
        }
        return HexHasher.hex(of: input, algorithm)
    }

    /// Hash N-Degree Quads (§4.8). `issuer` goes in as the issuer passed to the algorithm and
    /// comes out as the issuer it returns (the callers replace theirs with it), so the common
    /// case of single-element related lists needs no issuer copy.
    mutating func hashNDegreeQuads(_ node: Int32, _ issuer: inout IdentifierIssuer, depth: Int) throws(RDFCanonError)
        -> [UInt8]
    {
        calls += 1
        work += 1
        if work > maxWork { throw .workLimitExceeded(calls: calls, limit: maxWork) }
        if depth > maxDepth { throw .recursionTooDeep(limit: maxDepth) }

        var relatedByHash: [[UInt8]: [Int32]] = [:]
        for qi in nodeQuads[Int(node)] {
            let q = quads[Int(qi)]
            if q.s.blank >= 0 && q.s.blank != node {
                relatedByHash[hashRelated(q.s.blank, q, issuer, UInt8(ascii: "s")), default: []].append(q.s.blank)
            }
            if q.o.blank >= 0 && q.o.blank != node {
                relatedByHash[hashRelated(q.o.blank, q, issuer, UInt8(ascii: "o")), default: []].append(q.o.blank)
            }
            if q.g.blank >= 0 && q.g.blank != node {
                relatedByHash[hashRelated(q.g.blank, q, issuer, UInt8(ascii: "g")), default: []].append(q.g.blank)
            }
        }

        var data: [UInt8] = []
        for hash in relatedByHash.keys.sorted(by: ByteOrder.less) {
            guard let list = relatedByHash[hash] else { continue }
            data.append(contentsOf: hash)
            if list.count == 1 {
                // One permutation: its issuer copy becomes the chosen issuer, so work in place.
                if let path = try pathFor(list, order: [0], &issuer, chosenPath: [], depth: depth) {
                    data.append(contentsOf: path)
                }
                continue
            }
            var chosenPath: [UInt8] = []
            var chosenIssuer: IdentifierIssuer?
            var permutation = Array(0..<list.count)
            repeat {
                var issuerCopy = issuer
                if let path = try pathFor(list, order: permutation, &issuerCopy, chosenPath: chosenPath, depth: depth),
                    chosenIssuer == nil || ByteOrder.less(path, chosenPath)
                {
                    chosenPath = path
                    chosenIssuer = issuerCopy
                }
            } while Self.nextPermutation(&permutation)
            data.append(contentsOf: chosenPath)
            if let chosenIssuer { issuer = chosenIssuer }
        }
        return HexHasher.hex(of: data, algorithm)
    }

    /// The path of one permutation of a related blank node list (§4.8.3 step 5.4), or `nil`
    /// when it is already longer and greater than `chosenPath` (skip to the next permutation).
    mutating func pathFor(
        _ list: [Int32], order: [Int], _ issuerCopy: inout IdentifierIssuer, chosenPath: [UInt8], depth: Int
    ) throws(RDFCanonError) -> [UInt8]? {
        work += 1
        if work > maxWork { throw .workLimitExceeded(calls: calls, limit: maxWork) }
        var path: [UInt8] = []
        var recursionList: [Int32] = []
        for i in order {
            let related = list[i]
            let c = canonical[Int(related)]
            if c >= 0 {
                Self.appendCanonicalLabel(c, to: &path)
            } else {
                if issuerCopy.number(of: related) == nil { recursionList.append(related) }
                Self.appendTemporaryLabel(issuerCopy.issue(related), to: &path)
            }
            if !chosenPath.isEmpty && path.count >= chosenPath.count && ByteOrder.less(chosenPath, path) {
                return nil
            }
        }
        for related in recursionList {
            let hash = try hashNDegreeQuads(related, &issuerCopy, depth: depth + 1)
            Self.appendTemporaryLabel(issuerCopy.issue(related), to: &path)
            path.append(UInt8(ascii: "<"))
            path.append(contentsOf: hash)
            path.append(UInt8(ascii: ">"))
            if !chosenPath.isEmpty && path.count >= chosenPath.count && ByteOrder.less(chosenPath, path) {
                return nil
            }
        }
        return path
    }

    /// Advances `p` to the next permutation in lexicographic order; `false` after the last.
    static func nextPermutation(_ p: inout [Int]) -> Bool {
        guard p.count > 1 else { return false }
        var i = p.count - 2
        while i >= 0 && p[i] >= p[i + 1] { i -= 1 }
        if i < 0 { return false }
        var j = p.count - 1
        while p[j] <= p[i] { j -= 1 }
        p.swapAt(i, j)
        p[(i + 1)...].reverse()
        return true
    }

    // MARK: Output

    /// The canonical N-Quads document.
    func canonicalNQuads() -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(arena.count + quads.count * 32)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(quads.count)
        let canonical = self.canonical
        for q in quads {
            let start = buffer.count
            appendLine(q, to: &buffer) { b, out in Self.appendCanonicalLabel(canonical[Int(b)], to: &out) }
            ranges.append(start..<buffer.count)
        }
        ByteOrder.sort(&ranges, of: buffer)
        var out: [UInt8] = []
        out.reserveCapacity(buffer.count)
        buffer.withUnsafeBufferPointer { raw in
            for r in ranges { out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[r])) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
