import Foundation
import ZIPFoundation

/// Builds a WordprocessingML (.docx) document: headings, paragraphs, bullet lists and
/// hyperlinks in one column with standard fonts, which Word and LibreOffice both open.
struct DocxWriter {
    enum Paper: String, Sendable {
        case a4, letter
        /// Width and height in twentieths of a point.
        var size: (Int, Int) { self == .a4 ? (11906, 16838) : (12240, 15840) }
    }

    /// A piece of a paragraph.
    enum Run {
        case text(String, bold: Bool = false, italic: Bool = false)
        case link(String, url: String)
    }

    private var body = ""
    private var links: [String] = []
    let paper: Paper
    let title: String
    let author: String

    init(paper: Paper, title: String, author: String) {
        self.paper = paper
        self.title = title
        self.author = author
    }

    mutating func paragraph(_ runs: [Run], style: String? = nil, keepWithNext: Bool = false, spacingAfter: Int? = nil) {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if keepWithNext { properties += "<w:keepNext/>" }
        if let spacingAfter { properties += "<w:spacing w:after=\"\(spacingAfter)\"/>" }
        body += "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + xml(runs) + "</w:p>"
    }

    mutating func heading(_ text: String, level: Int) {
        paragraph([.text(text)], style: level == 0 ? "Title" : "Heading\(level)", keepWithNext: true)
    }

    mutating func bullet(_ runs: [Run]) {
        body += "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
            + xml(runs) + "</w:p>"
    }

    private mutating func xml(_ runs: [Run]) -> String {
        var text = ""
        for run in runs { text += xml(run) }
        return text
    }

