/// The fast path of feature extraction: one pass over the UTF-8 bytes of a sentence that
/// normalises each scalar, tokenises and hashes the words as it goes, and hands each token to a
/// ``TokenVisitor``, without materialising the normalised text or an array of ``Token``s.
///
/// It must find exactly what ``Normalizer/normalize(_:into:)``, ``Tokenizer/tokenize(_:into:)``
/// and ``FeatureExtractor/visit(_:_:_:_:)`` find one after the other: those stay the readable
/// specification, and the property tests compare the two on random text, invalid UTF-8 and every
/// normaliser rule. The unsafe-pointer code of the fused pass lives in this file only.
///
/// The tokeniser's rules translate into a small state machine over the normalised scalars:
/// outside a word, inside one, and inside one just after a joiner (hyphen, slash, apostrophe,
/// underscore) or number separator, whose fate depends on the next scalar. The normaliser's
/// space collapsing and trimming need no state here: spaces only end words.
enum UnsafeFusedScan {
    /// How many bytes of scratch a text of `count` bytes needs, or `nil` if that overflows.
    ///
    /// A scalar of n bytes normalises to at most 3n (a stray byte becomes U+FFFD, Ⱥ U+023A
    /// becomes ⱥ U+2C65), and a result is stored as four bytes at once.
    static func scratchCount(forTextCount count: Int) -> Int? {
        let (tripled, overflow) = count.multipliedReportingOverflow(by: 3)
        guard !overflow, tripled <= Int.max - 4 else { return nil }
        return tripled + 4
    }

    /// Hands the tokens of `text` (UTF-8, valid or not) with their features to `visitor` and
    /// `sink`, writing the words' normalised bytes to `scratch`.
    ///
    /// Returns false, having handed over the features of part of the text only, at the first
    /// presentation form to expand (the reference path expands them) or if `scratch` is smaller
    /// than ``scratchCount(forTextCount:)``.
    ///
    /// - Parameter table: the normaliser's ``Normalizer/scanTable``.
    /// - Complexity: O(n) in the length of `text`, plus what the visitor does per word.
    @inline(__always)
    static func scan<Sink: FeatureSink>(
        _ text: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt32>, expandsPresentationForms: Bool,
        scratch: UnsafeMutableBufferPointer<UInt8>, visitor: inout TokenVisitor, sink: inout Sink
    ) -> Bool {
        guard let base = text.baseAddress else { return true }
        guard table.count == Normalizer.tableSize, let out = scratch.baseAddress,
              let needed = scratchCount(forTextCount: text.count), scratch.count >= needed else { return false }
        let count = text.count
        var words = WordReader(out: out, limit: needed &- 4)
        var i = 0
        while i < count {
            let entry: Normalizer.ScanEntry
            let byte = base[i]
            if byte < 0x80 {
                entry = Normalizer.ScanEntry(rawValue: table[Int(byte)])
                i &+= 1
            } else {
                let (scalar, length) = decodeScalarRepairing(base + i, count &- i)
                i &+= length
                if scalar < UInt32(Normalizer.tableSize) {
                    entry = Normalizer.ScanEntry(rawValue: table[Int(scalar)])
                } else {
                    if expandsPresentationForms && (ArabicScalars.presentationFormsA.contains(scalar)
                                                    || ArabicScalars.presentationFormsB.contains(scalar)) {
                        return false
                    }
                    // Rare: scalars above U+07FF are classified one by one, as the tokeniser does.
                    let action = Normalizer.highAction(scalar)
                    if action == Normalizer.delete { continue }
                    let fed: Bool
                    if action == Normalizer.space {
                        fed = words.feed(0x20, 1, .space, &visitor, &sink)
                    } else {
                        let (packed, packedLength) = packUTF8(action)
                        fed = words.feed(packed, packedLength, ScalarClass.classify(action), &visitor, &sink)
                    }
                    guard fed else { return false }
                    continue
                }
            }
            let length = entry.length
            if length == 0 { continue }
            guard words.feed(entry.packed, length, entry.scalarClass, &visitor, &sink) else { return false }
        }
        words.finish(&visitor, &sink)
        return true
    }
}

/// The tokeniser's state in the fused pass, fed one normalised scalar at a time.
private struct WordReader {
    /// Where the words' bytes go, and the last offset at which a 4-byte store fits.
    let out: UnsafeMutablePointer<UInt8>
    let limit: Int
    var written = 0

    // The word being read: where its bytes start in `out`, its FNV-1a hash so far, and what the
    // tokeniser tracks (a number until a letter joins, whether the last scalar is a digit).
    var inWord = false
    var wordStart = 0
    var hash: UInt64 = 0
    var isNumber = false, previousIsDigit = false

    // A joiner or number separator read inside a word: its bytes already follow the word in
    // `out`, and `joinedHash` is the word's hash if the next scalar joins it to the word.
    var pendingJoiner = false
    var joinerClass = ScalarClass.joiner
    var joinerPacked: UInt32 = 0
    var joinerStart = 0
    var joinedHash: UInt64 = 0

