import Testing
@testable import Classifier

/// Invariants of the tokeniser on the normal form of thousands of random inputs.
@Suite struct TokenizerPropertyTests {
    /// The scalars of valid UTF-8 `bytes` with the byte offset where each starts.
    static func scalars(_ bytes: [UInt8]) -> [(offset: Int, scalar: UInt32)] {
        var result: [(Int, UInt32)] = []
        var offset = 0
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            result.append((offset, scalar.value))
            offset += UTF8.width(scalar)
        }
        return result
    }

    /// Why `tokens` do not tile `text` properly, or `nil`.
    static func problem(_ tokens: [Token], _ text: [UInt8]) -> String? {
        let scalars = Self.scalars(text)
        let starts = Dictionary(uniqueKeysWithValues: scalars.map { ($0.offset, $0.scalar) })
        var previousEnd = 0
        for token in tokens {
            guard token.start < token.end else { return "empty token \(token)" }
            guard token.start >= previousEnd else { return "token \(token) overlaps or goes back" }
            guard token.end <= text.count else { return "token \(token) past the end \(text.count)" }
            guard let first = starts[token.start], token.end == text.count || starts[token.end] != nil else {
                return "token \(token) cuts a scalar"
            }
            // Only spaces lie between tokens.
            for (offset, scalar) in scalars where offset >= previousEnd && offset < token.start {
                guard ScalarClass.of(scalar) == .space else { return "scalar \(scalar) at \(offset) is in no token" }
            }
            let inside = scalars.filter { $0.offset >= token.start && $0.offset < token.end }.map(\.scalar)
            switch token.kind {
            case .punctuation, .quote:
                guard inside.count == 1 else { return "\(token.kind) token \(token) holds \(inside.count) scalars" }
            case .number:
                let allowed: Set<ScalarClass> = [.digit, .joiner, .numberSeparator]
                guard ScalarClass.of(first) == .digit, inside.allSatisfy({ allowed.contains(ScalarClass.of($0)) }) else {
                    return "number token \(token) holds \(inside)"
                }
            case .word:
                guard [.letter, .digit].contains(ScalarClass.of(first)),
                      inside.contains(where: { ScalarClass.of($0) == .letter }) else {
                    return "word token \(token) holds \(inside)"
                }
            }
            previousEnd = token.end
        }
        for (offset, scalar) in scalars where offset >= previousEnd {
            guard ScalarClass.of(scalar) == .space else { return "scalar \(scalar) at \(offset) is in no token" }
        }
        return nil
    }

    static func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        bytes.withUnsafeBufferPointer { Tokenizer.tokenize($0, into: &tokens) }
        return tokens
    }

    @Test("tokens of normalised Arabic-heavy text are in bounds, non-empty, increasing and cover every non-space")
    func normalisedText() {
        var rng = TextFuzzing.SplitMix64(seed: 0x70CE_4111)
        let normalizer = Normalizer()
        for _ in 0..<TextFuzzing.caseCount {
            let text = Array(normalizer.normalize(TextFuzzing.arabicHeavyString(&rng)).utf8)
            #expect(Self.problem(Self.tokenize(text), text) == nil, "\(String(decoding: text, as: UTF8.self))")
        }
    }

    @Test("tokens of the normal form of random bytes tile it too")
    func normalisedBytes() {
        var rng = TextFuzzing.SplitMix64(seed: 0x70CE_B17E)
        let normalizer = Normalizer()
        for _ in 0..<TextFuzzing.caseCount {
            var text: [UInt8] = []
            TextFuzzing.bytes(&rng).withUnsafeBufferPointer { normalizer.normalize($0, into: &text) }
            #expect(Self.problem(Self.tokenize(text), text) == nil, "\(text)")
        }
    }

    @Test("tokenising the normal form of a token's text gives that one token back")
    func tokensAreStable() {
        var rng = TextFuzzing.SplitMix64(seed: 0x57AB_1E00)
        let normalizer = Normalizer()
        for _ in 0..<TextFuzzing.caseCount {
            let text = Array(normalizer.normalize(TextFuzzing.arabicHeavyString(&rng)).utf8)
            for token in Self.tokenize(text) {
                let piece = Array(text[token.start..<token.end])
                #expect(Self.tokenize(piece) == [Token(start: 0, end: piece.count, kind: token.kind)],
                        "\(String(decoding: piece, as: UTF8.self)) in \(String(decoding: text, as: UTF8.self))")
            }
        }
    }
}
