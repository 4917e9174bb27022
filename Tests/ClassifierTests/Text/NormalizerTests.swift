import Testing
@testable import Classifier

/// The scalars of `text`. Results are compared as scalars because `String ==` is canonical
/// equivalence, which would let ا + U+0654 pass for أ.
private func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

/// Golden cases for every rule of the default normaliser, each naming its code points.
@Suite struct NormalizerTests {
    let normalizer = Normalizer()

    /// The scalars of `text` after default normalisation.
    func normalized(_ text: String) -> [Unicode.Scalar] { scalars(normalizer.normalize(text)) }

    /// A code point as a test argument, shown as U+XXXX.
    struct CodePoint: Sendable, CustomTestStringConvertible {
        let value: UInt32
        var string: String { String(Unicode.Scalar(value)!) }
        var testDescription: String { "U+" + String(value, radix: 16, uppercase: true).leftPadded(to: 4) }

        static func all(_ range: ClosedRange<UInt32>) -> [CodePoint] { range.map(CodePoint.init) }
        static func all(_ values: [UInt32]) -> [CodePoint] { values.map(CodePoint.init) }
    }

    /// `scalar` placed inside a word, as marks appear in real text.
    static func word(with scalar: CodePoint) -> String {
        "ب" + scalar.string + "ت"
    }

    // MARK: Diacritics

    @Test("harakat, tanween, shadda and sukun U+064B–U+0652 are removed", arguments: CodePoint.all(0x064B...0x0652))
    func harakat(_ mark: CodePoint) {
        #expect(normalized(Self.word(with: mark)) == scalars("بت"))
    }

    @Test("the further combining marks U+0653–U+065F are removed", arguments: CodePoint.all(0x0653...0x065F))
    func furtherMarks(_ mark: CodePoint) {
        #expect(normalized(Self.word(with: mark)) == scalars("بت"))
    }

    @Test("honorific signs U+0610–U+061A are removed", arguments: CodePoint.all(0x0610...0x061A))
    func honorificSigns(_ sign: CodePoint) {
        #expect(normalized(Self.word(with: sign)) == scalars("بت"))
    }

    @Test("Quranic marks U+06D6–U+06ED are removed", arguments: CodePoint.all(0x06D6...0x06ED))
    func quranicMarks(_ mark: CodePoint) {
        #expect(normalized(Self.word(with: mark)) == scalars("بت"))
    }

    @Test("a fully vowelled sentence loses every mark")
    func vowelledSentence() {
        // fatha U+064E, damma U+064F, kasra U+0650, shadda U+0651, sukun U+0652, tanween U+064C.
        let government = "\u{0627}\u{0644}\u{062D}\u{064F}\u{0643}\u{064F}\u{0648}\u{0645}\u{064E}\u{0629}\u{064F}"
        #expect(normalized("نَفَتْ " + government + " اتِّهاماتٍ") == scalars("نفت الحكومة اتهامات"))
    }

    @Test("dagger alef U+0670 is removed")
    func daggerAlef() {
        #expect(normalized("ه\u{0670}ذا") == scalars("هذا"))
        #expect(normalized("ل\u{0670}كن") == scalars("لكن"))
    }

    @Test("tatweel U+0640 is removed")
    func tatweel() {
        #expect(normalized("مــ\u{0640}ـصر") == scalars("مصر"))
        #expect(normalized("\u{0640}") == scalars(""))
    }

    // MARK: Letters

    @Test("alef forms أ إ آ ٱ ٲ ٳ become ا U+0627",
          arguments: [(UInt32(0x0623), "أحمد"), (0x0625, "إيران"), (0x0622, "آخر"), (0x0671, "ٱلله"),
                      (0x0672, "\u{0672}"), (0x0673, "\u{0673}")])
    func alefForms(_ scalar: UInt32, _ word: String) {
        #expect(word.unicodeScalars.first?.value == scalar)
        let result = normalizer.normalize(word)
        #expect(result.unicodeScalars.first?.value == 0x0627)
        #expect(result.unicodeScalars.dropFirst().elementsEqual(word.unicodeScalars.dropFirst()))
    }

    @Test("alef maqsura ى U+0649 becomes yeh ي U+064A")
    func alefMaqsura() {
        #expect(normalized("على") == scalars("علي"))
        #expect(normalized("نفى مستشفى") == scalars("نفي مستشفي"))
    }

