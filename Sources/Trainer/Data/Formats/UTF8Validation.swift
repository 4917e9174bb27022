/// Checks UTF-8 strictly, to report bad bytes instead of silently replacing them.
enum UTF8Validation {
    /// The 0-based offset of the first byte of `bytes` that is not part of well-formed UTF-8
    /// (Unicode Table 3-7: no overlong forms, surrogates or values above U+10FFFF), or `nil`.
    ///
    /// - Complexity: O(n) in the length of `bytes`.
    static func firstInvalidByte(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { p -> Int? in
            let n = p.count
            var i = 0
            while i < n {
                let b0 = p[i]
                if b0 < 0x80 {
                    i += 1
                    continue
                }
                // The allowed range of the second byte depends on the first; later ones are 80–BF.
                let length: Int
                var low: UInt8 = 0x80, high: UInt8 = 0xBF
                switch b0 {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; high = 0x9F
                case 0xF0: length = 4; low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; high = 0x8F
                default: return i
                }
                guard i + 1 < n, (low...high).contains(p[i + 1]) else { return i }
                for k in 2..<length {
                    guard i + k < n, (0x80...0xBF).contains(p[i + k]) else { return i }
                }
                i += length
            }
            return nil
        }
    }
}
