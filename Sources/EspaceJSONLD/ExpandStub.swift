import EspaceJSON

// Temporary: replaced by the lead's expansion once main has it. Accepts only input that
// is already in expanded form (an array of node objects, or one node object).
extension JSONLD {
    public static func expand(_ input: JSONValue, options: JSONLDOptions) throws(JSONLDError) -> [JSONValue] {
        if case .array(let a) = input { return a }
        if case .object(let o) = input, o.count == 1, let g = o["@graph"] { return g.asArray }
        if input.isNull { return [] }
        return [input]
    }
}
