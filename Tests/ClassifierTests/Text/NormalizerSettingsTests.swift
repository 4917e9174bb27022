import Testing
@testable import Classifier

/// Each rule of ``NormalizerSettings`` alone: off it leaves its characters untouched, on (with
/// every other rule off) it changes exactly its characters.
@Suite struct NormalizerSettingsTests {
    /// One optional rule, a text full of the characters it touches and that text with the rule applied.
    struct Rule: Sendable, CustomTestStringConvertible {
        let name: String
        let turn: @Sendable (inout NormalizerSettings, Bool) -> Void
        let text: String
        let applied: String
        var testDescription: String { name }
    }

    static let rules: [Rule] = [
        Rule(name: "removeDiacritics", turn: { $0.removeDiacritics = $1 },
             text: "مُحَمَّدٌ هٰذا ۖ محمد\u{0610}", applied: "محمد هذا محمد"),
        Rule(name: "removeTatweel", turn: { $0.removeTatweel = $1 }, text: "مـــصر", applied: "مصر"),
        Rule(name: "unifyAlef", turn: { $0.unifyAlef = $1 }, text: "أحمد إيران آخر ٱلله", applied: "احمد ايران اخر الله"),
        Rule(name: "alefMaqsuraToYeh", turn: { $0.alefMaqsuraToYeh = $1 }, text: "على مستشفى", applied: "علي مستشفي"),
        Rule(name: "tehMarbutaToHeh", turn: { $0.tehMarbutaToHeh = $1 }, text: "الحكومة", applied: "الحكومه"),
        Rule(name: "unifyHamzaCarriers", turn: { $0.unifyHamzaCarriers = $1 }, text: "مسؤول رئيس", applied: "مسوول رييس"),
        Rule(name: "unifyPersianLetters", turn: { $0.unifyPersianLetters = $1 },
             text: "\u{06A9}\u{06CC}\u{06C0}", applied: "\u{0643}\u{064A}\u{0647}"),
        Rule(name: "asciiDigits", turn: { $0.asciiDigits = $1 },
             text: "٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹", applied: "0123456789 0123456789"),
        Rule(name: "expandPresentationForms", turn: { $0.expandPresentationForms = $1 },
             text: "\u{FEFB} \u{FEE7}\u{FED4}\u{FE96} \u{FDF2}", applied: "لا نفت الله"),
        Rule(name: "lowercaseLatin", turn: { $0.lowercaseLatin = $1 }, text: "UN Security Council", applied: "un security council"),
    ]

    /// Every optional rule off.
    static let allOff = NormalizerSettings(
        removeDiacritics: false, removeTatweel: false, unifyAlef: false, alefMaqsuraToYeh: false,
        tehMarbutaToHeh: false, unifyHamzaCarriers: false, unifyPersianLetters: false, asciiDigits: false,
        expandPresentationForms: false, lowercaseLatin: false)

    /// Every optional rule on.
    static let allOn = NormalizerSettings(tehMarbutaToHeh: true, unifyHamzaCarriers: true)

    @Test("a rule turned off leaves its characters untouched", arguments: rules)
    func off(_ rule: Rule) {
        var settings = Self.allOn
        rule.turn(&settings, false)
        let normalized = Normalizer(settings: settings).normalize(rule.text)
        #expect(Array(normalized.unicodeScalars) == Array(rule.text.unicodeScalars))
    }

    @Test("a rule turned on alone changes exactly its characters", arguments: rules)
    func onAlone(_ rule: Rule) {
        var settings = Self.allOff
        rule.turn(&settings, true)
        let normalized = Normalizer(settings: settings).normalize(rule.text)
        #expect(Array(normalized.unicodeScalars) == Array(rule.applied.unicodeScalars))
    }

    @Test("with every rule off only the fixed rules apply")
    func everythingOff() {
        let normalizer = Normalizer(settings: Self.allOff)
        let text = "\u{FEFF} أحمدُ\u{200F}  \u{0661}\u{0662} ﻻ IAEA\u{00A0}"
        #expect(Array(normalizer.normalize(text).unicodeScalars) == Array("أحمدُ \u{0661}\u{0662} ﻻ IAEA".unicodeScalars))
    }

    @Test("the defaults for Arabic news")
    func defaults() {
        let settings = NormalizerSettings.arabicNews
        #expect(settings.removeDiacritics && settings.removeTatweel && settings.unifyAlef && settings.alefMaqsuraToYeh)
        #expect(settings.unifyPersianLetters && settings.asciiDigits && settings.expandPresentationForms)
        #expect(settings.lowercaseLatin)
        #expect(!settings.tehMarbutaToHeh && !settings.unifyHamzaCarriers)
        // The model-file encoding of the defaults: bits 0–3 and 6–9.
        #expect(settings.bits == 0b11_1100_1111)
    }

    @Test("the model-file bits round-trip for every combination of rules")
    func bitsRoundTrip() {
        for bits in 0..<UInt32(1 << NormalizerSettings.bitCount) {
            #expect(NormalizerSettings(bits: bits)?.bits == bits)
        }
    }

    @Test("bits beyond the known rules are rejected")
    func unknownBits() {
        #expect(NormalizerSettings(bits: 1 << 10) == nil)
        #expect(NormalizerSettings(bits: UInt32.max) == nil)
        #expect(NormalizerSettings.bitCount == 10)
    }

    @Test("each rule has its own bit, in declaration order", arguments: zip(rules.indices, rules))
    func ruleBit(_ index: Int, _ rule: Rule) {
        var settings = Self.allOff
        rule.turn(&settings, true)
        #expect(settings.bits == 1 << UInt32(index))
    }
}
