import ArgumentParser
import FolioCRDT
import FolioCore
import FolioStore
import Foundation

struct ResumeSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set one value of a resume, e.g. work[0].position \"Staff Engineer\".",
        discussion: "PATH uses dots and [index]: basics.name, work[0].highlights[2], skills[1].keywords[0]. An index one past the end appends."
    )

    @Argument(help: "The resume's name.")
    var name: String

    @Argument(help: "Where, e.g. basics.label or work[0].position.")
    var path: String

    @Argument(help: "The new text (with --json, any JSON value).")
    var value: String

    @Flag(help: "Read VALUE as JSON (a number, a list, an object, null to remove).")
    var json = false

    @Flag(name: .customLong("dry-run"), help: "Say what would change, and change nothing.")
    var dryRun = false

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if ResumePath.steps(path).isEmpty || ResumePath.steps(path).contains(.index(-1)) {
            throw ValidationError("PATH \"\(path)\" is not a path like basics.name or work[0].position")
        }
    }

    func run() throws {
        let newValue: JSONValue
        if json {
            do { newValue = try JSONParser.parse(value, path: "VALUE").0 } catch {
                throw ValidationError("VALUE is not JSON: \(error.diagnostics.first?.message ?? "")")
            }
        } else {
            newValue = .string(value)
        }
        let store = try storeOptions.open()
        let document = try Replica.run { try store.resumeDocument(named: name) }
        guard let updated = JSONPathWriter.set(newValue, at: ResumePath.steps(path)[...], in: document) else {
            Terminal.printError("error: resume \(name) has no \(path) (an index may be at most one past the end of its list)")
            throw ExitCode.failure
        }
        let resume = try Replica.run { try Resume(json: updated, path: "\(name): \(path)") }
        let changes = try Replica.run { try store.importResume(resume, name: name, dryRun: dryRun) }
        ResumeReport.print(changes, name: name, dryRun: dryRun)
    }
}

/// Sets a value at a path in a JSON document, creating objects on the way.
enum JSONPathWriter {
    static func set(_ value: JSONValue, at steps: ArraySlice<ResumePath.Step>, in document: JSONValue) -> JSONValue? {
        guard let step = steps.first else { return value }
        switch step {
        case .key(let key):
            guard var object = document.objectValue ?? (document.isNull ? JSONObject() : nil) else { return nil }
            if steps.count == 1, value.isNull {
                object[key] = nil
            } else {
                guard let nested = set(value, at: steps.dropFirst(), in: object[key] ?? .null) else { return nil }
                object[key] = nested
            }
            return .object(object)
        case .index(let index):
            var items = document.arrayValue ?? []
            guard index >= 0, index <= items.count else { return nil }
            if steps.count == 1, value.isNull {
                guard index < items.count else { return nil }
                items.remove(at: index)
                return .array(items)
            }
            guard let nested = set(value, at: steps.dropFirst(), in: index < items.count ? items[index] : .null) else { return nil }
            if index < items.count { items[index] = nested } else { items.append(nested) }
            return .array(items)
        }
    }
}
