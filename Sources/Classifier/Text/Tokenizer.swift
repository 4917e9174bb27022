/// Splits normalised text into words, numbers, punctuation and quotes.
///
/// Hyphens, slashes, underscores and apostrophes join letters or digits on both sides into one
/// token (إف-16، 9/11، o'brien); a full stop or comma between digits joins them (3.5، 1,200).
/// Every other punctuation scalar is a token of its own. Proclitics stay attached: they are an
/// extra feature (see ``Clitics``), not a split, so that short stems such as نفى، نفت، دعا survive.
public enum Tokenizer {
    /// Appends the tokens of the valid UTF-8 `text` to `tokens`.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func tokenize(_ text: UnsafeBufferPointer<UInt8>, into tokens: inout [Token]) {
        guard let base = text.baseAddress else { return }
        ScalarClass.low.withUnsafeBufferPointer { low in tokenize(base, text.count, low, &tokens) }
    }

    @inline(__always)
    private static func tokenize(_ base: UnsafePointer<UInt8>, _ count: Int, _ low: UnsafeBufferPointer<ScalarClass>,
                                 _ tokens: inout [Token]) {
        @inline(__always) func classOf(_ s: UInt32) -> ScalarClass { s < 0x800 ? low[Int(s)] : ScalarClass.classify(s) }
        var i = 0
        while i < count {
            let (scalar, length) = decodeValidScalar(base + i)
            let cls = classOf(scalar)
            switch cls {
            case .space:
                i += length
            case .letter, .digit:
                var kind: Token.Kind = cls == .digit ? .number : .word
                var previousIsDigit = cls == .digit
                var j = i + length
                while j < count {
                    let (s, l) = decodeValidScalar(base + j)
                    let c = classOf(s)
                    if c == .letter {
                        kind = .word
                        previousIsDigit = false
                        j += l
                    } else if c == .digit {
                        previousIsDigit = true
                        j += l
                    } else if c == .joiner || c == .numberSeparator, j + l < count {
                        let next = classOf(decodeValidScalar(base + j + l).scalar)
                        let joins = c == .joiner ? (next == .letter || next == .digit)
                                                 : (previousIsDigit && next == .digit)
                        guard joins else { break }
                        j += l
                    } else {
                        break
                    }
                }
                tokens.append(Token(start: i, end: j, kind: kind))
                i = j
            case .quote:
                tokens.append(Token(start: i, end: i + length, kind: .quote))
                i += length
            case .joiner:
                let isApostrophe = scalar == 0x27 || scalar == 0x2018 || scalar == 0x2019
                tokens.append(Token(start: i, end: i + length, kind: isApostrophe ? .quote : .punctuation))
                i += length
            case .punctuation, .numberSeparator:
                tokens.append(Token(start: i, end: i + length, kind: .punctuation))
                i += length
            }
        }
    }

    /// The tokens of `text` (which should already be normalised) as strings with their kinds.
    public static func tokens(of text: String) -> [(text: String, kind: Token.Kind)] {
        var text = text
        return text.withUTF8 { bytes in
            var tokens: [Token] = []
            tokenize(bytes, into: &tokens)
            return tokens.map { (String(decoding: UnsafeBufferPointer(rebasing: bytes[$0.start..<$0.end]), as: UTF8.self), $0.kind) }
        }
    }
}
