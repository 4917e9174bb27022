/// Turns a sentence into the hashed features a model scores: normalise, tokenise, then emit word
/// unigrams, bigrams, clitic stems, negated words and character n-grams as bucket numbers.
///
/// Those steps are the specification; the fast path (``UnsafeFusedScan``) does all three in one
/// pass over the bytes and finds exactly the same features, which the property tests check.
///
/// Features are hashed, not looked up in a vocabulary. Measured on `Data/` (see `README.md`,
/// "Design measurements"): after dropping features seen in fewer than two examples, the
/// vocabulary of words, bigrams, stems and character 2–5-grams holds about 150,000 entries;
/// 2^18 buckets scored the same macro-F1 as 2^20 (within ±0.01 on the real-news set), and a
/// bucket costs one multiply and shift where a dictionary lookup costs a hash, a probe and a
/// string compare, so hashing is faster and needs no vocabulary in the model file or in memory.
public struct FeatureExtractor: Sendable {
    /// The normaliser applied before tokenising.
    public let normalizer: Normalizer
    /// Which features are emitted.
    public let settings: FeatureSettings

    /// An extractor for the given normaliser and feature settings.
    ///
    /// - Precondition: `features.problem == nil`.
    public init(normalizer: NormalizerSettings = .arabicNews, features: FeatureSettings = .standard) {
        precondition(features.problem == nil, "FeatureExtractor: \(features.problem ?? "")")
        self.normalizer = Normalizer(settings: normalizer)
        self.settings = features
    }

    /// Number of buckets, `2^settings.hashBits`.
    public var bucketCount: Int { 1 << settings.hashBits }

    /// Reusable buffers, so that extracting features from many sentences allocates nothing.
    public struct Workspace: Sendable {
        /// The normalised UTF-8 and the tokens of the last sentence that took the reference path.
        var normalized: [UInt8] = []
        var tokens: [Token] = []
        /// The normalised words of the last sentence that took the fused pass.
        var scratch: [UInt8] = []
        /// Its features as buckets, repeated as often as they occur: the word block, then
        /// the character block (see ``FeatureVector``).
        public internal(set) var buckets: [UInt32] = []
        /// How many of `buckets` belong to the word block.
        public internal(set) var wordCount = 0
        var characterBuckets: [UInt32] = []
        var scalarOffsets: [Int] = Array(repeating: 0, count: 2 * FeatureExtractor.scalarSlots)
        var ngrams: [UInt64] = Array(repeating: 0, count: 2 * FeatureExtractor.maximumNgramsPerWord)

        /// Empty buffers.
        public init() {}
    }

    /// Words longer than this many scalars (URLs, garbage) give n-grams of their start only.
    static let maximumNgramWordLength = 64
    /// Slots of each half of the n-gram scratch: scalar offsets, then padded packed scalars.
    static let scalarSlots = maximumNgramWordLength + 2
    /// The most character n-grams one word gives: a start at each slot, each of every length.
    static let maximumNgramsPerWord = scalarSlots * FeatureSettings.maximumNgram

    /// Extracts the features of the UTF-8 bytes `text` (valid or not) into `workspace.buckets`.
    ///
    /// - Complexity: O(n · (charNgramMax − charNgramMin + 1)) in the length of `text`.
    public func extract(_ text: UnsafeBufferPointer<UInt8>, into workspace: inout Workspace) {
        extract(text, into: &workspace, reference: false)
    }

    /// ``extract(_:into:)``, by the reference path when `reference` is set (for the tests that
    /// compare the two paths).
    func extract(_ text: UnsafeBufferPointer<UInt8>, into workspace: inout Workspace, reference: Bool) {
        var sink = BucketSink(bits: settings.hashBits, buckets: [], characterBuckets: [])
        swap(&sink.buckets, &workspace.buckets)
        swap(&sink.characterBuckets, &workspace.characterBuckets)
        sink.removeAll()
        featurize(text, &workspace, &sink, reference: reference)
        workspace.wordCount = sink.buckets.count
        sink.buckets.append(contentsOf: sink.characterBuckets)
        swap(&sink.buckets, &workspace.buckets)
        swap(&sink.characterBuckets, &workspace.characterBuckets)
    }

    /// Hands every feature of `text` to `sink`, in one fused pass over its bytes
    /// (``UnsafeFusedScan``) or, when `reference` is set or the text has presentation forms to
    /// expand or a combining hamza to compose, by the reference path: normalise, tokenise, then
    /// visit the tokens.
    @inline(__always)
    func featurize<Sink: FeatureSink>(_ text: UnsafeBufferPointer<UInt8>, _ workspace: inout Workspace,
                                      _ sink: inout Sink, reference: Bool) {
        if !reference, let needed = UnsafeFusedScan.scratchCount(forTextCount: text.count) {
            if workspace.scratch.count < needed {
                workspace.scratch = Array(repeating: 0, count: max(needed, 2 * workspace.scratch.count))
            }
            let expands = normalizer.settings.expandPresentationForms
            let scanned = Self.negationTable.withUnsafeBufferPointer { negationTable in
                normalizer.scanTable.withUnsafeBufferPointer { table in
                    workspace.scratch.withUnsafeMutableBufferPointer { scratch in
                        workspace.scalarOffsets.withUnsafeMutableBufferPointer { offsets in
                            workspace.ngrams.withUnsafeMutableBufferPointer { ngrams in
                                var visitor = TokenVisitor(settings: settings, negationTable: negationTable,
                                                           offsets: offsets, ngrams: ngrams)
                                return UnsafeFusedScan.scan(text, table: table, expandsPresentationForms: expands,
                                                            scratch: scratch, visitor: &visitor, sink: &sink)
                            }
                        }
                    }
                }
            }
            if scanned { return }
            sink.removeAll()
        }
        workspace.normalized.removeAll(keepingCapacity: true)
        workspace.tokens.removeAll(keepingCapacity: true)
        normalizer.normalize(text, into: &workspace.normalized)
        workspace.normalized.withUnsafeBufferPointer { Tokenizer.tokenize($0, into: &workspace.tokens) }
        workspace.normalized.withUnsafeBufferPointer { normalized in
            workspace.tokens.withUnsafeBufferPointer { tokens in
                workspace.scalarOffsets.withUnsafeMutableBufferPointer { offsets in
                    workspace.ngrams.withUnsafeMutableBufferPointer { ngrams in
                        visit(normalized, tokens, offsets, ngrams, &sink)
                    }
                }
            }
        }
    }

