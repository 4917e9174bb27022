/// Hands the features of a sentence's tokens, one token at a time, to a ``FeatureSink``.
///
/// What a token contributes depends on the tokens before it (the bigram with the previous word,
/// the negation scope), so that state lives here. The reference walk over ``Token``s
/// (``FeatureExtractor/visit(_:_:_:_:)``) and the fused single pass (``UnsafeFusedScan``) both
/// drive one visitor, so the features are defined once.
struct TokenVisitor {
    let settings: FeatureSettings
    /// ``FeatureExtractor/negationTable``.
    let negationTable: UnsafeBufferPointer<UInt64>
    /// Scratch of the character n-grams: scalar offsets from 0, padded packed scalars from
    /// ``FeatureExtractor/scalarSlots``.
    let offsets: UnsafeMutableBufferPointer<Int>
    /// Scratch of one word's character n-grams: ``FeatureExtractor/maximumNgramsPerWord`` hashes,
    /// then as many positions (start << 8 | length) for sinks that name their features.
    private let ngrams: UnsafeMutablePointer<UInt64>
    /// The word hash and bytes of the previous word or number, if no punctuation or quote followed it.
    private var previous: (hash: UInt64, word: UnsafeBufferPointer<UInt8>, isNumber: Bool)? = nil
    /// How many more words fall in the current negation scope.
    private var negationLeft = 0

    init(settings: FeatureSettings, negationTable: UnsafeBufferPointer<UInt64>, offsets: UnsafeMutableBufferPointer<Int>,
         ngrams: UnsafeMutableBufferPointer<UInt64>) {
        precondition(offsets.count >= 2 * FeatureExtractor.scalarSlots, "TokenVisitor: n-gram scratch too small")
        precondition(settings.charNgramMax <= FeatureSettings.maximumNgram, "TokenVisitor: n-grams longer than the scratch allows")
        guard let base = ngrams.baseAddress, ngrams.count >= 2 * FeatureExtractor.maximumNgramsPerWord else {
            preconditionFailure("TokenVisitor: n-gram scratch too small")
        }
        self.settings = settings
        self.negationTable = negationTable
        self.offsets = offsets
        self.ngrams = base
    }

    /// A punctuation token: it ends bigrams and the negation scope.
    @inline(__always)
    mutating func punctuation() {
        previous = nil
        negationLeft = 0
    }

    /// A quotation mark: it ends bigrams and is a word feature of its own.
    @inline(__always)
    mutating func quote<Sink: FeatureSink>(_ sink: inout Sink) {
        previous = nil
        if settings.wordUnigrams { sink.add(FeatureHashing.quoteHash) { "q:\"" } }
    }

    /// A word, or a number when `isNumber`, whose normalised UTF-8 is `word` and whose word hash is
    /// `hash` (``FeatureHashing/numberHash`` for a number). `word` must stay valid until the
    /// sentence ends: the next bigram's name reads it.
    @inline(__always)
    mutating func word<Sink: FeatureSink>(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, isNumber: Bool,
                                          _ sink: inout Sink) {
        let s = settings
        @inline(__always) func string(_ word: UnsafeBufferPointer<UInt8>, _ isNumber: Bool) -> String {
            isNumber ? "<num>" : String(decoding: word, as: UTF8.self)
        }
        if s.wordUnigrams { sink.add(hash) { "w:" + string(word, isNumber) } }
        if s.wordBigrams, let previous {
            sink.add(FeatureHashing.bigram(previous.hash, hash)) {
                "b:" + string(previous.word, previous.isNumber) + " " + string(word, isNumber)
            }
        }
        previous = (hash, word, isNumber)
        guard !isNumber else { negationLeft = max(0, negationLeft - 1); return }

        if s.cliticStems, let stemStart = Clitics.stemStart(word) {
            let stem = UnsafeBufferPointer(rebasing: word[stemStart...])
            sink.add(FeatureHashing.hash(stem, seed: FeatureHashing.stemSeed)) {
                "s:" + String(decoding: stem, as: UTF8.self)
            }
        }
        if s.negationScope > 0 {
            if negationLeft > 0 {
                negationLeft -= 1
                sink.add(FeatureHashing.hash(word, seed: FeatureHashing.negatedSeed)) { "n:" + string(word, false) }
            }
            if FeatureExtractor.isNegation(word, hash: hash, in: negationTable) { negationLeft = s.negationScope }
        }
        if s.usesCharNgrams { charNgrams(word, &sink) }
    }

    /// Character n-grams of " word " in scalars, as scikit-learn's `char_wb` analyser cuts them.
    /// The hash absorbs a whole scalar a step (its UTF-8 bytes packed little-endian), which halves
    /// the multiplications for Arabic against absorbing byte by byte.
    @inline(__always)
    private func charNgrams<Sink: FeatureSink>(_ word: UnsafeBufferPointer<UInt8>, _ sink: inout Sink) {
        let packed = FeatureExtractor.scalarSlots
        var count = 0
        var i = 0
        offsets[packed] = 0x20
        while i < word.count && count < FeatureExtractor.maximumNgramWordLength {
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
        let offsets = self.offsets
        // At most scalarSlots starts times maximumNgram lengths: the scratch holds them all, and
        // the sink takes them in one call (keeping its sums in registers, growing its array once).
        let hashes = ngrams, positionsOfNgrams = ngrams + FeatureExtractor.maximumNgramsPerWord
        var produced = 0
        for start in 0..<positions {
            var h = FeatureHashing.charSeed
            var n = 0
            while n < maximum && start + n < positions {
                let position = start + n
                h = (h ^ UInt64(truncatingIfNeeded: offsets[packed + position])) &* FeatureHashing.fnvPrime
                n += 1
                if n >= minimum && !(n == 1 && (position == 0 || position == positions - 1)) {
                    hashes[produced] = h
                    if Sink.namesFeatures { positionsOfNgrams[produced] = UInt64(start << 8 | n) }
                    produced &+= 1
                }
            }
        }
        sink.addCharacters(UnsafeBufferPointer(start: hashes, count: produced)) { k in
            let start = Int(positionsOfNgrams[k] >> 8), n = Int(positionsOfNgrams[k] & 0xFF)
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
