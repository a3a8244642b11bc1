import Foundation

/// Output helpers shared by the commands.
enum Terminal {
    /// Writes a line to standard error.
    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
