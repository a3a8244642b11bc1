import ArgumentParser
import FolioServer
import Foundation

/// `folio-server user add|list|disable`: account administration on the database file.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage user accounts.",
        subcommands: [UserAddCommand.self, UserListCommand.self, UserDisableCommand.self])
}

/// `folio-server user add EMAIL`: creates a user and its space; the password comes from
/// FOLIO_PASSWORD or a prompt.
struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user (password from FOLIO_PASSWORD or a prompt).")

    @Argument(help: "The user's email.")
    var email: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let password = try Password.read()
        let admin = try Admin(path: database.db)
        let account = try await admin.addUser(email: email, password: password)
        print("added \(account.email) (user \(account.id), space \(account.space))")
    }
}

/// `folio-server user list [--json]`.
struct UserListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List users.")

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let users = try await Admin(path: database.db).users()
        if json {
            print(Admin.json(users))
        } else {
            for user in users { print("\(user.email)\t\(user.id)\t\(user.disabled ? "disabled" : "active")") }
        }
    }
}

/// `folio-server user disable EMAIL [--enable]`.
struct UserDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable a user (its tokens stop working).")

    @Argument(help: "The user's email.")
    var email: String

    @Flag(help: "Enable the user again instead.")
    var enable = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard try await Admin(path: database.db).setDisabled(email: email, !enable) else {
            throw ValidationError("no user \(email)")
        }
        print("\(enable ? "enabled" : "disabled") \(email)")
    }
}

/// Reads a password from FOLIO_PASSWORD, or from the terminal without echo.
enum Password {
    static func read() throws -> String {
        if let value = ProcessInfo.processInfo.environment["FOLIO_PASSWORD"], !value.isEmpty { return value }
        guard let pointer = getpass("Password: ") else { throw ValidationError("no password: set FOLIO_PASSWORD") }
        let value = String(cString: pointer)
        guard !value.isEmpty else { throw ValidationError("no password given: set FOLIO_PASSWORD or type one") }
        return value
    }
}
