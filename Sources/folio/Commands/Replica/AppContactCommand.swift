import ArgumentParser
import FolioStore
import Foundation

/// `folio app contact ID NAME [--role R] [--email E] [--phone P]`.
struct AppContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact", abstract: "Link a person (recruiter, hiring manager, referrer) to an application.")

    @Argument(help: "The application's id or a unique prefix of it.") var id: String
    @Argument(help: "The person's name.") var name: String
    @Option(help: "Their part: recruiter, hiring manager, referrer, ...") var role: String?
    @Option(help: "Their email address.") var email: String?
    @Option(help: "Their phone number.") var phone: String?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the name must not be empty") }
    }

    func run() throws {
        let store = try storeOptions.open()
        try Replica.run { try store.addContact(id, ContactDraft(name: name, role: role, email: email, phone: phone)) }
        print("Linked \(name)\(role.map { " (\($0))" } ?? "") to \(id).")
    }
}
