import EspaceCredentials
import EspaceIdentity
import Foundation
import Testing

/// The pure-Swift gzip coder against output of Python's `gzip` module (generated once,
/// `mtime=0`), plus round trips, a bomb limit and corruption checks.
@Suite("GZip")
struct GZipTests {
    static func base64(_ text: String) throws -> [UInt8] {
        [UInt8](try #require(Data(base64Encoded: text)))
    }

    /// `gzip.compress(b"", mtime=0)`.
    static let empty = "H4sIAAAAAAACAwMAAAAAAAAAAAA="
    /// `gzip.compress(b"The quick brown fox jumps over the lazy dog. " * 40 + b"Status lists are mostly zeros.\n", 9, mtime=0)` (dynamic Huffman).
    static let text = "H4sIAAAAAAACA+3KwRVAMBAFwLsqfgWakQaCICSW7AZJ9dTh7XnGLA5n9sOGPtG9Y6IHa44Hgy6XIB8HWwtGmlsYzZo1a9as+V+5EyuZETwLwyaHSCyhoLpE3DYvjnCj2ycHAAA="
    /// 16 KiB of zeros with bits 201, 57444 and 94016 set, compresslevel 9.
    static let list = "H4sIAAAAAAACA+3QQREAIAwDsD6RhbRJnwIE9EgkJHm4AQAAAAAAAIodBQAAAAC1RgEAAADAlxaXqBRFAEAAAA=="
    /// 700 random bytes written by `GzipFile(filename="list.bin")` (FNAME header field).
    static let named = "H4sICAAAAAAC/2xpc3QuYmluAAG8AkP9UvImZaYMEtKJGF2VDuiBNgkWb2sRPReNbA/TkB/yOaGglfIPk5VlDPk4C47bIkprJIoekk6P0K4uGpSSozBfGIy2EJAPnjR/rohtxlB3lex0XEw/yy6yxz4Uk0yGfuBXunJJm/oSHoNrKsFXJu59awr2qxPDjpLK4NFQV7FZmH+UzHQR1xfxRXmyqhAPu7NPpZP+rtJySLdi46tYBfB2WiucHX4PN8RJIb0/ZWTq338UKnJmjEfiI9Fu3YxHtGr8W67iYfU7JhUtJjuoOwN81JYuQ0gBJWuIXpyQUfMgsNuD856nrb0NdObex/PfrsyPZGVmZBp7omYPMBH8NXApHFeZDRoAkSaJGfJdnQYS3zWdYCaiQPRYml15Hx3ZfP76d3p7TxUkGr9XvUN61LEphAU08/OHXCWwi+oGwodM+qTdF7LYQoRd6CpbxTmIiseAVKI5nM/J/MLaMc490Wa9zTozhH5buwf9B8pHeEIxsZr0WHLO77n8WfT5XRQ4Gjp4MlY0e5/85pzXAHrop1jMpBXVqR7oY8i2wDN64y1vyqJVFs3y+Lhldma+8hW5KCv+IAcml+d3zqclnNOY+nmo71knjIwhBQPM+LmmGoa/7yNv/N8x0982B0A2SoA9w5ZTQotr1SEP6L1a5XWpldDnhGvT6uCAIYgmhoIE33DGLpsBxswmLCR5nrkejg9TroSHjnvIxhvijw4/MEYKxRmBc48HwuTpEHFTnPmBm4MzsUZzgojOeoHxP7KF4ODx7ULsj+TxM9dyI2ofZHFQEqs9bRI2q03IH+XGJ/C3pKldJEDiI/d3OL/zGGXifCn9qtU5KbRu/oNnVmsyW1EXuF0EVo11cLQEYlSEn0uD9RAc/OvJOvjgGhVDRQrnxy5FwSHRbNnprdHyQmcmieuDkn6zUxZHDsywLmzlEkTwBPdZDFy8AgAA"

    static let textData = Array(
        (String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 40) + "Status lists are mostly zeros.\n").utf8)

    @Test func inflatesPythonOutput() throws {
        #expect(try GZip.decompress(try Self.base64(Self.empty)) == [])
        #expect(try GZip.decompress(try Self.base64(Self.text)) == Self.textData)
        let list = try GZip.decompress(try Self.base64(Self.list))
        #expect(list.count == 16_384)
        let set = (0..<(list.count * 8)).filter { (bit: Int) -> Bool in
            let shift = UInt8(7 - bit % 8)
            return (list[bit / 8] >> shift) & 1 == 1
        }
        #expect(set == [201, 57_444, 94_016])
        // The CRC-32 and length in the trailer are checked, so decoding is byte-exact.
        #expect(try GZip.decompress(try Self.base64(Self.named)).count == 700)
    }

