import ArgumentParser
import Foundation

/// The account password: `$FOLIO_PASSWORD`, else asked on the terminal without echo.
enum PasswordPrompt {
    static func read(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let password = environment["FOLIO_PASSWORD"], !password.isEmpty { return password }
        let tty = open("/dev/tty", O_RDWR)
        guard tty >= 0 else {
            throw SyncCLI.failure("no terminal to ask for the password on: set FOLIO_PASSWORD")
        }
        defer { close(tty) }
        write(tty, "Password: ", 10)
        var saved = termios()
        let canHide = tcgetattr(tty, &saved) == 0
        if canHide {
            var hidden = saved
            hidden.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(tty, TCSAFLUSH, &hidden)
        }
        defer {
            if canHide { tcsetattr(tty, TCSAFLUSH, &saved) }
            write(tty, "\n", 1)
        }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while Foundation.read(tty, &byte, 1) == 1, byte != UInt8(ascii: "\n") { bytes.append(byte) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