    /// The features of `text`.
    public func features(of text: String) -> FeatureVector {
        var workspace = Workspace()
        var text = text
        text.withUTF8 { extract($0, into: &workspace) }
        return workspace.vector
    }

    /// A feature with its readable name: `w:` word, `b:` bigram, `s:` stem after proclitics,
    /// `n:` word in a negation scope, `c:` character n-gram (`[` and `]` mark the word's ends),
    /// `q:` quotation mark.
    public struct NamedFeature: Sendable, Equatable, Hashable {
        /// Readable name.
        public var name: String
        /// Bucket the feature hashes to.
        public var bucket: UInt32
    }

    /// The features of `text` with their names: the word block, then the character block, each
    /// in order of occurrence (the slow path used to explain a decision).
    public func namedFeatures(of text: String) -> [NamedFeature] {
        let normalized = normalizer.normalize(text)
        var bytes = Array(normalized.utf8)
        var tokens: [Token] = []
        bytes.withUnsafeBufferPointer { Tokenizer.tokenize($0, into: &tokens) }
        var sink = NamingSink(bits: settings.hashBits)
        var offsets = Array(repeating: 0, count: 2 * Self.scalarSlots)
        var ngrams = [UInt64](repeating: 0, count: 2 * Self.maximumNgramsPerWord)
        bytes.withUnsafeMutableBufferPointer { b in
            tokens.withUnsafeBufferPointer { t in
                offsets.withUnsafeMutableBufferPointer { o in
                    ngrams.withUnsafeMutableBufferPointer { n in visit(UnsafeBufferPointer(b), t, o, n, &sink) }
                }
            }
        }
        return sink.features + sink.characterFeatures
    }
}

extension FeatureExtractor.Workspace {
    /// The features of the last sentence as a vector.
    public var vector: FeatureVector { FeatureVector(buckets: buckets, wordCount: wordCount) }
}

extension FeatureVector {
    /// The vector of named features, as ``FeatureExtractor/namedFeatures(of:)`` orders them.
    public init(_ named: [FeatureExtractor.NamedFeature]) {
        // Bytes, not `hasPrefix`: a combining mark after "c:" (a 1-gram of a vowelled word) joins
        // the colon's grapheme, and `hasPrefix` compares graphemes.
        let characterPrefix = Array("c:".utf8)
        self.init(buckets: named.map(\.bucket),
                  wordCount: named.prefix { !$0.name.utf8.starts(with: characterPrefix) }.count)
    }
}

/// Receives each feature as it is found.
protocol FeatureSink {
    /// A word-level feature with 64-bit hash `hash`; `name` builds its readable name only if needed.
    mutating func add(_ hash: UInt64, _ name: () -> String)
    /// The character n-grams of one word, in order: `hashes[k]`, named `name(k)` if needed.
    mutating func addCharacters(_ hashes: UnsafeBufferPointer<UInt64>, _ name: (Int) -> String)
    /// Whether the sink reads names, so that the n-grams' positions must be kept for `name`.
    static var namesFeatures: Bool { get }
    /// Forgets every feature received (when the fused pass gives way to the reference path).
    mutating func removeAll()
}

struct BucketSink: FeatureSink {
    let bits: Int
    var buckets: [UInt32]
    var characterBuckets: [UInt32]

    @inline(__always)
    mutating func add(_ hash: UInt64, _ name: () -> String) {
        buckets.append(FeatureHashing.bucket(hash, bits: bits))
    }

    @inline(__always)
    mutating func addCharacters(_ hashes: UnsafeBufferPointer<UInt64>, _ name: (Int) -> String) {
        // One growth and one uniqueness check a word, not one a feature.
        let start = characterBuckets.count
        characterBuckets.append(contentsOf: repeatElement(0, count: hashes.count))
        characterBuckets.withUnsafeMutableBufferPointer { buckets in
            for (k, hash) in hashes.enumerated() { buckets[start + k] = FeatureHashing.bucket(hash, bits: bits) }
        }
    }

    static var namesFeatures: Bool { false }

    mutating func removeAll() {
        buckets.removeAll(keepingCapacity: true)
        characterBuckets.removeAll(keepingCapacity: true)
    }
}

struct NamingSink: FeatureSink {
    let bits: Int
    var features: [FeatureExtractor.NamedFeature] = []
    var characterFeatures: [FeatureExtractor.NamedFeature] = []

    mutating func add(_ hash: UInt64, _ name: () -> String) {
        features.append(.init(name: name(), bucket: FeatureHashing.bucket(hash, bits: bits)))
    }

    mutating func addCharacters(_ hashes: UnsafeBufferPointer<UInt64>, _ name: (Int) -> String) {
        for (k, hash) in hashes.enumerated() {
            characterFeatures.append(.init(name: name(k), bucket: FeatureHashing.bucket(hash, bits: bits)))
        }
    }

    static var namesFeatures: Bool { true }

    mutating func removeAll() {
        features.removeAll()
        characterFeatures.removeAll()
    }
}
