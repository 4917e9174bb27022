/// A tiny JSON string writer (RFC 8259 §7), so that `stance` needs no JSON library.
extension Array where Element == UInt8 {
    /// Appends `text` as a quoted JSON string: `"` and `\` escaped, control characters as
    /// `\n` `\r` `\t` `\b` `\f` or `\u00XX`, invalid UTF-8 repaired to U+FFFD. Everything else,
    /// Arabic included, is copied as UTF-8.
    mutating func appendJSONString(_ text: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        defer { append(UInt8(ascii: "\"")) }
        guard let p = text.baseAddress else { return }
        let n = text.count
        var i = 0, clean = 0
        while i < n {
            let b = p[i]
            if b >= 0x20 && b < 0x80 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") {
                i += 1
                continue
            }
            if b >= 0x80 {
                let length = utf8Sequence(p, i, n)
                if length > 0 { i += length; continue }
            }
            // Copy the clean run before the byte that needs care, then handle it.
            append(contentsOf: UnsafeBufferPointer(start: p + clean, count: i - clean))
            if b >= 0x80 {
                append(contentsOf: replacementCharacter)
                i -= utf8Sequence(p, i, n)
            } else {
                appendEscaped(b)
                i += 1
            }
            clean = i
        }
        append(contentsOf: UnsafeBufferPointer(start: p + clean, count: n - clean))
    }

    /// Appends `text` as a quoted JSON string.
    mutating func appendJSONString(_ text: String) {
        var text = text
        text.withUTF8 { appendJSONString($0) }
    }

    private mutating func appendEscaped(_ b: UInt8) {
        append(UInt8(ascii: "\\"))
        switch b {
        case UInt8(ascii: "\""): append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): append(UInt8(ascii: "\\"))
        case 0x0A: append(UInt8(ascii: "n"))
        case 0x0D: append(UInt8(ascii: "r"))
        case 0x09: append(UInt8(ascii: "t"))
        case 0x08: append(UInt8(ascii: "b"))
        case 0x0C: append(UInt8(ascii: "f"))
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 0xF)]])
        }
    }
}