    private mutating func xml(_ run: Run) -> String {
        switch run {
        case .text(let text, let bold, let italic):
            var properties = ""
            if bold { properties += "<w:b/>" }
            if italic { properties += "<w:i/>" }
            return "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>")
                + "<w:t xml:space=\"preserve\">\(Escape.xml(text))</w:t></w:r>"
        case .link(let text, let url):
            links.append(url)
            return "<w:hyperlink r:id=\"rIdLink\(links.count)\" w:history=\"1\"><w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr>"
                + "<w:t xml:space=\"preserve\">\(Escape.xml(text))</w:t></w:r></w:hyperlink>"
        }
    }

    /// The zipped package.
    func package() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts() {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: Date(timeIntervalSince1970: 315_532_800),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    func parts() -> [(String, String)] {
        let (width, height) = paper.size
        let document = Self.header
            + "<w:document xmlns:w=\"\(Self.w)\" xmlns:r=\"\(Self.r)\"><w:body>\(body)"
            + "<w:sectPr><w:pgSz w:w=\"\(width)\" w:h=\"\(height)\"/>"
            + "<w:pgMar w:top=\"1077\" w:right=\"1077\" w:bottom=\"1077\" w:left=\"1077\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
            + "</w:sectPr></w:body></w:document>"
        var relationships = Self.header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rIdStyles\" Type=\"\(Self.r)/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rIdNumbering\" Type=\"\(Self.r)/numbering\" Target=\"numbering.xml\"/>"
        for (index, url) in links.enumerated() {
            relationships += "<Relationship Id=\"rIdLink\(index + 1)\" Type=\"\(Self.r)/hyperlink\" Target=\"\(Escape.xml(url))\" TargetMode=\"External\"/>"
        }
        relationships += "</Relationships>"
        return [
            ("[Content_Types].xml", Self.contentTypes),
            ("_rels/.rels", Self.packageRelationships),
            ("docProps/core.xml", core()),
            ("docProps/app.xml", Self.header + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>Folio</Application></Properties>"),
            ("word/document.xml", document),
            ("word/_rels/document.xml.rels", relationships),
            ("word/styles.xml", Self.styles),
            ("word/numbering.xml", Self.numbering),
        ]
    }

    private func core() -> String {
        Self.header + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>\(Escape.xml(title))</dc:title>"
            + "<dc:creator>\(Escape.xml(author))</dc:creator></cp:coreProperties>"
    }

    static let contentTypes = header + """
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
    <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
    <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\
    <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
    <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
    </Types>
    """

    static let packageRelationships = header + """
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
    </Relationships>
    """

    static let styles = header + """
    <w:styles xmlns:w="\(w)">\
    <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>\
    <w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault>\
    <w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
    <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
    <w:pPr><w:spacing w:after="40"/></w:pPr><w:rPr><w:b/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:qFormat/>\
    <w:rPr><w:color w:val="444444"/><w:sz w:val="24"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
    <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="999999"/></w:pBdr>\
    <w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:caps/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
    <w:pPr><w:keepNext/><w:spacing w:before="160" w:after="20"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Details"><w:name w:val="Details"/><w:basedOn w:val="Normal"/><w:qFormat/>\
    <w:pPr><w:keepNext/></w:pPr><w:rPr><w:i/><w:color w:val="555555"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/>\
    <w:pPr><w:spacing w:after="20"/><w:ind w:left="360" w:hanging="240"/></w:pPr></w:style>\
    <w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="1F4E9E"/><w:u w:val="single"/></w:rPr></w:style>\
    </w:styles>
    """

    static let numbering = header + """
    <w:numbering xmlns:w="\(w)">\
    <w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>\
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>\
    <w:pPr><w:ind w:left="360" w:hanging="240"/></w:pPr><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/></w:rPr></w:lvl></w:abstractNum>\
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>\
    </w:numbering>
    """
}

/// A resume as a .docx.
public struct ResumeDocxRenderer: Sendable {
    public var paper: Paper

    public enum Paper: String, Sendable, CaseIterable {
        case a4, letter
    }

    public init(paper: Paper = .a4) {
        self.paper = paper
    }

    public func render(_ resume: ResumeDocument) throws -> Data {
        var docx = DocxWriter(paper: paper == .a4 ? .a4 : .letter, title: "\(resume.name) – Resume", author: resume.name)
        docx.heading(resume.name, level: 0)
        if let label = resume.label { docx.paragraph([.text(label)], style: "Subtitle") }
        var contactRuns: [DocxWriter.Run] = []
        for (index, link) in resume.contacts.enumerated() {
            if index > 0 { contactRuns.append(.text("  ·  ")) }
            contactRuns.append(link.url.map { .link(link.label, url: $0) } ?? .text(link.label))
        }
        if !contactRuns.isEmpty { docx.paragraph(contactRuns) }
        if let summary = resume.summary {
            docx.heading("Summary", level: 1)
            docx.paragraph([.text(summary)])
        }
        for section in resume.sections {
            docx.heading(section.title, level: 1)
            for entry in section.entries {
                if section.isCompact {
                    var runs: [DocxWriter.Run] = [.text(entry.title, bold: true)]
                    if let subtitle = entry.subtitle { runs.append(.text(" (\(subtitle))")) }
                    if !entry.keywords.isEmpty { runs.append(.text(": " + entry.keywords.joined(separator: ", "))) }
                    docx.paragraph(runs)
                    continue
                }
                var title: [DocxWriter.Run] = [.text(entry.title, bold: true)]
                if let subtitle = entry.subtitle { title.append(.text(entry.title.isEmpty ? subtitle : " — \(subtitle)")) }
                docx.paragraph(title, style: "Heading2", keepWithNext: true)
                let details = [entry.dates, entry.location].compactMap { $0 }
                if !details.isEmpty { docx.paragraph([.text(details.joined(separator: " · "))], style: "Details") }
                if let url = entry.url { docx.paragraph([.link(ResumeDocument.shortURL(url), url: url)]) }
                if let summary = entry.summary { docx.paragraph([.text(summary)]) }
                for bullet in entry.bullets { docx.bullet([.text(bullet)]) }
                if !entry.keywords.isEmpty { docx.paragraph([.text("Keywords: ", bold: true), .text(entry.keywords.joined(separator: ", "))]) }
            }
        }
        return try docx.package()
    }
}
