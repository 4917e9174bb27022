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

    /// Walks the tokens of `text` and hands every feature to `sink`. Generic so that the fast
    /// path (buckets only) and the naming path share one definition of the features.
    @inline(__always)
    func visit<Sink: FeatureSink>(_ text: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>,
                                  _ offsets: UnsafeMutableBufferPointer<Int>, _ sink: inout Sink) {
        let s = settings
        Self.negationHashes.withUnsafeBufferPointer { negationHashes in
        var previous: (hash: UInt64, token: Token)? = nil
        var negationLeft = 0
        func string(_ token: Token) -> String {
            token.kind == .number ? "<num>" : String(decoding: UnsafeBufferPointer(rebasing: text[token.start..<token.end]), as: UTF8.self)
        }
        for token in tokens {
            switch token.kind {
            case .punctuation:
                previous = nil
                negationLeft = 0
                continue
            case .quote:
                previous = nil
                if s.wordUnigrams { sink.add(FeatureHashing.quoteHash) { "q:\"" } }
                continue
            case .word, .number:
                break
            }
            let word = UnsafeBufferPointer(rebasing: text[token.start..<token.end])
            let hash = token.kind == .number ? FeatureHashing.numberHash : FeatureHashing.hash(word, seed: FeatureHashing.wordSeed)
            if s.wordUnigrams { sink.add(hash) { "w:" + string(token) } }
            if s.wordBigrams, let (previousHash, previousToken) = previous {
                sink.add(FeatureHashing.bigram(previousHash, hash)) { "b:" + string(previousToken) + " " + string(token) }
            }
            previous = (hash, token)
            guard token.kind == .word else { negationLeft = max(0, negationLeft - 1); continue }

            if s.cliticStems, let stemStart = Clitics.stemStart(word) {
                let stem = UnsafeBufferPointer(rebasing: word[stemStart...])
                sink.add(FeatureHashing.hash(stem, seed: FeatureHashing.stemSeed)) {
                    "s:" + String(decoding: stem, as: UTF8.self)
                }
            }
            if s.negationScope > 0 {
                if negationLeft > 0 {
                    negationLeft -= 1
                    sink.add(FeatureHashing.hash(word, seed: FeatureHashing.negatedSeed)) { "n:" + string(token) }
                }
                if Self.isNegation(word, hash: hash, among: negationHashes) { negationLeft = s.negationScope }
            }
            if s.usesCharNgrams { charNgrams(word, offsets, &sink) }
        }
        }
    }

    /// Character n-grams of " word " in scalars, as scikit-learn's `char_wb` analyser cuts them.
    /// The hash absorbs a whole scalar a step (its UTF-8 bytes packed little-endian), which halves
    /// the multiplications for Arabic against absorbing byte by byte.
    ///
    /// `offsets` holds, from 0, where each scalar starts (and the end of the last), and from
    /// ``scalarSlots`` the packed scalars with a space before and after.
    @inline(__always)
    func charNgrams<Sink: FeatureSink>(_ word: UnsafeBufferPointer<UInt8>, _ offsets: UnsafeMutableBufferPointer<Int>,
                                       _ sink: inout Sink) {
        let packed = Self.scalarSlots
        var count = 0
        var i = 0
        offsets[packed] = 0x20
        while i < word.count && count < Self.maximumNgramWordLength {
            offsets[count] = i
            let lead = word[i]
            let length = min(lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4, word.count - i)
            var scalar = 0
            for k in 0..<length { scalar |= Int(word[i + k]) << (8 * k) }
            count += 1
            offsets[packed + count] = scalar
            i += length
        }
        offsets[count] = i
        offsets[packed + count + 1] = 0x20
        let positions = count + 2  // a virtual space before and after the word
        let minimum = settings.charNgramMin, maximum = settings.charNgramMax
        for start in 0..<positions {
            var h = FeatureHashing.charSeed
            var n = 0
            while n < maximum && start + n < positions {
                let position = start + n
                h = (h ^ UInt64(truncatingIfNeeded: offsets[packed + position])) &* FeatureHashing.fnvPrime
                n += 1
                if n >= minimum && !(n == 1 && (position == 0 || position == positions - 1)) {
                    sink.addCharacter(h) {
                        var name = "c:"
                        for p in start..<(start + n) {
                            if p == 0 { name += "[" } else if p == positions - 1 { name += "]" } else {
                                name += String(decoding: UnsafeBufferPointer(rebasing: word[offsets[p - 1]..<offsets[p]]), as: UTF8.self)
                            }
                        }
                        return name
                    }
                }
            }
        }
    }
}
