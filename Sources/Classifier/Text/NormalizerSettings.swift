/// Which rules the ``Normalizer`` applies. Stored in every model file, so a model always sees
/// text normalised the way it was trained.
///
/// Rules that are always on, because no Arabic news classifier wants them off: invalid UTF-8 is
/// repaired to U+FFFD; every Unicode space (U+0009–U+000D, U+0020, U+0085, U+00A0, U+1680,
/// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) becomes one ASCII space, runs collapse
/// and the ends are trimmed; invisible format characters are removed: ZWSP, ZWNJ, ZWJ, LRM, RLM,
/// ALM (U+061C), the bidi embeddings and isolates (U+202A–U+202E, U+2066–U+2069), U+2060–U+2064,
/// the BOM U+FEFF, variation selectors U+FE00–U+FE0F, the soft hyphen and other control characters.
public struct NormalizerSettings: Sendable, Equatable, Hashable {
    /// Remove honorific signs U+0610–U+061A, harakat, tanween, shadda, sukun and further marks
    /// U+064B–U+065F, the dagger alef U+0670 and the Quranic marks U+06D6–U+06ED.
    public var removeDiacritics: Bool
    /// Remove tatweel U+0640.
    public var removeTatweel: Bool
    /// Map the alef forms أ U+0623, إ U+0625, آ U+0622, ٱ U+0671, ٲ U+0672, ٳ U+0673 to ا U+0627.
    public var unifyAlef: Bool
    /// Map alef maqsura ى U+0649 to yeh ي U+064A.
    public var alefMaqsuraToYeh: Bool
    /// Map teh marbuta ة U+0629 to heh ه U+0647.
    public var tehMarbutaToHeh: Bool
    /// Map the hamza carriers ؤ U+0624 to و U+0648 and ئ U+0626 to ي U+064A.
    public var unifyHamzaCarriers: Bool
    /// Map the Persian letters keheh ک U+06A9 to ك U+0643, farsi yeh ی U+06CC to ي U+064A and
    /// ۀ U+06C0 to ه U+0647, as they appear in text typed on Persian keyboards.
    public var unifyPersianLetters: Bool
    /// Map Arabic-Indic digits U+0660–U+0669 and Extended Arabic-Indic digits U+06F0–U+06F9 to 0–9.
    public var asciiDigits: Bool
    /// Replace the presentation forms U+FB50–U+FDFF and U+FE70–U+FEFE, including the lam-alef
    /// ligatures, by their base letters (Unicode NFKC).
    public var expandPresentationForms: Bool
    /// Lower-case Latin letters (and the other letters below U+0800 with a one-scalar lower case).
    public var lowercaseLatin: Bool

    /// Settings for an explicit choice of every rule.
    public init(
        removeDiacritics: Bool = true, removeTatweel: Bool = true, unifyAlef: Bool = true,
        alefMaqsuraToYeh: Bool = true, tehMarbutaToHeh: Bool = false, unifyHamzaCarriers: Bool = false,
        unifyPersianLetters: Bool = true, asciiDigits: Bool = true, expandPresentationForms: Bool = true,
        lowercaseLatin: Bool = true
    ) {
        self.removeDiacritics = removeDiacritics
        self.removeTatweel = removeTatweel
        self.unifyAlef = unifyAlef
        self.alefMaqsuraToYeh = alefMaqsuraToYeh
        self.tehMarbutaToHeh = tehMarbutaToHeh
        self.unifyHamzaCarriers = unifyHamzaCarriers
        self.unifyPersianLetters = unifyPersianLetters
        self.asciiDigits = asciiDigits
        self.expandPresentationForms = expandPresentationForms
        self.lowercaseLatin = lowercaseLatin
    }

    /// The defaults for Arabic news: every rule on except ة → ه and the hamza carriers, which
    /// merge words that the features keep apart at no cost.
    public static let arabicNews = NormalizerSettings()

    /// The rules as bits, in declaration order (the model-file encoding).
    public var bits: UInt32 {
        let flags = [removeDiacritics, removeTatweel, unifyAlef, alefMaqsuraToYeh, tehMarbutaToHeh,
                     unifyHamzaCarriers, unifyPersianLetters, asciiDigits, expandPresentationForms,
                     lowercaseLatin]
        var value: UInt32 = 0
        for (i, flag) in flags.enumerated() where flag { value |= 1 << UInt32(i) }
        return value
    }

    /// The number of rule bits that ``init(bits:)`` reads.
    public static let bitCount = 10

    /// Settings from the model-file encoding; `nil` when a bit beyond the known rules is set.
    public init?(bits: UInt32) {
        guard bits >> UInt32(Self.bitCount) == 0 else { return nil }
        func bit(_ i: UInt32) -> Bool { bits & (1 << i) != 0 }
        self.init(removeDiacritics: bit(0), removeTatweel: bit(1), unifyAlef: bit(2), alefMaqsuraToYeh: bit(3),
                  tehMarbutaToHeh: bit(4), unifyHamzaCarriers: bit(5), unifyPersianLetters: bit(6),
                  asciiDigits: bit(7), expandPresentationForms: bit(8), lowercaseLatin: bit(9))
    }
}
