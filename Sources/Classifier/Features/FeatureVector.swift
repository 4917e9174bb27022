/// The hashed features of one sentence in two blocks: word-level features (words, bigrams,
/// stems, negated words, quotation marks) first, then character n-grams.
///
/// Scorers that normalise by length scale each block by its own `1/√n`, so that the many
/// character n-grams of a sentence do not drown its few word features, as scikit-learn's union
/// of separately normalised word and character vectorisers does.
public struct FeatureVector: Sendable, Equatable, Hashable {
    /// Buckets of the word block followed by those of the character block, repeated as they occur.
    public var buckets: [UInt32]
    /// How many of `buckets` belong to the word block.
    public var wordCount: Int

    /// A vector of the given blocks.
    ///
    /// - Precondition: `0 <= wordCount <= buckets.count`.
    public init(buckets: [UInt32], wordCount: Int) {
        precondition(wordCount >= 0 && wordCount <= buckets.count, "FeatureVector: word block larger than the vector")
        self.buckets = buckets
        self.wordCount = wordCount
    }

    /// A vector whose features all belong to the word block.
    public init(words: [UInt32]) { self.init(buckets: words, wordCount: words.count) }

    /// Buckets of the character block.
    public var characterCount: Int { buckets.count - wordCount }

    /// The vector without any occurrence of `bucket`.
    public func removing(_ bucket: UInt32) -> FeatureVector {
        let words = buckets[..<wordCount].filter { $0 != bucket }
        let characters = buckets[wordCount...].filter { $0 != bucket }
        return FeatureVector(buckets: words + characters, wordCount: words.count)
    }
}
