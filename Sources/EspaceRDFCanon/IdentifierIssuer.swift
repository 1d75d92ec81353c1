/// An RDFC-1.0 identifier issuer over interned blank nodes: issues `prefix` + counter in
/// order, remembering which blank node got which number.
struct IdentifierIssuer {
    /// Blank nodes in the order their identifiers were issued.
    private(set) var order: [Int32] = []
    private var numbers: [Int32: Int32] = [:]

    /// The number issued to `node`, if any.
    @inline(__always) func number(of node: Int32) -> Int32? { numbers[node] }

    /// Issues (or returns the already issued) number for `node`.
    @discardableResult
    mutating func issue(_ node: Int32) -> Int32 {
        if let n = numbers[node] { return n }
        let n = Int32(order.count)
        numbers[node] = n
        order.append(node)
        return n
    }
}
