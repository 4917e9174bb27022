import Classifier

/// The words of sentences as the ``Linter`` compares them: the word and number tokens after
/// normalisation, each as a number (one per distinct word across all sentences), in order.
struct WordLists {
    /// Each sentence's words as numbers, in order.
    var ids: [[Int]]

    /// The words of `texts`.
    ///
    /// - Complexity: O(n) in the total length of `texts`.
    init(_ texts: [String]) {
        let normalizer = Normalizer(settings: .arabicNews)
        var normalized: [UInt8] = []
        var tokens: [Token] = []
        var numbers: [String: Int] = [:]
        ids = []
        ids.reserveCapacity(texts.count)
        for var text in texts {
            normalized.removeAll(keepingCapacity: true)
            tokens.removeAll(keepingCapacity: true)
            text.withUTF8 { normalizer.normalize($0, into: &normalized) }
            normalized.withUnsafeBufferPointer { Tokenizer.tokenize($0, into: &tokens) }
            var wordIDs: [Int] = []
            for token in tokens where token.kind == .word || token.kind == .number {
                let word = String(decoding: normalized[token.start..<token.end], as: UTF8.self)
                if let id = numbers[word] {
                    wordIDs.append(id)
                } else {
                    numbers[word] = numbers.count
                    wordIDs.append(numbers.count - 1)
                }
            }
            ids.append(wordIDs)
        }
    }
}
