/// A JSON document written by hand, so that keys keep the order they are given in and the
/// output is the same on every platform.
enum JSONValue: Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null

    static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered() == b.rendered() }

    /// The document, indented by two spaces per level; arrays of scalars stay on one line.
    func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1), closing = String(repeating: "  ", count: indent)
        switch self {
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let lines = members.map { pad + Self.quoted($0.0) + ": " + $0.1.rendered(indent: indent + 1) }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + closing + "}"
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            if items.allSatisfy(\.isScalar) {
                return "[" + items.map { $0.rendered() }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { pad + $0.rendered(indent: indent + 1) }.joined(separator: ",\n") + "\n" + closing + "]"
        case .string(let s): return Self.quoted(s)
        // The shortest representation that reads back as the same Double; not finite → null.
        case .number(let x): return x.isFinite ? x.description : "null"
        case .integer(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: false
        default: true
        }
    }

    /// `s` as a JSON string: quotes, backslashes and control characters escaped, everything
    /// else (Arabic included) written as UTF-8.
    static func quoted(_ s: String) -> String {
        // Built as UTF-8 bytes and converted once.
        var out: [UInt8] = [0x22]
        func ascii(_ text: String) { out.append(contentsOf: text.utf8) }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": ascii("\\\"")
            case "\\": ascii("\\\\")
            case "\n": ascii("\\n")
            case "\r": ascii("\\r")
            case "\t": ascii("\\t")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    ascii("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    UTF8.encode(scalar) { out.append($0) }
                }
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }
}
