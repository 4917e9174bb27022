import Testing
@testable import Classifier

@Suite struct SentenceSplitterTests {
    /// A made-up news article: a headline without final punctuation, a blank line, an indented
    /// paragraph with trailing spaces, quoted speech with full stops inside « » and "…", an
    /// abbreviation and initials, a decimal number, a question, a parenthesis holding a full stop,
    /// a quotation closed after its full stop, a CRLF line break and a final ellipsis.
    static let article =
        "طهران تنفي تزويد موسكو بطائرات مسيرة\n"
        + "\n"
        + "  نفى المتحدث باسم وزارة الخارجية د. علي حسيني، الاثنين، تقارير غربية عن صفقة أسلحة بقيمة 3.5 مليار دولار. "
        + "وقال في مؤتمر صحفي: «هذه الادعاءات كاذبة. لم نرسل أي طائرة إلى روسيا». "
        + "وأضاف أن بلاده \"تدعو جميع الأطراف إلى ضبط النفس. الحوار هو الحل\" في أوكرانيا. \n"
        + "هل تغير واشنطن موقفها؟ يرى المحلل أ. ب. سامي أن ذلك مستبعد (وقد رفض مسؤول أمريكي التعليق. ولم يكشف عن اسمه) "
        + "في الوقت الحالي! واختتم البيان بالقول: «لا أحد يريد حربا أوسع.» ثم انتهى المؤتمر.\r\n"
        + "وقالت الوزارة في ختام بيانها: \"نرفض هذه الاتهامات جملة وتفصيلا.\" وأكدت أن الاتصالات مستمرة…"

    /// The sentences of ``article`` with their scalar offsets, counted by hand (and by Python's
    /// `str.index`, which counts code points as ``Sentence`` does).
    static let sentences = [
        Sentence(text: "طهران تنفي تزويد موسكو بطائرات مسيرة", start: 0, end: 36),
        Sentence(text: "نفى المتحدث باسم وزارة الخارجية د. علي حسيني، الاثنين، تقارير غربية عن صفقة أسلحة بقيمة 3.5 مليار دولار.",
                 start: 40, end: 144),
        Sentence(text: "وقال في مؤتمر صحفي: «هذه الادعاءات كاذبة. لم نرسل أي طائرة إلى روسيا».", start: 145, end: 215),
        Sentence(text: "وأضاف أن بلاده \"تدعو جميع الأطراف إلى ضبط النفس. الحوار هو الحل\" في أوكرانيا.", start: 216, end: 293),
        Sentence(text: "هل تغير واشنطن موقفها؟", start: 295, end: 317),
        Sentence(text: "يرى المحلل أ. ب. سامي أن ذلك مستبعد (وقد رفض مسؤول أمريكي التعليق. ولم يكشف عن اسمه) في الوقت الحالي!",
                 start: 318, end: 419),
        Sentence(text: "واختتم البيان بالقول: «لا أحد يريد حربا أوسع.»", start: 420, end: 466),
        Sentence(text: "ثم انتهى المؤتمر.", start: 467, end: 484),
        Sentence(text: "وقالت الوزارة في ختام بيانها: \"نرفض هذه الاتهامات جملة وتفصيلا.\"", start: 486, end: 550),
        Sentence(text: "وأكدت أن الاتصالات مستمرة…", start: 551, end: 577),
    ]

    @Test("an article splits into its sentences with their scalar offsets")
    func article() {
        let split = SentenceSplitter.split(Self.article)
        #expect(split.map(\.text) == Self.sentences.map(\.text))
        #expect(split.map(\.start) == Self.sentences.map(\.start))
        #expect(split.map(\.end) == Self.sentences.map(\.end))
    }

