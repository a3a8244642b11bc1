import FolioCRDT
import GRDB

/// Site ids to the small numbers stored beside each field, and back.
struct SiteTable {
    private var indexes: [SiteID: Int64] = [:]
    private var sites: [Int64: SiteID] = [:]
    /// The last site looked up: a batch usually comes from one site.
    private var last: (SiteID, Int64)?

    init(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT idx, id FROM site") {
            guard let site = SiteID(parsing: row["id"]) else { continue }
            indexes[site] = row["idx"]
            sites[row["idx"]] = site
        }
    }

    mutating func index(of site: SiteID, _ db: Database) throws -> Int64 {
        if let last, last.0 == site { return last.1 }
        if let index = indexes[site] { last = (site, index); return index }
        try db.execute(sql: "INSERT INTO site (id) VALUES (?)", arguments: [site.description])
        let index = db.lastInsertedRowID
        indexes[site] = index
        sites[index] = site
        return index
    }

    func site(_ index: Int64) -> SiteID? { sites[index] }
}
