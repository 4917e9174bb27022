extension Normalizer {
    /// One entry of ``scanTable``: what the normaliser makes of a scalar below U+0800 and how the
    /// tokeniser sees the result, so that a fused pass needs one lookup a scalar for both.
    ///
    /// Bits 0–23 hold the UTF-8 bytes of the result packed little-endian (results below U+0800
    /// stay below U+10000, so three bytes suffice), bits 24–27 their count (0: the scalar is
    /// deleted) and bits 28–31 the ``ScalarClass`` of the result (`.space` for a space).
    struct ScanEntry {
        let rawValue: UInt32

        @inline(__always)
        init(rawValue: UInt32) { self.rawValue = rawValue }

        /// The entry for the normaliser action `action` (a scalar, ``Normalizer/delete`` or
        /// ``Normalizer/space``) with a result of at most three bytes.
        init(action: UInt32) {
            switch action {
            case Normalizer.delete: rawValue = 0
            case Normalizer.space: rawValue = UInt32(ScalarClass.space.rawValue) << 28 | 1 << 24 | 0x20
            default:
                let (packed, length) = packUTF8(action)
                precondition(length <= 3, "Normalizer.ScanEntry: a result above U+FFFF")
                rawValue = UInt32(ScalarClass.of(action).rawValue) << 28 | UInt32(length) << 24 | packed
            }
        }

        /// The result's UTF-8 bytes, packed little-endian.
        @inline(__always) var packed: UInt32 { rawValue & 0xFF_FFFF }
        /// How many bytes the result has; 0 when the scalar is deleted.
        @inline(__always) var length: Int { Int(truncatingIfNeeded: rawValue >> 24 & 0xF) }
        /// How the tokeniser sees the result.
        @inline(__always) var scalarClass: ScalarClass { ScalarClass(rawValue: UInt8(truncatingIfNeeded: rawValue >> 28)) ?? .punctuation }
    }

    static func makeScanTable(_ table: [UInt32]) -> [UInt32] {
        table.map { ScanEntry(action: $0).rawValue }
    }
}
