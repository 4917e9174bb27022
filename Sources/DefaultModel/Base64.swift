/// A minimal RFC 4648 base64 decoder, so the built-in model needs no Foundation.
enum Base64 {
    private static let table: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { t[Int(c)] = UInt8(i) }
        return t
    }()

    /// The bytes `text` encodes, or `nil` when it is not base64 (line breaks are skipped).
    static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { input in
            table.withUnsafeBufferPointer { table in
                var out = [UInt8](repeating: 0, count: input.count / 4 * 3 + 3)
                var written = 0
                let valid: Bool = out.withUnsafeMutableBufferPointer { out in
                    var buffer: UInt32 = 0, bits: UInt32 = 0
                    for c in input {
                        if c == UInt8(ascii: "=") { break }
                        if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") { continue }
                        let v = table[Int(c)]
                        guard v != 0xFF else { return false }
                        buffer = buffer << 6 | UInt32(v)
                        bits += 6
                        if bits >= 8 {
                            bits -= 8
                            out[written] = UInt8(truncatingIfNeeded: buffer >> bits)
                            written += 1
                        }
                    }
                    return true
                }
                guard valid else { return nil }
                out.removeSubrange(written...)
                return out
            }
        }
    }
}
