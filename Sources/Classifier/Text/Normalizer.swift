/// Normalises Arabic news text so that spelling variants of a word become one string.
///
/// Works on UTF-8 bytes with one table lookup per scalar below U+0800 (all of Arabic, Latin and
/// ASCII). The output is always valid UTF-8, free of leading, trailing and repeated spaces, and
/// normalisation is idempotent: `normalize(normalize(x)) == normalize(x)`. Which rules apply is
/// described by ``NormalizerSettings``.
public struct Normalizer: Sendable {
    /// The rules this normaliser applies.
    public let settings: NormalizerSettings
    /// Action for every scalar below U+0800: a replacement scalar, ``delete`` or ``space``.
    private let table: [UInt32]
    /// The same actions with the tokeniser's class of their result, for the fused pass of the
    /// features (see ``ScanEntry``).
    let scanTable: [UInt32]

    static let delete: UInt32 = 0xFFFF_FFFF
    static let space: UInt32 = 0xFFFF_FFFE
    static let tableSize = 0x800

    /// A normaliser applying `settings`.
    public init(settings: NormalizerSettings = .arabicNews) {
        self.settings = settings
        self.table = Self.makeTable(settings)
        self.scanTable = Self.makeScanTable(table)
    }

    /// The normalised form of `text`.
    public func normalize(_ text: String) -> String {
        var text = text
        return text.withUTF8 { input in
            var out: [UInt8] = []
            out.reserveCapacity(input.count)
            normalize(input, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Appends the normalised form of the UTF-8 bytes `input`, which may be invalid, to `out`.
    ///
    /// - Complexity: O(n) in the length of `input`.
    public func normalize(_ input: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let start = out.count
        if !normalizeWithoutExpansions(input, into: &out) {
            out.removeSubrange(start...)
            normalizeGeneral(input, into: &out)
        }
    }

    /// The fast path: writes straight into `out`'s storage, which it sizes for the worst case
    /// without presentation forms (a repaired byte becomes the 3-byte U+FFFD). Returns false,
    /// leaving `out` to be truncated by the caller, at the first presentation form to expand.
    private func normalizeWithoutExpansions(_ input: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        guard let base = input.baseAddress else { return true }
        let count = input.count
        let start = out.count
        let capacity = count * 3
        out.append(contentsOf: repeatElement(0, count: capacity))
        let expands = settings.expandPresentationForms
        var written = start
        let completed: Bool = table.withUnsafeBufferPointer { table in
            out.withUnsafeMutableBufferPointer { o in
                var pendingSpace = false
                var i = 0
                while i < count {
                    var action: UInt32
                    let byte = base[i]
                    if byte < 0x80 {
                        action = table[Int(byte)]
                        i &+= 1
                    } else {
                        let (scalar, length) = decodeScalarRepairing(base + i, count &- i)
                        i &+= length
                        if scalar < UInt32(Self.tableSize) {
                            action = table[Int(scalar)]
                            // A hamza above removed as a mark may compose with the letter before
                            // it (decomposed text): the general path does that.
                            if scalar == ArabicScalars.combiningHamzaAbove && action == Self.delete { return false }
                        } else {
                            if expands && (ArabicScalars.presentationFormsA.contains(scalar)
                                           || ArabicScalars.presentationFormsB.contains(scalar)) {
                                return false
                            }
                            action = Self.highAction(scalar)
                        }
                    }
                    if action == Self.delete { continue }
                    if action == Self.space { pendingSpace = true; continue }
                    if pendingSpace {
                        if written > start { o[written] = 0x20; written &+= 1 }
                        pendingSpace = false
                    }
                    switch action {
                    case ..<0x80:
                        o[written] = UInt8(truncatingIfNeeded: action)
                        written &+= 1
                    case ..<0x800:
                        o[written] = UInt8(truncatingIfNeeded: 0xC0 | action >> 6)
                        o[written &+ 1] = UInt8(truncatingIfNeeded: 0x80 | action & 0x3F)
                        written &+= 2
                    case ..<0x10000:
                        o[written] = UInt8(truncatingIfNeeded: 0xE0 | action >> 12)
                        o[written &+ 1] = UInt8(truncatingIfNeeded: 0x80 | (action >> 6) & 0x3F)
                        o[written &+ 2] = UInt8(truncatingIfNeeded: 0x80 | action & 0x3F)
                        written &+= 3
                    default:
                        o[written] = UInt8(truncatingIfNeeded: 0xF0 | action >> 18)
                        o[written &+ 1] = UInt8(truncatingIfNeeded: 0x80 | (action >> 12) & 0x3F)
                        o[written &+ 2] = UInt8(truncatingIfNeeded: 0x80 | (action >> 6) & 0x3F)
                        o[written &+ 3] = UInt8(truncatingIfNeeded: 0x80 | action & 0x3F)
                        written &+= 4
                    }
                }
                return true
            }
        }
        guard completed else { return false }
        out.removeSubrange(written...)
        return true
    }

    /// The general path, expanding presentation forms.
    private func normalizeGeneral(_ input: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        guard let base = input.baseAddress else { return }
        let count = input.count
        let start = out.count
        var pendingSpace = false
        var i = 0
        table.withUnsafeBufferPointer { table in
            @inline(__always) func emit(_ action: UInt32) {
                switch action {
                case Self.delete: break
                case Self.space: pendingSpace = true
                default:
                    if pendingSpace {
                        if out.count > start { out.append(0x20) }
                        pendingSpace = false
                    }
                    appendUTF8(action, to: &out)
                }
            }
            while i < count {
                let byte = base[i]
                if byte < 0x80 {
                    emit(table[Int(byte)])
                    i += 1
                    continue
                }
                let (scalar, length) = decodeScalarRepairing(base + i, count - i)
                i += length
                if scalar == ArabicScalars.combiningHamzaAbove, table[Int(scalar)] == Self.delete, !pendingSpace,
                   let composed = Self.composedWithHamza(out, from: start) {
                    // Decomposed text: و + U+0654 is ؤ, which the rules then treat as written so.
                    out.removeLast(2)
                    emit(table[Int(composed)])
                } else if scalar < UInt32(Self.tableSize) {
                    emit(table[Int(scalar)])
                } else if settings.expandPresentationForms,
                          ArabicScalars.presentationFormsA.contains(scalar)
                            || ArabicScalars.presentationFormsB.contains(scalar) {
                    let expansion = PresentationForms.expansion(of: scalar)
                    if expansion.isEmpty {
                        emit(scalar)
                    } else {
                        for s in expansion { emit(s < UInt32(Self.tableSize) ? table[Int(s)] : Self.highAction(s)) }
                    }
                } else {
                    emit(Self.highAction(scalar))
                }
            }
        }
    }

    /// The composition with hamza above of the scalar `out` ends with after `start`, when that is
    /// one of the two-byte letters that take it (see ``ArabicScalars/withHamzaAbove(_:)``).
    static func composedWithHamza(_ out: [UInt8], from start: Int) -> UInt32? {
        guard out.count - start >= 2 else { return nil }
        let lead = out[out.count - 2], trail = out[out.count - 1]
        guard lead >= 0xC2 && lead < 0xE0, trail & 0xC0 == 0x80 else { return nil }
        return ArabicScalars.withHamzaAbove(UInt32(lead & 0x1F) << 6 | UInt32(trail & 0x3F))
    }

    /// The action for a scalar at or above U+0800: spaces and invisible format characters.
    static func highAction(_ s: UInt32) -> UInt32 {
        switch s {
        case 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return space
        case 0x180E, ArabicScalars.zeroWidthSpace, ArabicScalars.zeroWidthNonJoiner, ArabicScalars.zeroWidthJoiner,
             ArabicScalars.leftToRightMark, ArabicScalars.rightToLeftMark, ArabicScalars.bidiEmbeddings,
             ArabicScalars.invisibleOperators, ArabicScalars.bidiIsolates, 0x206A...0x206F,
             ArabicScalars.byteOrderMark, ArabicScalars.variationSelectors, 0xFFF9...0xFFFB, 0xE0000...0xE007F:
            return delete
        default:
            return s
        }
    }

    private static func makeTable(_ settings: NormalizerSettings) -> [UInt32] {
        var table = (0..<UInt32(tableSize)).map { $0 }
        func set(_ range: ClosedRange<UInt32>, _ action: UInt32) { for s in range { table[Int(s)] = action } }
        func set(_ s: UInt32, _ action: UInt32) { table[Int(s)] = action }

        // Controls are dropped; whitespace controls, NEL and NBSP become spaces.
        set(0x00...0x1F, delete)
        set(0x7F...0x9F, delete)
        for s: UInt32 in [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0] { set(s, space) }
        set(ArabicScalars.softHyphen, delete)
        set(0x034F, delete)  // combining grapheme joiner
        set(0x0600...0x0605, delete)  // Arabic number sign and other prefixed format marks
        set(ArabicScalars.arabicLetterMark, delete)

        if settings.lowercaseLatin {
            for s in UInt32(0x41)..<UInt32(tableSize) {
                guard let scalar = Unicode.Scalar(s), scalar.properties.changesWhenLowercased else { continue }
                let lower = scalar.properties.lowercaseMapping.unicodeScalars
                if lower.count == 1, let l = lower.first { set(s, l.value) }
            }
        }
        if settings.removeDiacritics {
            set(ArabicScalars.honorificSigns, delete)
            set(ArabicScalars.harakat, delete)
            set(ArabicScalars.daggerAlef, delete)
            set(ArabicScalars.quranicMarks, delete)
        }
        if settings.removeTatweel { set(ArabicScalars.tatweel, delete) }
        if settings.unifyAlef {
            for s in [ArabicScalars.alefWithHamzaAbove, ArabicScalars.alefWithHamzaBelow,
                      ArabicScalars.alefWithMaddaAbove, ArabicScalars.alefWasla,
                      ArabicScalars.alefWithWavyHamzaAbove, ArabicScalars.alefWithWavyHamzaBelow] {
                set(s, ArabicScalars.alef)
            }
        }
        if settings.alefMaqsuraToYeh { set(ArabicScalars.alefMaqsura, ArabicScalars.yeh) }
        if settings.tehMarbutaToHeh { set(ArabicScalars.tehMarbuta, ArabicScalars.heh) }
        if settings.unifyHamzaCarriers {
            set(ArabicScalars.wawWithHamzaAbove, ArabicScalars.waw)
            set(ArabicScalars.yehWithHamzaAbove, ArabicScalars.yeh)
        }
        if settings.unifyPersianLetters {
            set(ArabicScalars.keheh, ArabicScalars.kaf)
            set(ArabicScalars.farsiYeh, ArabicScalars.yeh)
            set(ArabicScalars.hehWithYehAbove, ArabicScalars.heh)
        }
        if settings.asciiDigits {
            for (i, s) in ArabicScalars.arabicIndicDigits.enumerated() { set(s, 0x30 + UInt32(i)) }
            for (i, s) in ArabicScalars.extendedArabicIndicDigits.enumerated() { set(s, 0x30 + UInt32(i)) }
        }
        return table
    }
}
