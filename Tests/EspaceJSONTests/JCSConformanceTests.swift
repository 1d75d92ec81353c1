import Foundation
import EspaceTestSupport
import Testing

@testable import EspaceJSON

/// RFC 8785 conformance: the reference vectors of `cyberphone/json-canonicalization`
/// (shared/protocols/jcs) and its ES6 number-formatting file.
@Suite("JCS conformance")
struct JCSConformanceTests {
    static let vectors = ["arrays", "french", "structures", "unicode", "values", "weird"]

    @Test(arguments: vectors)
    func vector(name: String) throws {
        let input = try SharedFixtures.bytes("protocols/jcs/testdata/input/\(name).json")
        let expected = try SharedFixtures.bytes("protocols/jcs/testdata/output/\(name).json")
        let value = try JSONParser().parse(input)
        let canonical = try JSONCanonicalization.canonicalBytes(value)
        #expect(canonical == expected)
        #expect(Array(try JSONCanonicalization.canonicalize(value).utf8) == expected)

        let hexText = String(
            decoding: try SharedFixtures.bytes("protocols/jcs/testdata/outhex/\(name).txt"), as: UTF8.self)
        let hexBytes = hexText.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" }).compactMap {
            UInt8($0, radix: 16)
        }
        #expect(canonical == hexBytes)

        // Canonical text is a fixed point.
        #expect(try JSONCanonicalization.canonicalBytes(JSONParser().parse(canonical)) == canonical)
    }

    @Test func es6NumberFormatting() throws {
        let text = String(
            decoding: try SharedFixtures.bytes("protocols/jcs/derived/es6testfile-first10000.txt"), as: UTF8.self)
        var checked = 0
        var failures: [String] = []
        for line in text.split(separator: "\n") {
            guard let comma = line.firstIndex(of: ","), let bits = UInt64(line[..<comma], radix: 16) else {
                Issue.record("malformed line \(line)")
                continue
            }
            let expected = String(line[line.index(after: comma)...])
            let double = Double(bitPattern: bits)
            let actual = JSONNumber.ecmaScriptString(double)
            checked += 1
            if actual != expected {
                failures.append("\(line[..<comma]): expected \(expected), got \(actual)")
                continue
            }
            // The JCS text of the number is the same, and reads back as the same double.
            let canonical = try JSONCanonicalization.canonicalize(.number(JSONNumber(double)))
            if canonical != expected || Double(canonical) != (double == 0 ? 0 : double) {
                failures.append("\(line[..<comma]): canonical \(canonical)")
            }
        }
        #expect(checked == 10_000)
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(10))")
    }

    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (1, "1"), (-1, "-1"), (0.5, "0.5"), (100, "100"),
        (1e20, "100000000000000000000"), (1e21, "1e+21"), (123e20, "1.23e+22"),
        (1e-6, "0.000001"), (1e-7, "1e-7"), (1.5e-7, "1.5e-7"), (0.1 + 0.2, "0.30000000000000004"),
        (Double.leastNonzeroMagnitude, "5e-324"), (-Double.leastNonzeroMagnitude, "-5e-324"),
        (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"),
        (9_007_199_254_740_992, "9007199254740992"), (333333333.33333329, "333333333.3333333"),
        (4.35, "4.35"), (0.002, "0.002"), (1e-27, "1e-27"), (1.7976931348623157e308, "1.7976931348623157e+308"),
    ])
    func ecmaScriptFormatting(value: Double, expected: String) {
        #expect(JSONNumber.ecmaScriptString(value) == expected)
    }

    /// The eddsa-jcs-2022 vectors of vc-di-eddsa: the alumni credential and the proof
    /// configuration, canonicalized.
    @Test(arguments: [
        ("unsigned.json", "eddsa-jcs-2022/canonDocJCS.txt"),
        ("eddsa-jcs-2022/proofConfigJCS.json", "eddsa-jcs-2022/proofCanonJCS.txt"),
    ])
    func dataIntegrityJCSVectors(input: String, expected: String) throws {
        let folder = "conformance/vc/vc-di-eddsa/TestVectors/"
        let value = try JSONParser().parse(try SharedFixtures.bytes(folder + input))
        #expect(try JSONCanonicalization.canonicalBytes(value) == SharedFixtures.bytes(folder + expected))
    }
}