    @Test("teh marbuta ة U+0629 and the hamza carriers ؤ U+0624، ئ U+0626 are kept by default")
    func tehMarbutaAndHamzaCarriersKeptByDefault() {
        #expect(NormalizerSettings.arabicNews.tehMarbutaToHeh == false)
        #expect(NormalizerSettings.arabicNews.unifyHamzaCarriers == false)
        #expect(normalized("الحكومة مسؤول رئيس") == scalars("الحكومة مسؤول رئيس"))
    }

    @Test("teh marbuta ة becomes heh ه when its option is on")
    func tehMarbutaToHeh() {
        let normalizer = Normalizer(settings: NormalizerSettings(tehMarbutaToHeh: true))
        #expect(scalars(normalizer.normalize("الحكومة \u{0629}")) == scalars("الحكومه \u{0647}"))
    }

    @Test("ؤ becomes و and ئ becomes ي when their option is on")
    func hamzaCarriers() {
        let normalizer = Normalizer(settings: NormalizerSettings(unifyHamzaCarriers: true))
        #expect(scalars(normalizer.normalize("مسؤول رئيس")) == scalars("مسوول رييس"))
    }

    @Test("the Persian letters ک U+06A9، ی U+06CC، ۀ U+06C0 become ك، ي، ه")
    func persianLetters() {
        #expect(normalized("\u{06A9}\u{06CC}\u{06C0}") == scalars("\u{0643}\u{064A}\u{0647}"))
    }

    // MARK: Digits

    @Test("Arabic-Indic digits U+0660–U+0669 become ASCII", arguments: 0...9)
    func arabicIndicDigit(_ digit: Int) {
        let scalar = Unicode.Scalar(0x0660 + UInt32(digit))!
        #expect(normalized(String(scalar)) == scalars(String(digit)))
    }

    @Test("Extended Arabic-Indic digits U+06F0–U+06F9 become ASCII", arguments: 0...9)
    func extendedArabicIndicDigit(_ digit: Int) {
        let scalar = Unicode.Scalar(0x06F0 + UInt32(digit))!
        #expect(normalized(String(scalar)) == scalars(String(digit)))
    }

    @Test("digits in running text")
    func digitsInText() {
        #expect(normalized("عام ٢٠٢٤ و۱۹۷۹ و1,200") == scalars("عام 2024 و1979 و1,200"))
    }

    // MARK: Presentation forms

    @Test("presentation forms become base letters",
          arguments: [
              ("\u{FEFB}", "لا"),                      // ﻻ lam-alef isolated
              ("\u{FEFC}", "لا"),                      // ﻼ lam-alef final
              ("\u{FEF7}", "لا"),                      // ﻷ lam-alef with hamza above, then alef unified
              ("\u{FEF9}", "لا"),                      // ﻹ lam-alef with hamza below
              ("\u{FEF5}", "لا"),                      // ﻵ lam-alef with madda
              ("\u{FEE5}\u{FED1}\u{FE95}", "نفت"),     // ﻥﻑﺕ isolated forms
              ("\u{FEE7}\u{FED3}\u{FE97}", "نفت"),     // ﻧﻓﺗ initial forms
              ("\u{FEE8}\u{FED4}\u{FE98}", "نفت"),     // ﻨﻔﺘ medial forms
              ("\u{FEE6}\u{FED2}\u{FE96}", "نفت"),     // ﻦﻒﺖ final forms
              ("\u{FEE7}\u{FED4}\u{FE96}", "نفت"),     // ﻧﻔﺖ as a shaped word
              ("\u{FDF2}", "الله"),                    // ﷲ
              ("\u{FE8D}\u{FEDF}\u{FEA4}\u{FEEE}\u{FE8D}\u{FEAD}", "الحوار"),
              ("\u{FEF3}\u{FEE8}\u{FED4}\u{FEF0}", "ينفي"), // final alef maqsura ﻰ U+FEF0, then ى → ي
              ("\u{FB50}", "ا"),                       // ﭐ alef wasla isolated, then unified
          ])
    func presentationForms(_ shaped: String, _ expected: String) {
        #expect(normalized(shaped) == scalars(expected))
    }

    @Test("a presentation form without a mapping is kept")
    func presentationFormWithoutMapping() {
        // U+FD3E ORNATE LEFT PARENTHESIS has no compatibility decomposition.
        #expect(normalized("\u{FD3E}") == scalars("\u{FD3E}"))
    }

