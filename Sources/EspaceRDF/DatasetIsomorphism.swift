extension Dataset {
    /// Whether `other` equals this dataset up to a one-to-one renaming of blank nodes.
    ///
    /// Ground statements are compared as sets; blank nodes are matched by hashing-based
    /// partition refinement (colour refinement), with a backtracking search that individualizes
    /// one blank node at a time when the refinement leaves classes of equal colour.
    public func isIsomorphic(to other: Dataset) -> Bool {
        var check = DatasetIsomorphism()
        return check.isomorphic(self, other)
    }
}

/// Blank-node bijection search for `Dataset.isIsomorphic(to:)`.
struct DatasetIsomorphism {
    /// A statement with terms as numbers: ≥ 0 a shared term number (0 = default graph),
    /// < 0 a blank node (`-1 - n`).
    struct Encoded: Hashable {
        var s: Int
        var p: Int
        var o: Int
        var g: Int
    }

    /// One side: its statements with blank nodes, and per blank node the statements it is in.
    struct Side {
        var quads: [Encoded] = []
        var set: Set<Encoded> = []
        var nodeQuads: [[Int]] = []
        var colors: [UInt64] = []
        var labels: [String: Int] = [:]
    }

    var terms: [Term: Int] = [:]

    mutating func isomorphic(_ a: Dataset, _ b: Dataset) -> Bool {
        guard a.count == b.count else { return false }
        var ground: Set<Encoded> = []
        var sideA = Side()
        var sideB = Side()
        for quad in a.quads {
            if let e = encode(quad, &sideA) {
                sideA.quads.append(e)
            } else if let g = encodeGround(quad) {
                ground.insert(g)
            }
        }
        var groundCountB = 0
        for quad in b.quads {
            if let e = encode(quad, &sideB) {
                sideB.quads.append(e)
            } else {
                guard let g = encodeGround(quad), ground.contains(g) else { return false }
                groundCountB += 1
            }
        }
        guard groundCountB == ground.count,
            sideA.quads.count == sideB.quads.count,
            sideA.nodeQuads.count == sideB.nodeQuads.count
        else { return false }
        if sideA.quads.isEmpty { return true }
        prepare(&sideA)
        prepare(&sideB)
        guard refine(&sideA, &sideB) else { return false }
        return search(sideA, sideB, depth: 0)
    }

    // MARK: Encoding

    mutating func number(_ term: Term) -> Int {
        if let n = terms[term] { return n }
        let n = terms.count + 1
        terms[term] = n
        return n
    }

    /// The statement with blank nodes numbered, or `nil` when it has none.
    mutating func encode(_ quad: Quad, _ side: inout Side) -> Encoded? {
        guard quad.subject.isBlank || quad.predicate.isBlank || quad.object.isBlank || (quad.graph?.isBlank ?? false)
        else { return nil }
        func code(_ term: Term?, _ side: inout Side, _ this: inout DatasetIsomorphism) -> Int {
            guard let term else { return 0 }
            if case .blank(let label) = term {
                if let n = side.labels[label] { return -1 - n }
                let n = side.nodeQuads.count
                side.nodeQuads.append([])
                side.labels[label] = n
                return -1 - n
            }
            return this.number(term)
        }
        return Encoded(
            s: code(quad.subject, &side, &self), p: code(quad.predicate, &side, &self),
            o: code(quad.object, &side, &self), g: code(quad.graph, &side, &self))
    }

    mutating func encodeGround(_ quad: Quad) -> Encoded? {
        Encoded(
            s: number(quad.subject), p: number(quad.predicate), o: number(quad.object),
            g: quad.graph.map { number($0) } ?? 0)
    }

    func prepare(_ side: inout Side) {
        for (i, q) in side.quads.enumerated() {
            for c in [q.s, q.p, q.o, q.g] where c < 0 {
                let n = -1 - c
                if side.nodeQuads[n].last != i { side.nodeQuads[n].append(i) }
            }
            side.set.insert(q)
        }
        side.colors = [UInt64](repeating: 0x9E37_79B9_7F4A_7C15, count: side.nodeQuads.count)
    }

    // MARK: Refinement

    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func signature(_ q: Encoded, of node: Int, _ colors: [UInt64]) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3
        for (position, c) in [q.s, q.p, q.o, q.g].enumerated() {
            let code: UInt64
            if c >= 0 {
                code = UInt64(c) &* 0x100_0000_01B3
            } else if -1 - c == node {
                code = 0xA5A5_A5A5_A5A5_A5A5
            } else {
                code = mix(colors[-1 - c] ^ 0x5555_5555)
            }
            h = mix(h ^ mix(code &+ UInt64(position)))
        }
        return h
    }

    /// One refinement round.
    static func round(_ side: Side) -> [UInt64] {
        var next = side.colors
        for node in 0..<side.nodeQuads.count {
            var sum: UInt64 = 0
            for qi in side.nodeQuads[node] { sum &+= signature(side.quads[qi], of: node, side.colors) }
            next[node] = mix(side.colors[node] &+ mix(sum))
        }
        return next
    }

    static func classCount(_ colors: [UInt64]) -> Int { Set(colors).count }

    /// Refines both sides in lockstep until stable; `false` if their colourings diverge.
    func refine(_ a: inout Side, _ b: inout Side) -> Bool {
        var classes = Self.classCount(a.colors)
        while true {
            a.colors = Self.round(a)
            b.colors = Self.round(b)
            guard a.colors.sorted() == b.colors.sorted() else { return false }
            let next = Self.classCount(a.colors)
            if next <= classes { return true }
            classes = next
        }
    }

    // MARK: Search

    func search(_ a: Side, _ b: Side, depth: Int) -> Bool {
        // Smallest class with more than one member.
        var members: [UInt64: [Int]] = [:]
        for (n, c) in a.colors.enumerated() { members[c, default: []].append(n) }
        guard
            let (color, nodes) = members.filter({ $0.value.count > 1 }).min(by: { x, y in
                x.value.count != y.value.count ? x.value.count < y.value.count : x.key < y.key
            })
        else {
            return verify(a, b)
        }
        let node = nodes[0]
        let unique = Self.mix(color ^ UInt64(depth + 1) &* 0xD6E8_FEB8_6659_FD93)
        for candidate in 0..<b.colors.count where b.colors[candidate] == color {
            var a2 = a
            var b2 = b
            a2.colors[node] = unique
            b2.colors[candidate] = unique
            if refine(&a2, &b2) && search(a2, b2, depth: depth + 1) { return true }
        }
        return false
    }

    /// With all colours distinct, the bijection is colour to colour; check every statement.
    func verify(_ a: Side, _ b: Side) -> Bool {
        var byColor: [UInt64: Int] = [:]
        for (n, c) in b.colors.enumerated() { byColor[c] = n }
        var mapping = [Int](repeating: 0, count: a.colors.count)
        for (n, c) in a.colors.enumerated() {
            guard let m = byColor[c] else { return false }
            mapping[n] = m
        }
        func map(_ c: Int) -> Int { c >= 0 ? c : -1 - mapping[-1 - c] }
        for q in a.quads {
            guard b.set.contains(Encoded(s: map(q.s), p: map(q.p), o: map(q.o), g: map(q.g))) else { return false }
        }
        return true
    }
}
