import ArgumentParser
import Foundation

/// Reports a command failure the Espace way: `error: <message>` on stderr, exit status 1.
enum CommandFailure {
    static func exit(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode(1)
    }
}