    // MARK: Latin

    @Test("Latin is lower-cased")
    func latin() {
        #expect(normalized("UN Security Council") == scalars("un security council"))
        #expect(normalized("\u{00C9}T\u{00C9} \u{00C7}A \u{00D1}")
                == scalars("\u{00E9}t\u{00E9} \u{00E7}a \u{00F1}"))
        #expect(normalized("F-16 IAEA") == scalars("f-16 iaea"))
        // Below U+0800 even when the lower case lies above it: Ⱥ U+023A → ⱥ U+2C65.
        #expect(normalized("\u{023A}\u{023E}") == scalars("\u{2C65}\u{2C66}"))
    }

    // MARK: Spaces and invisible characters

    @Test("every Unicode space becomes one ASCII space", arguments: CodePoint.all(TextFuzzing.spaces))
    func space(_ space: CodePoint) {
        let s = space.string
        #expect(normalized("نفت" + s + "طهران") == scalars("نفت طهران"))
        #expect(normalized(s + "نفت" + s + s + "طهران" + s) == scalars("نفت طهران"))
    }

    @Test("runs of mixed spaces collapse and the ends are trimmed")
    func spaceRuns() {
        #expect(normalized(" \t\u{00A0}نفت \u{3000}\u{2003}\n\r\n طهران\u{202F}\u{2029} ")
                == scalars("نفت طهران"))
        #expect(normalized(" \u{2028}\t ") == scalars(""))
        #expect(normalized("") == scalars(""))
    }

    @Test("ZWNJ, ZWJ, LRM, RLM, ALM and BOM are removed without leaving a space",
          arguments: CodePoint.all([0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF]))
    func invisible(_ scalar: CodePoint) {
        let s = scalar.string
        #expect(normalized("نف" + s + "ت") == scalars("نفت"))
        #expect(normalized(s + "نفت " + s + " طهران" + s) == scalars("نفت طهران"))
    }

    @Test("other invisible format characters are removed", arguments: CodePoint.all(TextFuzzing.invisibles))
    func otherInvisible(_ scalar: CodePoint) {
        #expect(normalized("a" + scalar.string + "b") == scalars("ab"))
    }

    @Test("control characters are removed")
    func controls() {
        #expect(normalized("a\u{0000}b\u{0007}c\u{007F}d\u{0090}e") == scalars("abcde"))
    }

    // MARK: Decomposed text

    @Test("a combining hamza above composes with the letter before it, as in NFC text", arguments: [
        ("مسو\u{0654}ول", "مسؤول"),          // و + U+0654 = ؤ
        ("ي\u{0654}ران", "ئران"),             // ي + U+0654 = ئ
        ("ا\u{0654}حمد", "أحمد"),              // ا + U+0654 = أ, then unified to ا
        ("مسو\u{064E}\u{0654}ول", "مسؤول"),   // a removed fatha between them does not block it
        ("ى\u{0654}", "ئ"),                    // ى became ي first, which takes the hamza
    ])
    func decomposedHamza(decomposed: String, composed: String) {
        #expect(normalized(decomposed) == normalized(composed))
    }

    @Test("a hamza above with no letter to take it is removed like any mark")
    func strayHamza() {
        #expect(normalized("\u{0654}") == [])
        #expect(normalized("و \u{0654}ب") == scalars("و ب"))
        #expect(normalized("ب\u{0654}") == scalars("ب"))
        #expect(normalized("a\u{0654}") == scalars("a"))
    }

    @Test("with marks kept, a combining hamza stays as written")
    func hamzaKeptWithMarks() {
        var settings = NormalizerSettings.arabicNews
        settings.removeDiacritics = false
        #expect(Normalizer(settings: settings).normalize("و\u{0654}") == "و\u{0654}")
    }

    // MARK: Everything together

    @Test("a headline with many rules at once")
    func headline() {
        let text = "\u{FEFF}  إيرانُ تَنْفِي\u{200F} إرسالَ ٥ طائراتٍ مُسيّــرة إلى «روسيا» عبر ﻻهاي IAEA\u{00A0}\n"
        #expect(normalized(text)
                == scalars("ايران تنفي ارسال 5 طائرات مسيرة الي «روسيا» عبر لاهاي iaea"))
    }
}
