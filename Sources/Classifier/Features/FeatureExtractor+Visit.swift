extension FeatureExtractor {
    /// Negation words, bare and with their usual proclitics, as normalised UTF-8.
    static let negations: [[UInt8]] = [
        "لا", "لم", "لن", "ليس", "ليست", "ليسوا", "لسنا", "لست", "غير", "عدم", "دون", "بدون", "بلا",
        "ولا", "ولم", "ولن", "وليس", "وليست", "وغير", "وعدم", "ودون", "وبدون", "فلا", "فلم", "فلن",
        "بعدم", "لعدم", "بغير",
    ].map { Array($0.utf8) }

    /// The word hashes of ``negations``: a word is a negation when its hash is one of these
    /// (64-bit FNV-1a: a collision among the few words this short is not a practical concern).
    static let negationHashes: [UInt64] = negations.map { FeatureHashing.hash($0, seed: FeatureHashing.wordSeed) }

    /// Whether the word whose bytes are `word` and whose word hash is `hash` is a negation.
    @inline(__always)
    static func isNegation(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, among hashes: UnsafeBufferPointer<UInt64>) -> Bool {
        guard word.count <= 10 else { return false }
        for h in hashes where h == hash { return true }
        return false
    }

    /// Walks the tokens of `text` and hands every feature to `sink`: the reference path, and the
    /// naming path, of the features that ``UnsafeFusedScan`` finds in one pass.
    @inline(__always)
    func visit<Sink: FeatureSink>(_ text: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>,
                                  _ offsets: UnsafeMutableBufferPointer<Int>, _ sink: inout Sink) {
        Self.negationHashes.withUnsafeBufferPointer { negationHashes in
            var visitor = TokenVisitor(settings: settings, negationHashes: negationHashes, offsets: offsets)
            for token in tokens {
                switch token.kind {
                case .punctuation:
                    visitor.punctuation()
                case .quote:
                    visitor.quote(&sink)
                case .word, .number:
                    let word = UnsafeBufferPointer(rebasing: text[token.start..<token.end])
                    let isNumber = token.kind == .number
                    let hash = isNumber ? FeatureHashing.numberHash : FeatureHashing.hash(word, seed: FeatureHashing.wordSeed)
                    visitor.word(word, hash: hash, isNumber: isNumber, &sink)
                }
            }
        }
    }
}
