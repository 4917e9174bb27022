/// FNV-1a over UTF-8 bytes, one seed a feature family, then a multiplicative (Fibonacci) hash
/// into the top `bits` bits. FNV-1a is the hash of fastText and of the C speed limit in
/// `shared/bench/limit.c`; the final multiply spreads its weak low bits.
enum FeatureHashing {
    static let fnvOffset: UInt64 = 14_695_981_039_346_656_037
    static let fnvPrime: UInt64 = 1_099_511_628_211
    static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15

    // Seeds keep the families apart: the word نفت and the stem نفت are different features.
    static let wordSeed = fnvOffset
    static let stemSeed = fnvOffset ^ 0x5354_454D  // "STEM"
    static let negatedSeed = fnvOffset ^ 0x004E_4547  // "NEG"
    static let charSeed = fnvOffset ^ 0x4348_4152  // "CHAR"
    static let bigramSeed: UInt64 = 0x4249_4752_414D  // "BIGRAM"
    static let numberHash = hash(Array("<num>".utf8), seed: wordSeed)
    static let quoteHash = hash(Array("\"".utf8), seed: wordSeed)

    @inline(__always)
    static func absorb(_ h: UInt64, _ byte: UInt8) -> UInt64 {
        (h ^ UInt64(byte)) &* fnvPrime
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        var h = seed
        for b in bytes { h = absorb(h, b) }
        return h
    }

    static func hash(_ bytes: [UInt8], seed: UInt64) -> UInt64 {
        bytes.withUnsafeBufferPointer { hash($0, seed: seed) }
    }

    @inline(__always)
    static func bigram(_ first: UInt64, _ second: UInt64) -> UInt64 {
        ((first &* golden) ^ second ^ bigramSeed) &* fnvPrime
    }

    /// The bucket of `hash` among `2^bits`.
    @inline(__always)
    static func bucket(_ hash: UInt64, bits: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: (hash &* golden) >> UInt64(64 - bits))
    }
}