    init(out: UnsafeMutablePointer<UInt8>, limit: Int) {
        self.out = out
        self.limit = limit
    }

    /// One normalised scalar (never a deleted one): its UTF-8 bytes packed, their count, its
    /// class. Returns false if its bytes do not fit in `out`.
    @inline(__always)
    mutating func feed<Sink: FeatureSink>(_ packed: UInt32, _ length: Int, _ cls: ScalarClass,
                                          _ visitor: inout TokenVisitor, _ sink: inout Sink) -> Bool {
        if pendingJoiner {
            pendingJoiner = false
            let joins = joinerClass == .joiner ? (cls == .letter || cls == .digit) : (previousIsDigit && cls == .digit)
            if joins {
                hash = joinedHash
            } else {
                endWord(at: joinerStart, &visitor, &sink)
                Self.outsideWord(joinerPacked, joinerClass, &visitor, &sink)
            }
        }
        if inWord {
            switch cls {
            case .letter:
                isNumber = false
                previousIsDigit = false
            case .digit:
                previousIsDigit = true
            case .joiner, .numberSeparator:
                pendingJoiner = true
                joinerClass = cls
                joinerPacked = packed
                joinerStart = written
                joinedHash = Self.absorb(hash, packed, length)
                return write(packed, length)
            case .space, .punctuation, .quote:
                endWord(at: written, &visitor, &sink)
                Self.outsideWord(packed, cls, &visitor, &sink)
                return true
            }
            hash = Self.absorb(hash, packed, length)
            return write(packed, length)
        }
        guard cls == .letter || cls == .digit else {
            Self.outsideWord(packed, cls, &visitor, &sink)
            return true
        }
        inWord = true
        wordStart = written
        isNumber = cls == .digit
        previousIsDigit = isNumber
        hash = Self.absorb(FeatureHashing.wordSeed, packed, length)
        return write(packed, length)
    }

    /// The end of the text: ends the last word and hands over a joiner left pending.
    @inline(__always)
    mutating func finish<Sink: FeatureSink>(_ visitor: inout TokenVisitor, _ sink: inout Sink) {
        if pendingJoiner {
            pendingJoiner = false
            endWord(at: joinerStart, &visitor, &sink)
            Self.outsideWord(joinerPacked, joinerClass, &visitor, &sink)
        } else if inWord {
            endWord(at: written, &visitor, &sink)
        }
    }

    @inline(__always)
    private mutating func endWord<Sink: FeatureSink>(at end: Int, _ visitor: inout TokenVisitor, _ sink: inout Sink) {
        inWord = false
        let word = UnsafeBufferPointer(start: out + wordStart, count: end &- wordStart)
        visitor.word(word, hash: isNumber ? FeatureHashing.numberHash : hash, isNumber: isNumber, &sink)
    }

    /// Stores the 1…4 bytes of `packed` at `written` with one 4-byte store (the scratch leaves
    /// room for it, and the check keeps that true whatever the text).
    @inline(__always)
    private mutating func write(_ packed: UInt32, _ length: Int) -> Bool {
        guard written <= limit else { return false }
        UnsafeMutableRawPointer(out + written).storeBytes(of: packed.littleEndian, as: UInt32.self)
        written &+= length
        return true
    }

    /// A scalar that is not part of a word.
    @inline(__always)
    private static func outsideWord<Sink: FeatureSink>(_ packed: UInt32, _ cls: ScalarClass,
                                                       _ visitor: inout TokenVisitor, _ sink: inout Sink) {
        switch cls {
        case .space, .letter, .digit:
            break
        case .quote:
            visitor.quote(&sink)
        case .joiner:
            if packed == apostrophe || packed == leftSingleQuote || packed == rightSingleQuote {
                visitor.quote(&sink)
            } else {
                visitor.punctuation()
            }
        case .punctuation, .numberSeparator:
            visitor.punctuation()
        }
    }

    // The joiners that stand alone as quotes (see ``Tokenizer``), as packed UTF-8.
    private static let apostrophe = packUTF8(0x27).packed
    private static let leftSingleQuote = packUTF8(0x2018).packed
    private static let rightSingleQuote = packUTF8(0x2019).packed

    @inline(__always)
    private static func absorb(_ h: UInt64, _ packed: UInt32, _ length: Int) -> UInt64 {
        var h = FeatureHashing.absorb(h, UInt8(truncatingIfNeeded: packed))
        if length > 1 {
            h = FeatureHashing.absorb(h, UInt8(truncatingIfNeeded: packed >> 8))
            if length > 2 {
                h = FeatureHashing.absorb(h, UInt8(truncatingIfNeeded: packed >> 16))
                if length > 3 { h = FeatureHashing.absorb(h, UInt8(truncatingIfNeeded: packed >> 24)) }
            }
        }
        return h
    }
}
