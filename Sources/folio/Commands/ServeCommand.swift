import ArgumentParser

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Preview a site with live reload (not yet).")
    func run() throws { throw ExitCode.failure }
}
