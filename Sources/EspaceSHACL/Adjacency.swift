/// A compressed adjacency index: for each node id, its (key, value) entries stored
/// contiguously, sorted by key and otherwise in insertion order. Built by counting sort,
/// so building costs no hashing and no allocation per node.
struct Adjacency: Sendable {
    /// Entries of node `n` are at `offsets[n] ..< offsets[n + 1]`.
    private var offsets: [Int32]
    private var keys: [Int32]
    private var values: [Int32]

    /// Indexes the triples `(from[i], key[i], to[i])` for the `i` where `include(i)`.
    init(nodeCount: Int, from: [Int32], key: [Int32], to: [Int32], include: (Int) -> Bool = { _ in true }) {
        var counts = [Int32](repeating: 0, count: nodeCount + 1)
        for i in from.indices where include(i) { counts[Int(from[i]) + 1] += 1 }
        for n in 0..<nodeCount { counts[n + 1] += counts[n] }
        offsets = counts
        var next = counts
        let total = Int(counts[nodeCount])
        var keys = [Int32](repeating: 0, count: total)
        var values = [Int32](repeating: 0, count: total)
        for i in from.indices where include(i) {
            let slot = Int(next[Int(from[i])])
            next[Int(from[i])] += 1
            keys[slot] = key[i]
            values[slot] = to[i]
        }
        // Sort each node's entries by key, keeping insertion order among equal keys.
        for n in 0..<nodeCount {
            let start = Int(counts[n])
            let end = Int(counts[n + 1])
            guard end - start > 1 else { continue }
            if end - start <= 32 {
                for i in (start + 1)..<end {
                    let k = keys[i]
                    let v = values[i]
                    var j = i - 1
                    while j >= start, keys[j] > k {
                        keys[j + 1] = keys[j]
                        values[j + 1] = values[j]
                        j -= 1
                    }
                    keys[j + 1] = k
                    values[j + 1] = v
                }
            } else {
                let sorted = (start..<end).map { (keys[$0], $0, values[$0]) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
                for (offset, entry) in sorted.enumerated() {
                    keys[start + offset] = entry.0
                    values[start + offset] = entry.2
                }
            }
        }
        self.keys = keys
        self.values = values
    }

    /// The values of `node` under `key`, in insertion order.
    func values(_ node: Int32, _ key: Int32) -> ArraySlice<Int32> {
        guard node >= 0, Int(node) + 1 < offsets.count else { return [] }
        var low = Int(offsets[Int(node)])
        let end = Int(offsets[Int(node) + 1])
        var high = end
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        var stop = low
        while stop < end, keys[stop] == key { stop += 1 }
        return values[low..<stop]
    }

    /// All values of `node` (any key).
    func values(_ node: Int32) -> ArraySlice<Int32> {
        guard node >= 0, Int(node) + 1 < offsets.count else { return [] }
        return values[Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1])]
    }

    /// The distinct keys of `node`, in key order.
    func keys(_ node: Int32) -> [Int32] {
        guard node >= 0, Int(node) + 1 < offsets.count else { return [] }
        var out: [Int32] = []
        for i in Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1]) where out.last != keys[i] { out.append(keys[i]) }
        return out
    }

    /// The nodes that have at least one entry, in id order.
    var nodesWithEntries: [Int32] {
        (0..<(offsets.count - 1)).filter { offsets[$0 + 1] > offsets[$0] }.map { Int32($0) }
    }
}
