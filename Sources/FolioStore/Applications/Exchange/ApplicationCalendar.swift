import FolioCore
import Foundation

/// Interviews and open reminders as an iCalendar file (RFC 5545). Each event's UID is its
/// record id, so importing a newer export into a calendar updates events instead of
/// duplicating them. Text is escaped and long lines folded at 75 octets.
public enum ApplicationCalendar {
    /// The calendar, stamped `now` (Unix milliseconds).
    public static func ics(_ applications: [TrackedApplication], now: UInt64) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Folio//Application tracker//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:Job applications"]
        let stamp = utcStamp(Date(timeIntervalSince1970: Double(now) / 1000))
        for application in applications {
            for event in application.events where event.type == "interview" || (event.isReminder && !event.done) {
                lines += vevent(event, of: application, stamp: stamp)
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func vevent(_ event: TrackedEvent, of application: TrackedApplication, stamp: String) -> [String] {
        let what = event.isReminder ? "Reminder" : "Interview"
        var lines = ["BEGIN:VEVENT", "UID:\(event.id)@folio", "DTSTAMP:\(stamp)"]
        if let time = event.time, let start = start(event.date, time: time, zone: event.timeZone) {
            lines += ["DTSTART:\(start)", "DURATION:PT1H"]
        } else {
            lines += ["DTSTART;VALUE=DATE:\(event.date.compact)", "DTEND;VALUE=DATE:\(event.date.adding(1).compact)"]
        }
        lines.append("SUMMARY:" + escape("\(what): \(application.company), \(application.role)"))
        var description: [String] = []
        if let note = event.note { description.append(note) }
        if !event.people.isEmpty { description.append("With: " + event.people.joined(separator: ", ")) }
        if let url = application.url { description.append("Posting: " + url) }
        if !description.isEmpty { lines.append("DESCRIPTION:" + escape(description.joined(separator: "\n"))) }
        if let place = event.place {
            lines.append("LOCATION:" + escape(place))
            if place.hasPrefix("https://") || place.hasPrefix("http://"), !place.contains(where: \.isWhitespace) {
                lines.append("URL:" + place)
            }
        }
        lines += ["CATEGORIES:" + escape(what.lowercased()), "END:VEVENT"]
        return lines
    }

    /// A local time in an IANA zone as a UTC date-time (`20240510T130000Z`); nil if invalid.
    static func start(_ day: CalendarDay, time: String, zone: String?) -> String? {
        let parts = time.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0..<24).contains(parts[0]), (0..<60).contains(parts[1]),
              let timeZone = TimeZone(identifier: zone ?? "UTC") else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let (year, month, dayOfMonth) = day.components
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: dayOfMonth,
                                                            hour: parts[0], minute: parts[1])) else { return nil }
        return utcStamp(date)
    }

    static func utcStamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CalendarDay(ordinal: Int((Double(seconds) / 86_400).rounded(.down)))
        let rest = seconds - day.ordinal * 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(day.compact)T\(two(rest / 3600))\(two(rest % 3600 / 60))\(two(rest % 60))Z"
    }

    /// TEXT escaping of RFC 5545 3.3.11: backslash, semicolon, comma and newlines.
    public static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n": result += "\\n"
            case "\r": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Folds a content line into lines of at most 75 octets (RFC 5545 3.1), never inside
    /// a UTF-8 sequence; continuation lines start with a space.
    public static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var output = "", count = 0, limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > limit {
                output += "\r\n "
                count = 1
                limit = 75
            }
            output.unicodeScalars.append(scalar)
            count += size
        }
        return output
    }
}
