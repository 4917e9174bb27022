import Testing
@testable import Classifier

@Suite struct TokenizerTests {
    /// The tokens of `text` after default normalisation, as "kind text" so that a failure shows both.
    static func tokens(_ text: String) -> [String] {
        Tokenizer.tokens(of: Normalizer().normalize(text)).map { "\($0.kind) \($0.text)" }
    }

    @Test("Arabic comma, semicolon and question mark are tokens of their own")
    func arabicPunctuation() {
        #expect(Self.tokens("قالت الخارجية، في بيان؛ هل انتهى الحوار؟") == [
            "word قالت", "word الخارجية", "punctuation ،", "word في", "word بيان", "punctuation ؛",
            "word هل", "word انتهي", "word الحوار", "punctuation ؟",
        ])
    }

    @Test("Latin punctuation is a token of its own")
    func latinPunctuation() {
        #expect(Self.tokens("Hello, world! (yes) a.b: c; d?") == [
            "word hello", "punctuation ,", "word world", "punctuation !", "punctuation (", "word yes",
            "punctuation )", "word a", "punctuation .", "word b", "punctuation :", "word c", "punctuation ;",
            "word d", "punctuation ?",
        ])
    }

    @Test("quotation marks are quote tokens", arguments: ["«", "»", "“", "”", "\"", "‹", "›", "„"])
    func quote(_ mark: String) {
        #expect(Self.tokens("نفت" + mark + "طهران") == ["word نفت", "quote " + mark, "word طهران"])
    }

    @Test("quoted words")
    func quotedWords() {
        #expect(Self.tokens("«نفت» “رفض” \"حوار\"") == [
            "quote «", "word نفت", "quote »", "quote “", "word رفض", "quote ”", "quote \"", "word حوار", "quote \"",
        ])
    }

    @Test("an apostrophe inside a word joins it, elsewhere it is a quote")
    func apostrophe() {
        #expect(Self.tokens("O'Brien 'نفت' ‘نفت’") == [
            "word o'brien", "quote '", "word نفت", "quote '", "quote ‘", "word نفت", "quote ’",
        ])
    }

    @Test("hyphens and slashes inside names join",
          arguments: [("إف-16", "word اف-16"), ("نيو-يورك", "word نيو-يورك"), ("9/11", "number 9/11"),
                      ("F-16s", "word f-16s"), ("أ/ب", "word ا/ب"), ("حزب_الله", "word حزب_الله"),
                      ("16-إف", "word 16-اف")])
    func joined(_ text: String, _ token: String) {
        #expect(Self.tokens(text) == [token])
    }

    @Test("names with joiners in a sentence")
    func joinedInSentence() {
        #expect(Self.tokens("طائرات إف-16، وهجمات 9/11.") == [
            "word طائرات", "word اف-16", "punctuation ،", "word وهجمات", "number 9/11", "punctuation .",
        ])
    }

    @Test("a hyphen or slash that does not join two words is punctuation")
    func loneJoiners() {
        #expect(Self.tokens("نفت - طهران") == ["word نفت", "punctuation -", "word طهران"])
        #expect(Self.tokens("نفت- -16 /") == ["word نفت", "punctuation -", "punctuation -", "number 16", "punctuation /"])
        #expect(Self.tokens("نفت-،") == ["word نفت", "punctuation -", "punctuation ،"])
    }

    @Test("decimal and thousands separators between digits make one number",
          arguments: [("3.5", "number 3.5"), ("1,200", "number 1,200"), ("1,200.75", "number 1,200.75"),
                      ("٣٫٥", "number 3٫5"), ("١٬٢٠٠", "number 1٬200"), ("٢٠٢٤", "number 2024"),
                      ("2024م", "word 2024م")])
    func numbers(_ text: String, _ token: String) {
        #expect(Self.tokens(text) == [token])
    }

    @Test("a separator not followed by a digit ends the number")
    func numberThenPunctuation() {
        #expect(Self.tokens("بلغت 3.5. وارتفعت إلى 1,200, ثم .5") == [
            "word بلغت", "number 3.5", "punctuation .", "word وارتفعت", "word الي", "number 1,200", "punctuation ,",
            "word ثم", "punctuation .", "number 5",
        ])
    }

    @Test("proclitics stay attached", arguments: ["والحوار", "وبالاتفاق", "للتهدئة", "ونفت", "فالحكومة", "كالعادة"])
    func proclitics(_ word: String) {
        #expect(Self.tokens(word) == ["word " + word])
    }

    @Test("symbols and emoji are punctuation, one scalar each")
    func symbols() {
        #expect(Self.tokens("نفت🔥% $") == ["word نفت", "punctuation 🔥", "punctuation %", "punctuation $"])
    }

    @Test("tokens are byte ranges of the normalised UTF-8")
    func byteOffsets() {
        var tokens: [Token] = []
        var text = "نفت، «طهران» 3.5"
        text.withUTF8 { Tokenizer.tokenize($0, into: &tokens) }
        #expect(tokens == [
            Token(start: 0, end: 6, kind: .word),          // نفت: three two-byte letters
            Token(start: 6, end: 8, kind: .punctuation),   // ،
            Token(start: 9, end: 11, kind: .quote),        // «
            Token(start: 11, end: 21, kind: .word),        // طهران
            Token(start: 21, end: 23, kind: .quote),       // »
            Token(start: 24, end: 27, kind: .number),      // 3.5
        ])
    }

    @Test("tokenising appends to the tokens already there")
    func appends() {
        var tokens = [Token(start: 0, end: 0, kind: .word)]
        var text = "لا"
        text.withUTF8 { Tokenizer.tokenize($0, into: &tokens) }
        #expect(tokens == [Token(start: 0, end: 0, kind: .word), Token(start: 0, end: 4, kind: .word)])
    }

    @Test("empty and blank text have no tokens")
    func empty() {
        #expect(Self.tokens("").isEmpty)
        #expect(Self.tokens(" \u{00A0}\n\t\u{200F}").isEmpty)
        #expect(Tokenizer.tokens(of: "   ").isEmpty)
    }
}
