/// Decodes one scalar from possibly invalid UTF-8, as the WHATWG and Unicode recommend: an invalid
/// or truncated sequence yields U+FFFD and consumes only its maximal valid prefix (at least one
/// byte), so decoding never fails, never reads past `end` and always advances.
///
/// - Returns: the scalar value and the number of bytes consumed (1…4).
@inline(__always)
func decodeScalarRepairing(_ p: UnsafePointer<UInt8>, _ count: Int) -> (scalar: UInt32, length: Int) {
    let b0 = UInt32(p[0])
    if b0 < 0x80 { return (b0, 1) }
    @inline(__always) func cont(_ i: Int) -> UInt32? {
        guard i < count else { return nil }
        let b = UInt32(p[i])
        return b & 0xC0 == 0x80 ? b & 0x3F : nil
    }
    switch b0 {
    case 0xC2...0xDF:
        guard let b1 = cont(1) else { return (0xFFFD, 1) }
        return ((b0 & 0x1F) << 6 | b1, 2)
    case 0xE0...0xEF:
        guard let b1 = cont(1) else { return (0xFFFD, 1) }
        // Reject overlong forms (E0 80…9F) and surrogates (ED A0…BF).
        if (b0 == 0xE0 && b1 < 0x20) || (b0 == 0xED && b1 >= 0x20) { return (0xFFFD, 1) }
        guard let b2 = cont(2) else { return (0xFFFD, 2) }
        return ((b0 & 0x0F) << 12 | b1 << 6 | b2, 3)
    case 0xF0...0xF4:
        guard let b1 = cont(1) else { return (0xFFFD, 1) }
        // Reject overlong forms (F0 80…8F) and values above U+10FFFF (F4 90…BF).
        if (b0 == 0xF0 && b1 < 0x10) || (b0 == 0xF4 && b1 >= 0x10) { return (0xFFFD, 1) }
        guard let b2 = cont(2) else { return (0xFFFD, 2) }
        guard let b3 = cont(3) else { return (0xFFFD, 3) }
        return ((b0 & 0x07) << 18 | b1 << 12 | b2 << 6 | b3, 4)
    default:
        return (0xFFFD, 1)
    }
}

/// Decodes one scalar from UTF-8 already known to be valid (the normaliser's output).
@inline(__always)
func decodeValidScalar(_ p: UnsafePointer<UInt8>) -> (scalar: UInt32, length: Int) {
    let b0 = UInt32(p[0])
    if b0 < 0x80 { return (b0, 1) }
    if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(p[1]) & 0x3F, 2) }
    if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | (UInt32(p[1]) & 0x3F) << 6 | UInt32(p[2]) & 0x3F, 3) }
    return ((b0 & 0x07) << 18 | (UInt32(p[1]) & 0x3F) << 12 | (UInt32(p[2]) & 0x3F) << 6 | UInt32(p[3]) & 0x3F, 4)
}

/// Appends the UTF-8 encoding of `scalar` (a valid Unicode scalar value) to `out`.
@inline(__always)
func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case ..<0x80:
        out.append(UInt8(scalar))
    case ..<0x800:
        out.append(UInt8(0xC0 | scalar >> 6))
        out.append(UInt8(0x80 | scalar & 0x3F))
    case ..<0x10000:
        out.append(UInt8(0xE0 | scalar >> 12))
        out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
        out.append(UInt8(0x80 | scalar & 0x3F))
    default:
        out.append(UInt8(0xF0 | scalar >> 18))
        out.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
        out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
        out.append(UInt8(0x80 | scalar & 0x3F))
    }
}

/// The UTF-8 bytes of the scalar value `scalar` packed little-endian, and their count (1…4).
@inline(__always)
func packUTF8(_ scalar: UInt32) -> (packed: UInt32, length: Int) {
    switch scalar {
    case ..<0x80:
        return (scalar, 1)
    case ..<0x800:
        return ((0xC0 | scalar >> 6) | (0x80 | scalar & 0x3F) << 8, 2)
    case ..<0x10000:
        return ((0xE0 | scalar >> 12) | (0x80 | (scalar >> 6) & 0x3F) << 8 | (0x80 | scalar & 0x3F) << 16, 3)
    default:
        return ((0xF0 | (scalar >> 18) & 0x07) | (0x80 | (scalar >> 12) & 0x3F) << 8 | (0x80 | (scalar >> 6) & 0x3F) << 16
                    | (0x80 | scalar & 0x3F) << 24, 4)
    }
}
