import Foundation

/// Reads a command's input: a file path, or `-` for standard input.
enum InputSource {
    static func read(_ path: String) throws(InputError) -> [UInt8] {
        if path == "-" {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(message: "cannot read \(path)")
        }
        return [UInt8](data)
    }

    struct InputError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
