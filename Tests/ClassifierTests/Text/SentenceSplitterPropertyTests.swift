import Testing
@testable import Classifier

/// Invariants of the sentence splitter on thousands of random articles.
@Suite struct SentenceSplitterPropertyTests {
    static let structural: [Unicode.Scalar] = [
        ".", ".", "!", "?", "؟", "…", "۔", "\n", "\n", "\r", " ", " ", "«", "»", "“", "”", "\"", "(", ")", "[", "]",
        "'", "\u{2029}", "\u{200F}", "د", "3", "5",
    ]

    /// Raw article text, heavy in terminators, line breaks, quotes and brackets; now and then
    /// longer than ``SentenceSplitter/maximumQuoteLength``.
    static func article(_ rng: inout TextFuzzing.SplitMix64) -> String {
        let maximumLength = Int.random(in: 0..<10, using: &rng) == 0 ? 1500 : 120
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...maximumLength, using: &rng) {
            scalars.append(Int.random(in: 0..<10, using: &rng) < 3
                ? structural.randomElement(using: &rng)!
                : TextFuzzing.arabicHeavyScalar(&rng))
        }
        return String(scalars)
    }

    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .format
    }

    /// Why `sentences` are not a proper split of `article`, or `nil`.
    static func problem(_ sentences: [Sentence], _ article: String) -> String? {
        let scalars = Array(article.unicodeScalars)
        var previousEnd = 0
        for sentence in sentences {
            guard sentence.start < sentence.end else { return "empty sentence \(sentence)" }
            guard sentence.start >= previousEnd else { return "sentence \(sentence) overlaps or goes back" }
            guard sentence.end <= scalars.count else { return "sentence \(sentence) past the end \(scalars.count)" }
            guard Array(sentence.text.unicodeScalars) == Array(scalars[sentence.start..<sentence.end]) else {
                return "sentence \(sentence) is not the text between its offsets"
            }
            guard !isBlank(scalars[sentence.start]), !isBlank(scalars[sentence.end - 1]) else {
                return "sentence \(sentence) is not trimmed"
            }
            guard scalars[previousEnd..<sentence.start].allSatisfy(isBlank) else {
                return "text before \(sentence) is in no sentence"
            }
            previousEnd = sentence.end
        }
        guard scalars[previousEnd...].allSatisfy(isBlank) else { return "text at the end is in no sentence" }
        return nil
    }

    @Test("sentences of random articles are increasing, in bounds, trimmed, match their text and miss nothing")
    func randomArticles() {
        var rng = TextFuzzing.SplitMix64(seed: 0x5E47_E1CE)
        for _ in 0..<TextFuzzing.caseCount {
            let article = Self.article(&rng)
            #expect(Self.problem(SentenceSplitter.split(article), article) == nil, "\(Array(article.unicodeScalars))")
        }
    }

    @Test("no sentence holds a line break")
    func lineBreaksEndSentences() {
        var rng = TextFuzzing.SplitMix64(seed: 0x0A0D_2029)
        let lineBreaks: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]
        for _ in 0..<TextFuzzing.caseCount {
            let article = Self.article(&rng)
            for sentence in SentenceSplitter.split(article) {
                #expect(!sentence.text.unicodeScalars.contains { lineBreaks.contains($0.value) })
            }
        }
    }

    @Test("each line without a terminator is one sentence")
    func headlinesStayWhole() {
        var rng = TextFuzzing.SplitMix64(seed: 0x4EAD_11E5)
        for _ in 0..<TextFuzzing.caseCount {
            // Letters and spaces only: every line is one sentence.
            let lines = (0..<Int.random(in: 1...4, using: &rng)).map { _ in
                String(String.UnicodeScalarView((0..<Int.random(in: 1...30, using: &rng)).map { _ in
                    Int.random(in: 0..<5, using: &rng) == 0
                        ? " " : Unicode.Scalar(UInt32.random(in: 0x0628...0x064A, using: &rng))!
                }))
            }
            let article = lines.joined(separator: "\n")
            let expected = lines.map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            #expect(SentenceSplitter.split(article).map(\.text) == expected)
        }
    }
}

private extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
