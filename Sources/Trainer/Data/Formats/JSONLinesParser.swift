import Foundation

/// Reads JSON Lines: one object a line, `{"text": "…", "labels": ["denial"]}`, or with one
/// label as `"label": "denial"`. Other keys are ignored; blank lines are ignored.
struct JSONLinesParser: RecordParser {
    let rules: LabelRules
    let linesAreIndependent = true

    /// Deeper nesting is rejected before parsing: no example needs it, and a parser's recursion
    /// should not be what a hostile line tests.
    static let maximumDepth = 64

    func parse(_ line: [UInt8], at location: SourceLocation) throws(DataError) -> Example? {
        let text = String(decoding: line, as: UTF8.self)
        if text.isBlank { return nil }
        let excerpt = DataError.excerpt(text)
        guard Self.depth(of: line) <= Self.maximumDepth,
              let value = try? JSONSerialization.jsonObject(with: Data(line), options: []) else {
            throw .invalidJSON(at: location, excerpt: excerpt)
        }
        guard let object = value as? [String: Any] else { throw .notAnObject(at: location, excerpt: excerpt) }

        guard let textValue = object["text"] else { throw .missingField(at: location, field: "text", excerpt: excerpt) }
        guard let sentence = textValue as? String else {
            throw .wrongType(at: location, field: "text", excerpt: excerpt)
        }

        let items: [Substring]
        switch (object["labels"], object["label"]) {
        case (.some, .some):
            throw .bothLabelFields(at: location, excerpt: excerpt)
        case (.some(let list), nil):
            guard let array = list as? [Any] else { throw .wrongType(at: location, field: "labels", excerpt: excerpt) }
            var strings: [Substring] = []
            for element in array {
                guard let label = element as? String else {
                    throw .wrongType(at: location, field: "labels", excerpt: excerpt)
                }
                strings.append(label[...])
            }
            items = strings
        case (nil, .some(let single)):
            guard let label = single as? String else { throw .wrongType(at: location, field: "label", excerpt: excerpt) }
            items = label.isBlank ? [] : [label[...]]
        case (nil, nil):
            throw .missingField(at: location, field: "labels", excerpt: excerpt)
        }
        let labels = try rules.check(items, at: location, format: .jsonl, source: text)
        let trimmed = sentence.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .emptySentence(at: location, excerpt: excerpt) }
        return Example(text: String(trimmed), labels: labels, source: location)
    }

    /// The deepest nesting of arrays and objects in the JSON text `bytes`, outside strings.
    static func depth(of bytes: [UInt8]) -> Int {
        var depth = 0, deepest = 0
        var inString = false, escaped = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false }
                else if byte == UInt8(ascii: "\\") { escaped = true }
                else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }
}