    /// `gzip.compress(bytes(range(256)) * 3, compresslevel=0, mtime=0)`: a stored block.
    static let stored = "H4sIAAAAAAAEAwEAA//8AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj9AQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVpbXF1eX2BhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4SFhoeIiYqLjI2Oj5CRkpOUlZaXmJmam5ydnp+goaKjpKWmp6ipqqusra6vsLGys7S1tre4ubq7vL2+v8DBwsPExcbHyMnKy8zNzs/Q0dLT1NXW19jZ2tvc3d7f4OHi4+Tl5ufo6err7O3u7/Dx8vP09fb3+Pn6+/z9/v8AAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl9gYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoOEhYaHiImKi4yNjo+QkZKTlJWWl5iZmpucnZ6foKGio6SlpqeoqaqrrK2ur7CxsrO0tba3uLm6u7y9vr/AwcLDxMXGx8jJysvMzc7P0NHS09TV1tfY2drb3N3e3+Dh4uPk5ebn6Onq6+zt7u/w8fLz9PX29/j5+vv8/f7/Kt/AsAADAAA="

    @Test func inflatesStoredBlocks() throws {
        #expect(try GZip.decompress(try Self.base64(Self.stored)) == (0..<768).map { UInt8($0 % 256) })
    }

    @Test(arguments: [0, 1, 100, 16_384, 70_000])
    func roundTrips(_ size: Int) throws {
        var generator = SystemRandomNumberGenerator()
        var data = [UInt8](repeating: 0, count: size)
        for i in stride(from: 0, to: size, by: 97) { data[i] = UInt8.random(in: 0...255, using: &generator) }
        let compressed = GZip.compress(data)
        #expect(try GZip.decompress(compressed) == data)
        let random = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(try GZip.decompress(GZip.compress(random)) == random)
    }

    /// Repeats at distances inside and beyond the 32 KiB window.
    @Test func longDistanceRepeatsRoundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        for period in [1_000, 30_000, 40_000] {
            let block = (0..<period).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let data = Array([[UInt8]](repeating: block, count: 3).joined())
            let compressed = GZip.compress(data)
            #expect(try GZip.decompress(compressed) == data)
            if period <= 30_000 { #expect(compressed.count < data.count / 2) }
        }
    }

    @Test func compressesZerosWell() throws {
        let compressed = GZip.compress([UInt8](repeating: 0, count: 16_384))
        #expect(compressed.count < 200)
    }

    @Test func bombLimitStopsEarly() throws {
        let bomb = GZip.compress([UInt8](repeating: 0, count: 1 << 20))
        #expect(bomb.count < 10_000)
        do {
            _ = try GZip.decompress(bomb, maxOutput: 64 << 10)
            Issue.record("a 1 MiB output passed a 64 KiB limit")
        } catch {
            #expect(error.reason == .limitExceeded)
        }
        #expect(try GZip.decompress(bomb, maxOutput: 1 << 20).count == 1 << 20)
    }

    @Test func badCRCIsRejected() throws {
        var gz = try Self.base64(Self.text)
        gz[gz.count - 8] ^= 0x01
        #expect(throws: IdentityError("gzip CRC-32 check fails: the data is corrupt")) { try GZip.decompress(gz) }
    }

    @Test func corruptInputIsMalformed() throws {
        let good = try Self.base64(Self.text)
        var badLength = good
        badLength[badLength.count - 4] ^= 0x01
        var badMagic = good
        badMagic[0] = 0
        var badMethod = good
        badMethod[2] = 7
        var badBlock = good
        badBlock[10] = 0x07  // final block of the reserved type 3
        let truncated = Array(good.prefix(good.count - 12))
        let trailing = good + good
        for bad in [badLength, badMagic, badMethod, badBlock, truncated, trailing, []] {
            do {
                _ = try GZip.decompress(bad)
                Issue.record("corrupt gzip data was accepted")
            } catch {
                #expect(error.reason == .malformed)
            }
        }
    }
}
