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

    /// ``negationHashes`` in an open-addressing table of ``negationSlots`` slots (0 is empty), so
    /// that most words need one probe instead of a comparison with every negation.
    static let negationTable: [UInt64] = {
        var table = [UInt64](repeating: 0, count: negationSlots)
        for hash in negationHashes {
            precondition(hash != 0 && negationHashes.count < negationSlots, "FeatureExtractor: negation table")
            var slot = Int(truncatingIfNeeded: hash >> 58)
            while table[slot] != 0 && table[slot] != hash { slot = (slot + 1) % negationSlots }
            table[slot] = hash
        }
        return table
    }()
    static let negationSlots = 64

    /// Whether the word whose bytes are `word` and whose word hash is `hash` is a negation.
    ///
    /// - Parameter table: ``negationTable``.
    @inline(__always)
    static func isNegation(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, in table: UnsafeBufferPointer<UInt64>) -> Bool {
        guard word.count <= 10, table.count == negationSlots else { return false }
        var slot = Int(truncatingIfNeeded: hash >> 58)
        for _ in 0..<negationSlots {
            let entry = table[slot]
            if entry == 0 { return false }
            if entry == hash { return true }
            slot = (slot &+ 1) & (negationSlots - 1)
        }
        return false
    }

    /// Walks the tokens of `text` and hands every feature to `sink`: the reference path, and the
    /// naming path, of the features that ``UnsafeFusedScan`` finds in one pass.
    @inline(__always)
    func visit<Sink: FeatureSink>(_ text: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>,
                                  _ offsets: UnsafeMutableBufferPointer<Int>, _ ngrams: UnsafeMutableBufferPointer<UInt64>,
                                  _ sink: inout Sink) {
        Self.negationTable.withUnsafeBufferPointer { negationTable in
            var visitor = TokenVisitor(settings: settings, negationTable: negationTable, offsets: offsets, ngrams: ngrams)
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
