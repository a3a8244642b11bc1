/// A little-endian byte encoder for Folio's own cache files.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int) { u64(UInt64(bitPattern: Int64(value))) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var copy = value
        copy.withUTF8 { buffer in
            int(buffer.count)
            bytes.append(contentsOf: buffer)
        }
    }

    mutating func text(_ value: LazyText) {
        switch value {
        case .string(let string): self.string(string)
        case .slice(let storage, let range):
            int(range.count)
            bytes.append(contentsOf: storage.bytes[range])
        }
    }

    mutating func append(_ other: BinaryWriter) {
        bytes.append(contentsOf: other.bytes)
    }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    /// Plain YAML-like values: String, Int, Double, Bool, [Any], [String: Any].
    mutating func plain(_ value: Any) {
        switch value {
        case let string as String: bytes.append(0); self.string(string)
        case let bool as Bool: bytes.append(3); self.bool(bool)
        case let int as Int: bytes.append(1); self.int(int)
        case let double as Double: bytes.append(2); u64(double.bitPattern)
        case let array as [Any]:
            bytes.append(4)
            int(array.count)
            for item in array { plain(item) }
        case let dictionary as [String: Any]:
            bytes.append(5)
            int(dictionary.count)
            for (key, item) in dictionary.sorted(by: { $0.key < $1.key }) {
                string(key)
                plain(item)
            }
        default:
            bytes.append(0)
            string(String(describing: value))
        }
    }
}

/// Reads what `BinaryWriter` wrote; every read fails (returns nil) past the end or on a bad tag.
struct BinaryReader {
    private let storage: SharedBytes
    private let bytes: [UInt8]  // the same buffer as storage's, without a class access per read
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.storage = SharedBytes(bytes)
    }

    /// A string left undecoded: a slice of the buffer, decoded when used.
    mutating func lazyText() -> LazyText? {
        guard let count = int(), count >= 0, offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return .slice(storage, offset..<(offset + count))
    }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func u64() -> UInt64? {
        guard offset + 8 <= bytes.count else { return nil }
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return value
    }

    mutating func int() -> Int? { u64().map { Int(Int64(bitPattern: $0)) } }

    mutating func bool() -> Bool? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset] != 0
    }

    mutating func string() -> String? {
        guard let count = int(), count >= 0, offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return bytes.withUnsafeBufferPointer { String(decoding: $0[offset..<(offset + count)], as: UTF8.self) }
    }

    mutating func optionalString() -> String?? {
        guard let present = bool() else { return nil }
        return present ? string().map { .some($0) } : .some(nil)
    }

    mutating func strings() -> [String]? {
        guard let count = int(), count >= 0, count <= bytes.count else { return nil }
        var result: [String] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = string() else { return nil }
            result.append(value)
        }
        return result
    }

    mutating func plain() -> Any? {
        guard offset < bytes.count else { return nil }
        let tag = bytes[offset]
        offset += 1
        switch tag {
        case 0: return string()
        case 1: return int()
        case 2: return u64().map { Double(bitPattern: $0) }
        case 3: return bool()
        case 4:
            guard let count = int(), count >= 0, count <= bytes.count else { return nil }
            var array: [Any] = []
            for _ in 0..<count {
                guard let item = plain() else { return nil }
                array.append(item)
            }
            return array
        case 5:
            guard let count = int(), count >= 0, count <= bytes.count else { return nil }
            var dictionary: [String: Any] = [:]
            for _ in 0..<count {
                guard let key = string(), let item = plain() else { return nil }
                dictionary[key] = item
            }
            return dictionary
        default:
            return nil
        }
    }
}
