/// Which features the ``FeatureExtractor`` produces. Stored in every model file.
public struct FeatureSettings: Sendable, Equatable, Hashable {
    /// Each word, and `<num>` for each number.
    public var wordUnigrams: Bool
    /// Each pair of adjacent words not separated by punctuation.
    public var wordBigrams: Bool
    /// Shortest character n-gram, counted in Unicode scalars inside " word " (0 turns them off).
    public var charNgramMin: Int
    /// Longest character n-gram.
    public var charNgramMax: Int
    /// The stem of a word after its proclitics (و ف ب ل ك ال and their combinations).
    public var cliticStems: Bool
    /// How many words after a negation (لا، لم، لن، ليس، غير، عدم، دون…) also give a
    /// negated feature; punctuation ends the scope. 0 turns negation marking off.
    public var negationScope: Int
    /// The features hash into `2^hashBits` buckets.
    public var hashBits: Int

    /// Settings for an explicit choice of every feature.
    public init(wordUnigrams: Bool = true, wordBigrams: Bool = true, charNgramMin: Int = 2, charNgramMax: Int = 5,
                cliticStems: Bool = true, negationScope: Int = 3, hashBits: Int = 18) {
        self.wordUnigrams = wordUnigrams
        self.wordBigrams = wordBigrams
        self.charNgramMin = charNgramMin
        self.charNgramMax = charNgramMax
        self.cliticStems = cliticStems
        self.negationScope = negationScope
        self.hashBits = hashBits
    }

    /// The defaults: word unigrams and bigrams, character 2–5-grams, clitic stems, a negation
    /// scope of three words, 2^18 buckets (measured: 2^18 scores as well as 2^20 on Data/, with a
    /// quarter of the memory and a faster start).
    public static let standard = FeatureSettings()

    /// The settings of the built-in model and the trainer's defaults: ``standard`` with character
    /// 2–4-grams and no clitic stems, which scored best on the held-out share of `Data/` among
    /// 2–3…3–5 with and without stems, and extract faster than 2–5.
    public static let builtIn = FeatureSettings(charNgramMax: 4, cliticStems: false)

    /// Largest accepted n-gram length, negation scope and bucket exponent.
    public static let maximumNgram = 8, maximumNegationScope = 16, hashBitsRange = 8...26

    /// Why these settings cannot be used, or `nil` when they can.
    public var problem: String? {
        if charNgramMin < 0 || charNgramMax < 0 || charNgramMax > Self.maximumNgram {
            return "character n-gram lengths must lie in 0...\(Self.maximumNgram)"
        }
        if charNgramMax > 0 && (charNgramMin < 1 || charNgramMin > charNgramMax) {
            return "character n-gram range \(charNgramMin)-\(charNgramMax) is empty"
        }
        if !(0...Self.maximumNegationScope).contains(negationScope) {
            return "negation scope must lie in 0...\(Self.maximumNegationScope)"
        }
        if !Self.hashBitsRange.contains(hashBits) {
            return "hash bits must lie in \(Self.hashBitsRange.lowerBound)...\(Self.hashBitsRange.upperBound)"
        }
        return nil
    }

    /// Whether character n-grams are on.
    public var usesCharNgrams: Bool { charNgramMax > 0 }
}
