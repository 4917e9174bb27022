/// Named code points and ranges of the Arabic script and of the invisible characters that
/// Arabic news text carries, so that the rules of the text pipeline read as what they mean.
enum ArabicScalars {
    // MARK: Letters
    static let alef: UInt32 = 0x0627            // ا
    static let alefWithMaddaAbove: UInt32 = 0x0622 // آ
    static let alefWithHamzaAbove: UInt32 = 0x0623 // أ
    static let alefWithHamzaBelow: UInt32 = 0x0625 // إ
    static let alefWasla: UInt32 = 0x0671       // ٱ
    static let alefWithWavyHamzaAbove: UInt32 = 0x0672 // ٲ
    static let alefWithWavyHamzaBelow: UInt32 = 0x0673 // ٳ
    static let alefMaqsura: UInt32 = 0x0649     // ى
    static let yeh: UInt32 = 0x064A             // ي
    static let farsiYeh: UInt32 = 0x06CC        // ی
    static let tehMarbuta: UInt32 = 0x0629      // ة
    static let heh: UInt32 = 0x0647             // ه
    static let hehWithYehAbove: UInt32 = 0x06C0 // ۀ
    static let wawWithHamzaAbove: UInt32 = 0x0624 // ؤ
    static let waw: UInt32 = 0x0648             // و
    static let yehWithHamzaAbove: UInt32 = 0x0626 // ئ
    static let kaf: UInt32 = 0x0643             // ك
    static let keheh: UInt32 = 0x06A9           // ک

    /// Hamza above as a combining mark: decomposed (NFD) text writes ؤ as و followed by it.
    static let combiningHamzaAbove: UInt32 = 0x0654

    /// The letter that `letter` followed by a combining hamza above composes to (Unicode's
    /// canonical compositions), or nil.
    static func withHamzaAbove(_ letter: UInt32) -> UInt32? {
        switch letter {
        case 0x0627: 0x0623  // ا → أ
        case 0x0648: 0x0624  // و → ؤ
        case 0x064A: 0x0626  // ي → ئ
        case 0x06C1: 0x06C2  // ہ → ۂ
        case 0x06D2: 0x06D3  // ے → ۓ
        case 0x06D5: 0x06C0  // ە → ۀ
        default: nil
        }
    }

    // MARK: Marks removed as diacritics
    /// Honorific and Quranic annotation signs above letters (ؐ … ؚ).
    static let honorificSigns: ClosedRange<UInt32> = 0x0610...0x061A
    /// Fathatan … sukun (U+064B–U+0652) and the further combining marks up to U+065F
    /// (maddah, hamza above and below, subscript alef …).
    static let harakat: ClosedRange<UInt32> = 0x064B...0x065F
    /// Superscript (dagger) alef.
    static let daggerAlef: UInt32 = 0x0670
    /// Small high ligatures and Quranic stop and recitation marks.
    static let quranicMarks: ClosedRange<UInt32> = 0x06D6...0x06ED
    /// Tatweel (kashida), the elongation stroke.
    static let tatweel: UInt32 = 0x0640

    // MARK: Digits
    static let arabicIndicDigits: ClosedRange<UInt32> = 0x0660...0x0669        // ٠ … ٩
    static let extendedArabicIndicDigits: ClosedRange<UInt32> = 0x06F0...0x06F9 // ۰ … ۹

    // MARK: Punctuation
    static let arabicComma: UInt32 = 0x060C     // ،
    static let arabicSemicolon: UInt32 = 0x061B // ؛
    static let arabicQuestionMark: UInt32 = 0x061F // ؟
    static let arabicFullStop: UInt32 = 0x06D4  // ۔
    static let arabicDecimalSeparator: UInt32 = 0x066B  // ٫
    static let arabicThousandsSeparator: UInt32 = 0x066C // ٬

    // MARK: Presentation forms
    static let presentationFormsA: ClosedRange<UInt32> = 0xFB50...0xFDFF
    static let presentationFormsB: ClosedRange<UInt32> = 0xFE70...0xFEFE

    // MARK: Invisible characters
    static let arabicLetterMark: UInt32 = 0x061C   // ALM
    static let zeroWidthSpace: UInt32 = 0x200B
    static let zeroWidthNonJoiner: UInt32 = 0x200C // ZWNJ
    static let zeroWidthJoiner: UInt32 = 0x200D    // ZWJ
    static let leftToRightMark: UInt32 = 0x200E    // LRM
    static let rightToLeftMark: UInt32 = 0x200F    // RLM
    static let bidiEmbeddings: ClosedRange<UInt32> = 0x202A...0x202E // LRE RLE PDF LRO RLO
    static let invisibleOperators: ClosedRange<UInt32> = 0x2060...0x2064 // word joiner …
    static let bidiIsolates: ClosedRange<UInt32> = 0x2066...0x2069 // LRI RLI FSI PDI
    static let byteOrderMark: UInt32 = 0xFEFF
    static let variationSelectors: ClosedRange<UInt32> = 0xFE00...0xFE0F
    static let softHyphen: UInt32 = 0x00AD
    static let replacementCharacter: UInt32 = 0xFFFD
}
