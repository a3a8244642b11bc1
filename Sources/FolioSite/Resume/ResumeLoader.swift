import FolioCore
import Foundation
import Yams

extension Resume {
    /// Reads a JSON Resume from a `.json`, `.yaml` or `.yml` file and validates it.
    /// Problems name the file, line and column.
    public static func load(file: URL, displayPath: String? = nil) throws(DiagnosticError) -> Resume {
        let path = displayPath ?? file.path
        guard let bytes = FileIO.read(file.path) else {
            throw DiagnosticError(Diagnostic(path: path, message: "cannot read the file"))
        }
        guard !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) else {
            throw DiagnosticError(Diagnostic(path: path, message: "the file is not UTF-8 text (is it a resume file?)"))
        }
        return try parse(text, path: path, yaml: ["yaml", "yml"].contains(file.pathExtension.lowercased()))
    }

    /// Parses resume text as JSON or YAML.
    public static func parse(_ text: String, path: String, yaml: Bool) throws(DiagnosticError) -> Resume {
        if text.trimmingWhitespace().isEmpty {
            throw DiagnosticError(Diagnostic(path: path, line: 1, column: 1, message: "the file is empty; a resume needs at least basics.name"))
        }
        if !yaml {
            let (value, locations) = try JSONParser.parse(text, path: path)
            return try Resume(json: value, path: path, locations: locations)
        }
        let reader = YAMLReader(path: path, lineOffset: 0)
        let root = try reader.parse(text)
        var converter = YAMLToJSON()
        let value = converter.convert(root, at: "")
        return try Resume(json: Resume.schemaTyped(value, rawText: converter.rawText), path: path,
                          locations: converter.locations)
    }
}

/// Yams nodes to `JSONValue`, keeping where each value is and the text of each scalar.
struct YAMLToJSON {
    var locations: JSONParser.Locations = [:]
    var rawText: [String: String] = [:]

    mutating func convert(_ node: Node, at path: String) -> JSONValue {
        if let mark = node.mark { locations[path] = (mark.line, mark.column) }
        switch node {
        case .scalar(let scalar):
            rawText[path] = scalar.string
            guard scalar.style == .plain else { return .string(scalar.string) }
            if ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return .null }
            if let bool = YAMLReader.bool(node) { return .bool(bool) }
            if let int = YAMLReader.int(node) { return .number(Double(int)) }
            if let double = Double(scalar.string), double.isFinite, scalar.string.first?.isNumber == true { return .number(double) }
            return .string(scalar.string)
        case .mapping(let mapping):
            var object = JSONObject()
            for (key, value) in mapping {
                let name = key.string ?? ""
                object[name] = convert(value, at: path.isEmpty ? name : "\(path).\(name)")
            }
            return .object(object)
        case .sequence(let sequence):
            return .array(sequence.enumerated().map { convert($1, at: "\(path)[\($0)]") })
        case .alias:
            return .null
        }
    }
}
