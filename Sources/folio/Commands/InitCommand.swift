import ArgumentParser

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a new site (not yet).")
    func run() throws { throw ExitCode.failure }
}
