import FolioCore
import FolioInsights
import Foundation
import Testing

@Suite("Skills lexicon: aliases, normalisation, user additions")
struct LexiconTests {
    let lexicon = SkillLexicon.builtin

    func names(_ text: String, _ lexicon: SkillLexicon = .builtin) -> [String] {
        lexicon.matches(in: Tokenizer.tokens(text)).map { lexicon.skills[$0.skill].name }
    }

    @Test("aliases, case and plurals reach one skill")
    func aliases() {
        #expect(names("JS, javascript and JavaScript") == ["JavaScript", "JavaScript", "JavaScript"])
        #expect(names("k8s or KUBERNETES") == ["Kubernetes", "Kubernetes"])
        #expect(names("Postgres and PostgreSQL") == ["PostgreSQL", "PostgreSQL"])
        #expect(names("REST APIs") == ["REST"])
        #expect(names("care plans and wound care") == ["Care planning", "Wound care"])
        #expect(names("accounts payable, FP&A and US GAAP") == ["Accounts payable", "Forecasting and planning", "GAAP"])
    }

    @Test("the longest entry wins, and phrases never span punctuation")
    func longest() {
        #expect(names("machine learning") == ["Machine learning"])
        #expect(names("React Native apps") == ["React Native"])
        #expect(names("Java, Script") == ["Java"])
    }

    @Test("ambiguous words count only as written: Go, Excel")
    func exactCase() {
        #expect(names("Go services") == ["Go"])
        #expect(names("we go far and excel at it") == [])
        #expect(names("Excel models") == ["Excel"])
    }

    @Test("the lexicon is broad: every field has skills")
    func breadth() {
        let categories = Set(lexicon.skills.map(\.category))
        for field in ["programming", "data", "infrastructure", "design", "healthcare", "finance", "sales and marketing", "education"] {
            #expect(categories.contains(field), "\(field)")
        }
        #expect(lexicon.skills.count > 400)
    }

    @Test("skills.yaml adds skills and aliases")
    func userFile() throws {
        var lexicon = SkillLexicon.builtin
        try UserLexicon.apply("""
            skills:
              - name: Epic Beaker
                category: healthcare
                aliases: [Beaker LIS]
            aliases:
              JavaScript: [ECMAScript 2023]
            """, path: "skills.yaml", to: &lexicon)
        #expect(names("Beaker LIS and ECMAScript 2023", lexicon) == ["Epic Beaker", "JavaScript"])
    }

    @Test("a bad skills.yaml names file, line and column", arguments: [
        ("skills:\n  - category: x\n", "skills.yaml:2:5: error: a skill needs a 'name'"),
        ("skills:\n  - name: A\n    colour: red\n", "skills.yaml:3:5: error: unknown key 'colour' in a skill"),
        ("aliases:\n  Klingon: [tlh]\n", "skills.yaml:2:3: error: no skill named 'Klingon'"),
        ("skills: [\n", "skills.yaml:2:1: error: invalid YAML"),
        ("colour: red\n", "skills.yaml:1:1: error: unknown key 'colour'"),
    ])
    func badUserFile(_ text: String, _ expected: String) {
        var lexicon = SkillLexicon.builtin
        #expect { try UserLexicon.apply(text, path: "skills.yaml", to: &lexicon) } throws: { error in
            String(describing: error).hasPrefix(expected)
        }
    }

    @Test("the user file is found through XDG_CONFIG_HOME, else HOME")
    func userPath() throws {
        #expect(UserLexicon.path(environment: ["XDG_CONFIG_HOME": "/x/config", "HOME": "/home/a"]) == "/x/config/folio/skills.yaml")
        #expect(UserLexicon.path(environment: ["HOME": "/home/a"]) == "/home/a/.config/folio/skills.yaml")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-xdg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("folio"), withIntermediateDirectories: true)
        try "skills:\n  - name: Zorbl\n".write(to: folder.appendingPathComponent("folio/skills.yaml"), atomically: true, encoding: .utf8)
        let loaded = try UserLexicon.load(environment: ["XDG_CONFIG_HOME": folder.path])
        #expect(loaded.skill(named: "zorbl") != nil)
        #expect(try UserLexicon.load(environment: ["XDG_CONFIG_HOME": folder.path + "/none"]).skill(named: "zorbl") == nil)
    }
}