    @Test("each sentence is the article's scalars between its offsets")
    func offsetsSliceTheArticle() {
        let scalars = Array(Self.article.unicodeScalars)
        #expect(scalars.count == 577)
        for sentence in SentenceSplitter.split(Self.article) {
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[sentence.start..<sentence.end])
            #expect(Array(slice) == Array(sentence.text.unicodeScalars))
        }
    }

    @Test("a line break ends a sentence without punctuation")
    func lineBreaks() {
        #expect(SentenceSplitter.split("عنوان أول\nعنوان ثان\u{2029}ثالث\r\nرابع").map(\.text)
                == ["عنوان أول", "عنوان ثان", "ثالث", "رابع"])
    }

    @Test("terminators", arguments: [".", "!", "?", "؟", "…", "۔", "?!", "..."])
    func terminators(_ terminator: String) {
        #expect(SentenceSplitter.split("نفت طهران" + terminator + " ودعت موسكو" + terminator).map(\.text)
                == ["نفت طهران" + terminator, "ودعت موسكو" + terminator])
    }

    @Test("a terminator followed by a letter does not end a sentence")
    func terminatorInsideToken() {
        #expect(SentenceSplitter.split("زار موقع example.com أمس.").map(\.text) == ["زار موقع example.com أمس."])
    }

    @Test("initials and abbreviations do not end a sentence",
          arguments: ["د. محمد", "أ. ب. سامي", "م. علي", "Dr. Smith", "J. Smith", "1445 هـ. في"])
    func abbreviations(_ text: String) {
        let sentence = "التقى " + text + " بالوفد."
        #expect(SentenceSplitter.split(sentence).map(\.text) == [sentence])
    }

    @Test("decimal numbers do not end a sentence")
    func decimals() {
        #expect(SentenceSplitter.split("بلغ العجز 3.5 مليار. وارتفع 0.25 نقطة.").map(\.text)
                == ["بلغ العجز 3.5 مليار.", "وارتفع 0.25 نقطة."])
    }

    @Test("a number ends a sentence when a space follows its full stop")
    func numberAtEnd() {
        #expect(SentenceSplitter.split("قتل 5. وأصيب 12.").map(\.text) == ["قتل 5.", "وأصيب 12."])
    }

    @Test("closing quotes and brackets after a terminator stay in the sentence",
          arguments: [
              ("قال: «لن نتراجع.» وأضاف: «الحوار مستمر.»", ["قال: «لن نتراجع.»", "وأضاف: «الحوار مستمر.»"]),
              ("قال: \"لن نتراجع.\" وأضاف.", ["قال: \"لن نتراجع.\"", "وأضاف."]),
              ("قال: “لن نتراجع!” وأضاف.", ["قال: “لن نتراجع!”", "وأضاف."]),
              ("(وهذا ما نفته طهران.) ثم انتهى.", ["(وهذا ما نفته طهران.)", "ثم انتهى."]),
              ("قال: «لا (أبدا.)» ثم انتهى.", ["قال: «لا (أبدا.)»", "ثم انتهى."]),
          ])
    func closingQuotes(_ text: String, _ sentences: [String]) {
        #expect(SentenceSplitter.split(text).map(\.text) == sentences)
    }

    @Test("a full stop inside quotes or brackets does not end the sentence",
          arguments: [
              "قال: «لن نتراجع. الحوار مستمر» ثم غادر.",
              "قال: \"لن نتراجع. الحوار مستمر\" ثم غادر.",
              "أكد (في بيان. صدر أمس) موقفه.",
              "قال: «لن نتراجع.»، ثم غادر.",
          ])
    func insideQuotes(_ text: String) {
        #expect(SentenceSplitter.split(text).map(\.text) == [text])
    }

    @Test("an unbalanced quotation stops holding sentences together after a while")
    func unbalancedQuote() {
        let long = String(repeating: "كلمة ", count: SentenceSplitter.maximumQuoteLength / 5 + 10)
        let text = "قال «" + long + "انتهى. جملة ثانية."
        #expect(SentenceSplitter.split(text).map(\.text) == ["قال «" + long + "انتهى.", "جملة ثانية."])
    }

    @Test("surrounding whitespace and invisible marks are trimmed")
    func trimming() {
        let split = SentenceSplitter.split(" \u{200F} نفت طهران.\u{200F}  \t ودعت موسكو. \u{FEFF}")
        #expect(split.map(\.text) == ["نفت طهران.", "ودعت موسكو."])
        #expect(split.map(\.start) == [3, 18])
    }

    @Test("empty and blank text have no sentences")
    func empty() {
        #expect(SentenceSplitter.split("").isEmpty)
        #expect(SentenceSplitter.split(" \n\r\n\t \u{200F}\n").isEmpty)
    }
}
