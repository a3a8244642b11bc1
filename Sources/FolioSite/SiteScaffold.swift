import FolioCore
import Foundation

/// What `folio init` writes: a small site that builds at once, with a sample page,
/// post and project to copy from.
public enum SiteScaffold {
    /// Files of a new site, by path relative to its folder.
    public static func files(title: String) -> [(String, String)] {
        let quotedTitle = Escape.jsonString(title)  // a JSON string is a valid YAML string
        let today = DateValue.today.isoDate
        return [
            ("folio.yaml", """
            # Site settings. See `folio build --help` and docs/themes.md in the Folio repository.
            title: \(quotedTitle)
            baseURL: https://example.com/
            language: en
            description: Portfolio and writing.
            theme: portfolio
            author:
              name: \(quotedTitle)
              jobTitle: Your role
              description: One or two sentences about what you do.
            menus:
              main:
                - { name: Home, url: /, weight: 1 }
                - { name: Projects, url: /projects/, weight: 2 }
                - { name: Posts, url: /posts/, weight: 3 }
                - { name: About, url: /about/, weight: 4 }
            paginate: 10
            markdown:
              smartPunctuation: true

            """),
            ("content/index.md", """
            ---
            title: \(quotedTitle)
            ---
            Welcome! Edit `content/index.md` to change this text.

            """),
            ("content/about.md", """
            ---
            title: About
            description: Who I am and what I work on.
            ---
            Write about yourself here. This page lives at `/about/`.

            """),
            ("content/posts/_index.md", """
            ---
            title: Posts
            ---
            Notes and articles.

            """),
            ("content/posts/hello-world.md", """
            ---
            title: Hello, world
            date: \(today)
            tags: [meta]
            summary: The first post of this site.
            ---
            This is a post. Posts have a date and tags, and appear in the [posts list](/posts/)
            and the Atom feed.

            ## A heading

            ```swift
            print("Hello, world")
            ```

            """),
            ("content/projects/_index.md", """
            ---
            title: Projects
            ---
            Things I have built.

            """),
            ("content/projects/sample-project.md", """
            ---
            title: Sample project
            weight: 1
            tags: [meta]
            summary: What it is, who it is for, and what you did.
            ---
            Describe the problem, your part in it, and the result, with numbers where you can.

            | What | Result |
            |------|--------|
            | Example | 40% faster |

            """),
            ("static/favicon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><circle cx=\"8\" cy=\"8\" r=\"7\" fill=\"#2563eb\"/></svg>\n"),
            (".gitignore", "public/\n.folio-cache/\n"),
        ]
    }

    /// Writes a new site into `directory`, which must not exist or be empty.
    public static func create(at directory: URL, title: String) throws(DiagnosticError) {
        let manager = FileManager.default
        if let entries = try? manager.contentsOfDirectory(atPath: directory.path), !entries.isEmpty {
            throw DiagnosticError(Diagnostic(path: directory.path, message: "the folder is not empty; choose a new folder for the site"))
        }
        do {
            for (path, text) in files(title: title) {
                let url = directory.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            throw DiagnosticError(Diagnostic(path: directory.path, message: "cannot create the site: \(error.localizedDescription)"))
        }
    }
}
