/// Checks the UTF-8 sequence starting at `p[i]` (before `end`), as Unicode §3.9 ("U+FFFD
/// substitution of maximal subparts") and the classifier's own decoder read it.
///
/// - Returns: the length (1…4) of a well-formed sequence, or minus the length (−1…−3) of the
///   ill-formed prefix to replace by one U+FFFD.
@inline(__always)
func utf8Sequence(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> Int {
    let b0 = p[i]
    if b0 < 0x80 { return 1 }
    @inline(__always) func continues(_ k: Int) -> Bool { i + k < end && p[i + k] & 0xC0 == 0x80 }
    switch b0 {
    case 0xC2...0xDF:
        return continues(1) ? 2 : -1
    case 0xE0...0xEF:
        guard continues(1) else { return -1 }
        let b1 = p[i + 1]
        // Overlong forms (E0 80…9F) and surrogates (ED A0…BF).
        if (b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 >= 0xA0) { return -1 }
        return continues(2) ? 3 : -2
    case 0xF0...0xF4:
        guard continues(1) else { return -1 }
        let b1 = p[i + 1]
        // Overlong forms (F0 80…8F) and values above U+10FFFF (F4 90…BF).
        if (b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 >= 0x90) { return -1 }
        guard continues(2) else { return -2 }
        return continues(3) ? 4 : -3
    default:
        return -1
    }
}

/// U+FFFD REPLACEMENT CHARACTER in UTF-8.
let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]
