import ArgumentParser
import FolioCRDT
import FolioCore
import FolioStore
import Foundation

struct ResumeListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the resumes in the replica.")

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.openForReading()
        let resumes = try Replica.run { try store.resumes() }
        if json {
            Replica.printJSON(.array(resumes.map { resume in
                .object(JSONObject([("name", .string(resume.name)), ("id", .string(resume.id.description)),
                                    ("person", resume.person.map(JSONValue.string) ?? .null),
                                    ("label", resume.label.map(JSONValue.string) ?? .null),
                                    ("items", .number(Double(resume.items))), ("snapshots", .number(Double(resume.snapshots)))]))
            }))
            return
        }
        guard !resumes.isEmpty else { print("No resumes yet. Import one with: folio resume import resume.json"); return }
        print(Table.render(header: ["NAME", "PERSON", "LABEL", "ITEMS", "SNAPSHOTS"], rows: resumes.map {
            [$0.name, $0.person ?? "", $0.label ?? "", String($0.items), String($0.snapshots)]
        }), terminator: "")
    }
}
