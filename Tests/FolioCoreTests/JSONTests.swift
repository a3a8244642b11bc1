import Foundation
import FolioCore
import Testing

@Suite struct JSONTests {
    @Test func roundTripsKeepingKeyOrder() throws {
        let text = """
        {
          "zeta": 1,
          "alpha": [true, false, null, 2.5, -3, "x\\ny \\u00e9 \\ud83d\\ude00"],
          "nested": {
            "b": {},
            "a": []
          }
        }

        """
        let (value, _) = try JSONParser.parse(text, path: "t.json")
        let pretty = value.encoded(pretty: true)
        #expect(try JSONParser.parse(pretty, path: "p.json").0 == value)
        #expect(pretty.hasPrefix("{\n  \"zeta\": 1,\n  \"alpha\": [\n    true,"))
        #expect(pretty.contains("\"nested\": {\n    \"b\": {},\n    \"a\": []\n  }"))
        #expect(value.encoded() == #"{"alpha":[true,false,null,2.5,-3,"x\ny é 😀"],"nested":{"a":[],"b":{}},"zeta":1}"#)
    }

    @Test func parsingBytesWithoutLocationsGivesTheSameValueAndErrors() throws {
        let text = "{\"a\": [1, {\"b\": null}, \"x\\u00e9\"], \"c\": true}"
        #expect(try JSONParser.parse(bytes: Array(text.utf8), path: "t") == JSONParser.parse(text, path: "t").0)
        #expect(throws: DiagnosticError.self) { try JSONParser.parse(bytes: Array("{\"a\": }".utf8), path: "t") }
        #expect(throws: DiagnosticError.self) { try JSONParser.parse(bytes: Array("[1] 2".utf8), path: "t") }
    }

    @Test func remembersWhereValuesStart() throws {
        let (_, locations) = try JSONParser.parse("{\n  \"work\": [\n    {\"startDate\": \"2019-13\"}\n  ]\n}", path: "r.json")
        #expect(locations["work[0].startDate"]! == (3, 19))
        #expect(locations["work"]! == (2, 11))
    }

    @Test(arguments: [
        ("{\"a\": }", "r.json:1:7: error: invalid JSON: unexpected character; expected a value"),
        ("{\"a\": 1,\n \"a\": 2}", "r.json:2:5: error: invalid JSON: key \"a\" appears twice in the same object"),
        ("[1, 2", "r.json:1:6: error: invalid JSON: the list is not closed with ']'"),
        ("\"tab\there\"", "r.json:1:5: error: invalid JSON: a control character (or line break) inside quotes must be escaped"),
        ("{} x", "r.json:1:4: error: invalid JSON: unexpected text after the JSON value"),
    ])
    func reportsErrorsWithLocations(_ text: String, _ message: String) {
        do {
            _ = try JSONParser.parse(text, path: "r.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func refusesAbsurdNesting() {
        #expect(throws: DiagnosticError.self) { try JSONParser.parse(String(repeating: "[", count: 10_000), path: "x") }
    }
}
