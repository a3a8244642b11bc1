import ArgumentParser
import FolioCRDT
import FolioCore
import FolioInsights
import FolioStore
import Foundation

/// `folio profile ...`: the person's job-search wishes, kept in the replica (and synced
/// like every record); `folio match` scores preferences against them.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Your job-search wishes: location, remote, salary, employment type, target roles.",
        subcommands: [ProfileSetCommand.self, ProfileShowCommand.self]
    )
}

struct ProfileSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set one wish (an empty VALUE with --clear removes it).",
        discussion: "Fields:\n" + ProfileField.all.map { "  \($0.path.padding(toLength: 17, withPad: " ", startingAt: 0)) \($0.help)" }
            .joined(separator: "\n")
    )

    @Argument(help: "The field: \(ProfileField.all.map(\.path).joined(separator: ", ")).") var path: String
    @Argument(help: "The value.") var value: String?
    @Flag(help: "Remove the field instead of setting it.") var clear = false
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if clear {
            if value != nil { throw ValidationError("--clear takes no VALUE") }
            if case .failure(let error) = ProfileField.value(path, "x"), error.description.hasPrefix("unknown") {
                throw ValidationError(error.description)
            }
            return
        }
        guard let value else { throw ValidationError("give a VALUE for \(path), or --clear to remove it") }
        if case .failure(let error) = ProfileField.value(path, value) { throw ValidationError(error.description) }
    }

    func run() throws {
        let stored: JSONValue = clear ? .null : try ProfileField.value(path, value ?? "").get()
        let store = try storeOptions.open()
        try Replica.run { try store.setProfile(path, to: stored) }
        print(clear ? "Cleared \(path)." : "Set \(path) to \(stored.stringValue ?? stored.encoded()).")
    }
}

struct ProfileShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show your wishes.")

    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let profile = try Replica.run { try store.profile() }
        if json { Replica.printJSON(.object(profile)); return }
        guard !profile.isEmpty else { print("No profile yet. Set a wish with: folio profile set location.city Hyderabad"); return }
        for (key, value) in profile {
            let text = value.arrayValue.map { $0.compactMap(\.stringValue).joined(separator: ", ") } ?? value.stringValue ?? value.encoded()
            print("\(key.padding(toLength: 17, withPad: " ", startingAt: 0)) \(text)")
        }
    }
}
