/// RFC 8785 JSON Canonicalization Scheme (JCS): the one text of a JSON value that
/// signatures and digests (such as Gaia-X `digestSRI`) are computed over.
///
/// Members are sorted by the UTF-16 code units of their keys, numbers are written as
/// ECMAScript writes doubles, strings use the minimal escaping, and there is no whitespace.
public enum JSONCanonicalization {
    static let serializer = JSONSerializer(options: .init(pretty: false, sortKeys: true, ecmaScriptNumbers: true))

    /// The canonical text of `value`. Throws for numbers outside the double range.
    public static func canonicalize(_ value: JSONValue) throws(JSONSerializationError) -> String {
        try serializer.serialize(value)
    }

    /// The canonical text of `value` as UTF-8 bytes (what gets hashed).
    public static func canonicalBytes(_ value: JSONValue) throws(JSONSerializationError) -> [UInt8] {
        try serializer.serializeBytes(value)
    }
}
