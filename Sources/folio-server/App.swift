import ArgumentParser

/// `folio-server`: the Folio sync server and its admin commands.
@main
struct App: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio-server",
        abstract: "The Folio sync server: relays and merges changes between a user's devices.",
        subcommands: [ServeCommand.self, UserCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}

/// `--db PATH`, shared by every subcommand.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite database file (created if missing).")
    var db: String = "folio-server.sqlite"
}
