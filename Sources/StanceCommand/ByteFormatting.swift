/// Appending text and numbers to an output buffer of UTF-8 bytes, without going through `String`.
extension Array where Element == UInt8 {
    /// Appends `text` for a text or TSV column: invalid UTF-8 repaired to U+FFFD and control
    /// characters (tab, line breaks, escape…) turned into spaces, so that one result stays on one
    /// line and in its column. Clean text, the usual case, is copied in one go.
    mutating func appendColumnText(_ text: UnsafeBufferPointer<UInt8>) {
        guard let p = text.baseAddress else { return }
        let n = text.count
        var i = cleanPrefix(p, n)
        append(contentsOf: UnsafeBufferPointer(start: p, count: i))
        while i < n {
            let b = p[i]
            if b < 0x20 || b == 0x7F {
                append(0x20)
                i += 1
            } else if b < 0x80 {
                append(b)
                i += 1
            } else {
                let length = utf8Sequence(p, i, n)
                if length > 0 {
                    append(contentsOf: UnsafeBufferPointer(start: p + i, count: length))
                    i += length
                } else {
                    append(contentsOf: replacementCharacter)
                    i -= length
                }
            }
        }
    }

    /// Appends an ASCII string.
    mutating func append(ascii text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends `count` spaces (none when `count` ≤ 0).
    mutating func appendSpaces(_ count: Int) {
        if count > 0 { append(contentsOf: repeatElement(0x20, count: count)) }
    }

    /// Appends `n` in decimal.
    mutating func appendInteger(_ n: Int) {
        if n < 0 { append(UInt8(ascii: "-")) }
        var magnitude = n.magnitude
        var digits = 1, rest = magnitude / 10
        while rest > 0 { digits += 1; rest /= 10 }
        append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        var i = count - 1
        repeat {
            self[i] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            i -= 1
        } while magnitude > 0
    }

    /// Appends `x` with exactly `decimals` digits after the point (rounded half away from zero),
    /// so that output is stable and compact: `0.9700`. A leading `+` on non-negative values when
    /// `sign` is set; never `-0.0000`. Non-finite values, which no model produces, as `null`.
    mutating func appendFixed(_ x: Double, decimals: Int, sign: Bool = false) {
        precondition((0...9).contains(decimals), "appendFixed: 0...9 decimals")
        guard x.isFinite else { append(ascii: "null"); return }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (x.magnitude * Double(scale)).rounded()
        guard scaled < 9e15 else {
            if sign && x > 0 { append(UInt8(ascii: "+")) }
            append(contentsOf: "\(x)".utf8)
            return
        }
        let v = Int(scaled)
        if x < 0 && v != 0 { append(UInt8(ascii: "-")) } else if sign { append(UInt8(ascii: "+")) }
        appendInteger(v / scale)
        guard decimals > 0 else { return }
        append(UInt8(ascii: "."))
        var fraction = v % scale
        var divisor = scale / 10
        while divisor > 0 {
            append(UInt8(ascii: "0") + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }
}

/// Length of the longest prefix of `p[0..<n]` that is valid UTF-8 without control characters:
/// the part of a column's text that can be copied as it is. A short path for the two-byte
/// sequences of Arabic, and runs of ASCII eight bytes at a time.
@inline(__always)
private func cleanPrefix(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
    let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
    var i = 0
    while i < n {
        let b = p[i]
        if b >= 0xC2 && b <= 0xDF {
            guard i + 1 < n, p[i + 1] & 0xC0 == 0x80 else { return i }
            i += 2
        } else if b < 0x80 {
            if b < 0x20 || b == 0x7F { return i }
            i += 1
            while i + 8 <= n {
                let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                // Stop at a non-ASCII byte, a byte below 0x20 or a 0x7F (Hacker's Delight, "haszero").
                let below20 = (w &- ones &* 0x20) & ~w & high
                let x = w ^ (ones &* 0x7F)
                let is7F = (x &- ones) & ~x & high
                if (w & high) | below20 | is7F != 0 { break }
                i += 8
            }
        } else {
            let length = utf8Sequence(p, i, n)
            if length <= 0 { return i }
            i += length
        }
    }
    return i
}
