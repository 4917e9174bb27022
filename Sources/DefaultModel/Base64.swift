/// A minimal RFC 4648 base64 decoder, so the built-in model needs no Foundation.
enum Base64 {
    private static let table: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { t[Int(c)] = UInt8(i) }
        return t
    }()

    /// The bytes `text` encodes, or `nil` when it is not padded base64 without line breaks.
    ///
    /// Decodes four characters into three bytes a step; the model loads at start-up, so this
    /// is on the path of every `stance` run.
    static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { input -> [UInt8]? in
            guard input.count % 4 == 0 else { return nil }
            guard input.count > 0 else { return [] }
            let padding = (input[input.count - 1] == UInt8(ascii: "=") ? 1 : 0) + (input[input.count - 2] == UInt8(ascii: "=") ? 1 : 0)
            let groups = input.count / 4
            var out = [UInt8](repeating: 0, count: groups * 3)
            let valid: Bool = table.withUnsafeBufferPointer { t in
                out.withUnsafeMutableBufferPointer { out in
                    var bad: UInt8 = 0
                    for g in 0..<groups {
                        let i = g * 4
                        let a = t[Int(input[i])], b = t[Int(input[i + 1])]
                        // The last group may end in padding, which decodes as zero bits.
                        let c = g == groups - 1 && padding >= 2 ? 0 : t[Int(input[i + 2])]
                        let d = g == groups - 1 && padding >= 1 ? 0 : t[Int(input[i + 3])]
                        bad |= a | b | c | d
                        let v = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                        out[g * 3] = UInt8(truncatingIfNeeded: v >> 16)
                        out[g * 3 + 1] = UInt8(truncatingIfNeeded: v >> 8)
                        out[g * 3 + 2] = UInt8(truncatingIfNeeded: v)
                    }
                    // Every valid character maps below 64; 0xFF marks the others.
                    return bad & 0xC0 == 0
                }
            }
            guard valid else { return nil }
            out.removeLast(padding)
            return out
        }
    }
}
