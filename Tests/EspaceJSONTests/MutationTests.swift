import Foundation
import EspaceTestSupport
import Testing

@testable import EspaceJSON

/// Byte mutations of real JSON documents: the parser must return a value or throw a
/// `JSONParseError` with a sane position, never crash or hang.
@Suite("Parser: mutations")
struct MutationTests {
    static let folder = "conformance/json-ld-api/tests"
    static let extensions: Set<String> = ["json", "jsonld", "jldt", "jldte"]
    /// Mutations per file.
    static let mutationsPerFile = 12

    /// The JSON files of the JSON-LD API test suite, sorted by path.
    static func corpus() throws -> [(name: String, bytes: [UInt8])] {
        let root = SharedFixtures.url(folder)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            return []
        }
        var files: [(String, [UInt8])] = []
        for case let url as URL in enumerator where extensions.contains(url.pathExtension) {
            let name = String(url.path.dropFirst(root.path.count))
            files.append((name, [UInt8](try Data(contentsOf: url))))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// The `index`-th mutation of `bytes`.
    static func mutate(_ bytes: [UInt8], kind index: Int, using random: inout SplitMix64) -> [UInt8] {
        var out = bytes
        let count = bytes.count
        func position() -> Int { count == 0 ? 0 : Int.random(in: 0..<count, using: &random) }
        switch index % 12 {
        case 0: out = Array(bytes.prefix(count / 2))  // truncate in the middle
        case 1: out = Array(bytes.prefix(position()))  // truncate anywhere
        case 2: out = Array(bytes.dropLast())  // lose the last byte
        case 3: if count > 0 { out[position()] ^= 0x20 }  // flip case or space
        case 4: if count > 0 { out[position()] ^= 0x80 }  // break UTF-8
        case 5: if count > 0 { out[position()] = UInt8.random(in: 0...255, using: &random) }
        case 6:  // flip several bits in several places
            for _ in 0..<4 where count > 0 { out[position()] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random) }
        case 7:  // duplicate a slice in place
            let start = position()
            let end = min(count, start + Int.random(in: 1...64, using: &random))
            out.insert(contentsOf: bytes[start..<end], at: end)
        case 8: out.insert(UInt8(ascii: "["), at: position())
        case 9: out.insert(contentsOf: repeatElement(UInt8(ascii: "["), count: 300), at: position())
        case 10: if count > 0 { out.remove(at: position()) }
        default: out.insert(UInt8(ascii: "\""), at: position())
        }
        return out
    }

    @Test func mutatedDocumentsNeverCrashOrHang() throws {
        let files = try Self.corpus()
        #expect(files.count > 2_000, "JSON-LD API suite not found under \(SharedFixtures.url(Self.folder).path)")
        let clock = ContinuousClock()
        var parsed = 0
        var rejected = 0
        var slowest = Duration.zero
        let started = clock.now
        for (name, bytes) in files {
            var random = SplitMix64(seed: name)
            for kind in 0..<Self.mutationsPerFile {
                let mutated = Self.mutate(bytes, kind: kind, using: &random)
                let begin = clock.now
                do {
                    let value = try JSONParser().parse(mutated)
                    parsed += 1
                    // What parses must round-trip through the serializer.
                    let again = try JSONParser().parse(JSONSerializer().serializeBytes(value))
                    #expect(again == value, "\(name) mutation \(kind) does not round-trip")
                } catch let error as JSONParseError {
                    rejected += 1
                    #expect(
                        error.line >= 1 && error.column >= 1 && error.offset <= mutated.count,
                        "\(name) mutation \(kind): \(error)")
                }
                slowest = max(slowest, clock.now - begin)
            }
        }
        let total = clock.now - started
        #expect(parsed + rejected == files.count * Self.mutationsPerFile)
        #expect(rejected > parsed)
        #expect(slowest < .seconds(5), "slowest parse took \(slowest)")
        print(
            "mutations: \(files.count) files, \(parsed) parsed, \(rejected) rejected, slowest \(slowest), total \(total)"
        )
    }

    @Test func unmutatedDocumentsParseAndRoundTrip() throws {
        var failures: [String] = []
        for (name, bytes) in try Self.corpus() {
            do {
                let value = try JSONParser().parse(bytes)
                let again = try JSONParser().parse(JSONSerializer().serializeBytes(value))
                if again != value { failures.append("\(name): round trip differs") }
            } catch let error as JSONParseError {
                failures.append("\(name): \(error)")
            }
        }
        // remote-doc/0004-in.jldte is deliberately not JSON (it tests a loading failure).
        #expect(failures.count == 1 && failures.first?.hasPrefix("/remote-doc/0004-in.jldte") == true, "\(failures)")
    }
}
