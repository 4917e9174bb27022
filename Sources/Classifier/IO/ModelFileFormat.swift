/// The model file format, version 1. Little-endian throughout.
///
/// ```
/// offset  size  content
///      0     8  magic "STANCE\r\n" (catches text-mode mangling, as PNG's does)
///      8     4  format version (UInt32) = 1
///     12     4  section count (UInt32)
///     16     8  total file length in bytes, checksum included (UInt64)
///     24     …  sections: tag (4 ASCII bytes), payload length (UInt64), payload
///  end-8     8  FNV-1a-64 checksum of every byte before it
/// ```
///
/// Sections, each exactly once, in this order:
/// - `META` training metadata: count (UInt32), then key and value strings.
/// - `NORM` normaliser rule bits (UInt32, see ``NormalizerSettings/bits``).
/// - `FEAT` feature settings: word unigrams, word bigrams, char n-gram min, max, clitic stems,
///   negation scope, hash bits (7 × UInt8).
/// - `LABL` labels: count (UInt32), then strings.
/// - `ALGO` algorithm (UInt8: 0 multinomial NB, 1 complement NB, 2 logistic regression),
///   α (Float64), learned priors (UInt8), length normalisation (UInt8, see
///   ``LinearScorer/normalizesLength``).
/// - `CALB` softmax temperature, one-vs-rest temperature, threshold (3 × Float64).
/// - `NBCT` (naive Bayes) examples per class (Float64 × classes), row count (UInt32), rows of
///   bucket (UInt32) and counts (Float64 × classes), buckets strictly increasing.
/// - `LRWT` and `OVRW` (logistic regression) the softmax and one-vs-rest tables: biases
///   (Float64 × classes), whether rows carry a squared feature scale (UInt8), row count (UInt32),
///   rows of bucket (UInt32), weights (Float32 × classes) and the squared scale (Float32, when
///   present), buckets strictly increasing (see ``LinearScorer``).
/// - `TOPF` strongest features: for each label, count (UInt32), then name string and weight (Float64).
///
/// A string is its UTF-8 length (UInt32) and bytes. Every count and length is checked against the
/// bytes that remain before anything is allocated, every number must be finite, and no
/// timestamp is stored, so the same training inputs give the same bytes.
public enum ModelFileFormat {
    /// The first eight bytes of every model file.
    public static let magic: [UInt8] = Array("STANCE\r\n".utf8)
    /// The format version this library reads and writes.
    public static let version: UInt32 = 1
    /// Bytes before the first section.
    public static let headerSize = 24
    /// Bytes of the trailing checksum.
    public static let checksumSize = 8
    /// Largest accepted string (a label, a feature name, a metadata value).
    public static let maximumStringLength = 1 << 16
    /// Largest accepted number of labels.
    public static let maximumLabels = 64
    /// Largest accepted weight table, labels × buckets: 4 labels over 2^26 buckets (1 GiB of
    /// `Float`). Tables are dense, so this bounds what a file's settings make the reader allocate.
    public static let maximumTableSize = 1 << 28

    /// Why `labels` labels over `2^hashBits` buckets cannot be stored (the trainer says it too).
    public static func tableTooLarge(labels: Int, hashBits: Int) -> String {
        "\(labels) labels × 2^\(hashBits) buckets exceed the largest table of 2^\(maximumTableSize.trailingZeroBitCount) weights (use fewer hash bits)"
    }

    /// Section tags in file order.
    public enum Tag: String, CaseIterable, Sendable {
        case metadata = "META", normalizer = "NORM", features = "FEAT", labels = "LABL", algorithm = "ALGO"
        case calibration = "CALB", naiveBayesCounts = "NBCT", weights = "LRWT", oneVsRestWeights = "OVRW"
        case topFeatures = "TOPF"
    }

    /// FNV-1a-64 of `bytes`.
    public static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 14_695_981_039_346_656_037
        for b in bytes { h = (h ^ UInt64(b)) &* 1_099_511_628_211 }
        return h
    }
}
