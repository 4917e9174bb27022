/// One sentence of an article with its place in the article.
public struct Sentence: Sendable, Equatable, Hashable {
    /// The sentence, trimmed of surrounding whitespace, exactly as it appears in the article.
    public var text: String
    /// Offset of its first Unicode scalar in the article (code points, as Python counts them).
    public var start: Int
    /// Offset just past its last scalar.
    public var end: Int

    /// A sentence at `start..<end` of its article.
    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}

/// Splits article text into sentences.
///
/// A sentence ends at a line break (so a headline without final punctuation is a sentence) or
/// at `.` `!` `?` `؟` `…` `۔` followed by a space or the end of the text, with any closing quotes,
/// brackets and invisible marks that follow kept in the sentence. It never ends inside quotation
/// marks or brackets, unless the marks right after the terminator close them all
/// (`«لن نتراجع.» وأضاف` ends after `»`), nor after an initial or a known abbreviation
/// (د. أ. م. J. Dr.), nor inside a number (3.5).
/// A quotation left open for more than ``maximumQuoteLength`` scalars is taken to be unbalanced
/// and no longer holds sentences together.
public enum SentenceSplitter {
    /// Longest quotation, in scalars, that keeps the sentences inside it together.
    public static let maximumQuoteLength = 600

    /// Abbreviations (normalised to lower case, without the full stop) that a full stop follows
    /// without ending the sentence, besides single letters.
    static let abbreviations: Set<String> = [
        "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "no", "vs", "etc", "gen", "col", "lt", "sgt", "capt",
        "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "ص", "م", "هـ", "ه", "ق", "د", "أ", "ا", "ج", "ت", "ش", "س", "ع", "ك", "ل", "ب", "ف", "ر",
    ]

    /// The sentences of `article`, in order, without empty ones.
    ///
    /// - Complexity: O(n) in the length of `article`.
    public static func split(_ article: String) -> [Sentence] {
        let scalars = Array(article.unicodeScalars)
        var sentences: [Sentence] = []
        var start = 0
        var quoteOpenedAt: Int? = nil
        var quoteDepth = 0, straightQuoteOpen = false, bracketDepth = 0

        func finish(_ end: Int) {
            var s = start, e = end
            while s < e && (scalars[s].properties.isWhitespace || isInvisible(scalars[s])) { s += 1 }
            while e > s && (scalars[e - 1].properties.isWhitespace || isInvisible(scalars[e - 1])) { e -= 1 }
            if s < e {
                var text = String.UnicodeScalarView()
                text.append(contentsOf: scalars[s..<e])
                sentences.append(Sentence(text: String(text), start: s, end: e))
            }
            start = end
            quoteDepth = 0; straightQuoteOpen = false; bracketDepth = 0; quoteOpenedAt = nil
        }

        var i = 0
        while i < scalars.count {
            let c = scalars[i].value
            if let opened = quoteOpenedAt, i - opened > maximumQuoteLength {
                quoteDepth = 0; straightQuoteOpen = false; bracketDepth = 0; quoteOpenedAt = nil
            }
            switch c {
            case 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                finish(i + 1)
            case 0xAB, 0x201C, 0x2039:  // « “ ‹
                if quoteDepth == 0 && !straightQuoteOpen { quoteOpenedAt = i }
                quoteDepth += 1
            case 0xBB, 0x201D, 0x203A:  // » ” ›
                quoteDepth = max(0, quoteDepth - 1)
            case 0x22:
                straightQuoteOpen.toggle()
                if straightQuoteOpen && quoteDepth == 0 { quoteOpenedAt = i }
            case 0x28, 0x5B, 0xFD3E:  // ( [ ﴾
                if bracketDepth == 0 && quoteDepth == 0 && !straightQuoteOpen { quoteOpenedAt = i }
                bracketDepth += 1
            case 0x29, 0x5D, 0xFD3F:
                bracketDepth = max(0, bracketDepth - 1)
            case 0x2E, 0x21, 0x3F, ArabicScalars.arabicQuestionMark, 0x2026, ArabicScalars.arabicFullStop:
                if c == 0x2E && !endsSentence(scalars, at: i) { break }
                // Keep following terminators, closing quotes and brackets and invisible marks in
                // this sentence; inside quotes or brackets it ends only if they close them all.
                var quotes = quoteDepth, straightQuote = straightQuoteOpen, brackets = bracketDepth
                var j = i + 1
                while j < scalars.count, isTrailing(scalars[j].value) || isInvisible(scalars[j]) {
                    switch scalars[j].value {
                    case 0xBB, 0x201D, 0x203A: quotes = max(0, quotes - 1)
                    case 0x22: straightQuote = false
                    case 0x29, 0x5D, 0xFD3F: brackets = max(0, brackets - 1)
                    default: break
                    }
                    j += 1
                }
                guard quotes == 0 && !straightQuote && brackets == 0 else { break }
                if j == scalars.count || scalars[j].properties.isWhitespace {
                    finish(j)
                    i = j
                    continue
                }
            default:
                break
            }
            if quoteDepth == 0 && !straightQuoteOpen && bracketDepth == 0 { quoteOpenedAt = nil }
            i += 1
        }
        finish(scalars.count)
        return sentences
    }

    private static func isTrailing(_ c: UInt32) -> Bool {
        switch c {
        case 0x2E, 0x21, 0x3F, ArabicScalars.arabicQuestionMark, 0x2026, ArabicScalars.arabicFullStop,
             0x22, 0xBB, 0x201D, 0x203A, 0x29, 0x5D, 0xFD3F, 0x27, 0x2019:
            return true
        default:
            return false
        }
    }

    private static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        s.properties.generalCategory == .format
    }

    /// Whether the full stop at `i` ends a sentence: not inside a number, not after an initial
    /// or an abbreviation.
    private static func endsSentence(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        // The word before the full stop.
        var s = i
        while s > 0, isWordScalar(scalars[s - 1]) { s -= 1 }
        guard s < i else { return true }
        let next = i + 1 < scalars.count ? scalars[i + 1] : nil
        if let next, next.properties.numericType != nil, scalars[i - 1].properties.numericType != nil { return false }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: scalars[s..<i])
        let lowered = String(word).lowercased()
        if i - s == 1 && scalars[s].properties.isAlphabetic { return false }
        return !abbreviations.contains(lowered)
    }

    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil || s.properties.generalCategory == .nonspacingMark
    }
}
