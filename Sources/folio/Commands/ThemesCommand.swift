import ArgumentParser
import FolioSite
import Foundation

struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the themes a site can use.",
        discussion: "Themes are looked up in SITE/themes, --theme-dir, $FOLIO_THEMES and the themes bundled with Folio."
    )

    @Argument(help: "The site folder.", completion: .directory)
    var site: String = "."

    @Option(name: .customLong("theme-dir"), help: "Another folder to look for themes in (repeatable).")
    var themeDirs: [String] = []

    func run() throws {
        let loader = ThemeLoader(siteDirectory: URL(fileURLWithPath: site), extraDirectories: themeDirs.map { URL(fileURLWithPath: $0) })
        for name in loader.available() { print(name) }
    }
}
