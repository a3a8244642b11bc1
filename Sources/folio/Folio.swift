import ArgumentParser

/// The `folio` command: every subcommand lives in `Commands/`, one file each.
@main
struct Folio: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Folio: a local-first career toolkit. Publish a portfolio site and resumes from Markdown and themes.",
        discussion: """
        Start a site with `folio init my-site`, build it with `folio build my-site`, or preview it \
        with live reload using `folio serve my-site`.
        """,
        version: "0.1.0",
        subcommands: [
            BuildCommand.self, ServeCommand.self, InitCommand.self, ThemesCommand.self, ResumeCommand.self, LetterCommand.self,
            AppCommand.self, AgendaCommand.self, ReportCommand.self, SearchCommand.self, JobsCommand.self, ProfileCommand.self,
            ATSCommand.self, MatchCommand.self,
            RegisterCommand.self, LoginCommand.self, LogoutCommand.self, SyncCommand.self, StatusCommand.self,
        ]
    )
}
