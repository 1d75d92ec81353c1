import EspaceJSON
import Foundation

/// Where the benchmark inputs are: the shared reference data (contexts, the alumni
/// credential) and the data folder that Benchmarks/run.sh fills (generated catalogues and
/// their N-Quads).
struct BenchmarkInputs {
    /// The shared folder: `--shared`, else `$ESPACE_SHARED`, else `../shared` beside the package.
    let shared: URL
    /// The generated data: `--data`, else `bench-out` in the package.
    let data: URL

    /// The package root, from this file's path (`Benchmarks/EspaceBenchmarks/…`).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init(shared: String?, data: String?) {
        if let shared {
            self.shared = URL(fileURLWithPath: shared)
        } else if let env = ProcessInfo.processInfo.environment["ESPACE_SHARED"], !env.isEmpty {
            self.shared = URL(fileURLWithPath: env)
        } else {
            self.shared = Self.packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        }
        self.data = data.map { URL(fileURLWithPath: $0) } ?? Self.packageRoot.appendingPathComponent("bench-out")
    }

    /// The alumni credential of the W3C vc-di-eddsa test vectors.
    var alumniCredential: URL {
        shared.appendingPathComponent("conformance/vc/vc-di-eddsa/TestVectors/unsigned.json")
    }

    /// The same credential with its eddsa-rdfc-2022 Data Integrity proof.
    var signedAlumniCredential: URL {
        shared.appendingPathComponent("conformance/vc/vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json")
    }

    /// A generated file in the data folder.
    func generated(_ name: String) -> URL { data.appendingPathComponent(name) }

    /// The URL of the catalogue's context (see generate_catalog.py).
    static let catalogContextURL = "https://espace.example/benchmarks/dcat-context.jsonld"

    /// Context URL → local file: shared/protocols/contexts/context-map.json plus the
    /// catalogue's context, the same map the Python peers load from.
    func contextFiles() throws -> [String: String] {
        let mapURL = shared.appendingPathComponent("protocols/contexts/context-map.json")
        let map = try JSONParser().parse(try Data(contentsOf: mapURL))
        var files: [String: String] = [:]
        for entry in map["contexts"]?.arrayValue ?? [] {
            guard let url = entry["url"]?.stringValue, let file = entry["file"]?.stringValue else { continue }
            files[url] = shared.appendingPathComponent(file).path
        }
        files[Self.catalogContextURL] = generated("dcat-context.jsonld").path
        return files
    }

    /// The bytes of `url`, or nil (with a note on standard error) when it is missing.
    static func read(_ url: URL) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            FileHandle.standardError.write(
                Data("skip: \(url.path) not found (run Benchmarks/run.sh to generate it)\n".utf8))
            return nil
        }
        return [UInt8](data)
    }

    /// Checks once, before timing, that `produce` gives the expected canonical N-Quads for
    /// the input `suffix` (`alumni`: the vc-di-eddsa vector; others: the pyoxigraph result
    /// that `peers.py prepare` wrote). A mismatch is reported on standard error, not fatal.
    func check(_ name: String, suffix: String, produce: () throws -> String) {
        let expectedURL =
            suffix == "alumni"
            ? shared.appendingPathComponent(
                "conformance/vc/vc-di-eddsa/TestVectors/eddsa-rdfc-2022/canonDocDataInt.txt")
            : generated(suffix.replacingOccurrences(of: "catalog1k", with: "catalog-1000") + ".canonical.nq")
        guard let expected = FileManager.default.contents(atPath: expectedURL.path) else { return }
        let verdict: String
        do {
            verdict = Array(try produce().utf8) == [UInt8](expected) ? "ok" : "MISMATCH with \(expectedURL.path)"
        } catch {
            verdict = "error \(error)"
        }
        FileHandle.standardError.write(Data("check \(name): \(verdict)\n".utf8))
    }
}
