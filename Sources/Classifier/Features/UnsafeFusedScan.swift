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
    /// presentation form to expand or removed hamza above (the reference path expands or
    /// composes them) or if `scratch` is smaller
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
        // The last offset of `out` at which a 4-byte store fits.
        let limit = needed &- 4
        var written = 0

        // The word being read: where its bytes start in `out`, its FNV-1a hash so far, and what
        // the tokeniser tracks (a number until a letter joins, whether the last scalar is a digit).
        // Plain local variables, not a struct with methods or closures, so that they stay in
        // registers.
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

        var i = 0
        while i < count {
            // The normalised scalar as UTF-8 bytes packed little-endian, their count and its class.
            let packed: UInt32, length: Int, cls: ScalarClass
            let byte = base[i]
            var scalar = UInt32(byte)
            if byte < 0x80 {
                i &+= 1
            } else if byte >= 0xC2 && byte < 0xE0 && i &+ 1 < count && base[i &+ 1] & 0xC0 == 0x80 {
                // Two bytes (all of Arabic): decoded here, an 11-bit value by construction.
                scalar = (scalar & 0x1F) << 6 | UInt32(base[i &+ 1] & 0x3F)
                i &+= 2
            } else {
                let (decoded, decodedLength) = decodeScalarRepairing(base + i, count &- i)
                scalar = decoded
                i &+= decodedLength
            }
            if scalar < UInt32(Normalizer.tableSize) {
                let entry = Normalizer.ScanEntry(rawValue: table[Int(scalar)])
                length = entry.length
                if length == 0 {
                    // A removed hamza above may compose with the letter before it (decomposed
                    // text); the reference path does that.
                    if scalar == ArabicScalars.combiningHamzaAbove { return false }
                    continue
                }
                packed = entry.packed
                cls = entry.scalarClass
            } else {
                if expandsPresentationForms && (ArabicScalars.presentationFormsA.contains(scalar)
                                                || ArabicScalars.presentationFormsB.contains(scalar)) {
                    return false
                }
                // Rare: scalars above U+07FF (and U+FFFD for invalid bytes) are classified one by
                // one, as the tokeniser does.
                let action = Normalizer.highAction(scalar)
                if action == Normalizer.delete { continue }
                if action == Normalizer.space {
                    (packed, length, cls) = (0x20, 1, .space)
                } else {
                    (packed, length) = packUTF8(action)
                    cls = ScalarClass.classify(action)
                }
            }

            if pendingJoiner {
                pendingJoiner = false
                let joins = joinerClass == .joiner ? (cls == .letter || cls == .digit) : (previousIsDigit && cls == .digit)
                if joins {
                    hash = joinedHash
                } else {
                    inWord = false
                    word(out, wordStart, joinerStart, hash, isNumber, &visitor, &sink)
                    outsideWord(joinerPacked, joinerClass, &visitor, &sink)
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
                    joinedHash = absorb(hash, packed, length)
                case .space, .punctuation, .quote:
                    inWord = false
                    word(out, wordStart, written, hash, isNumber, &visitor, &sink)
                    outsideWord(packed, cls, &visitor, &sink)
                    continue
                }
                if !pendingJoiner { hash = absorb(hash, packed, length) }
            } else if cls == .letter || cls == .digit {
                inWord = true
                wordStart = written
                isNumber = cls == .digit
                previousIsDigit = isNumber
                hash = absorb(FeatureHashing.wordSeed, packed, length)
            } else {
                outsideWord(packed, cls, &visitor, &sink)
                continue
            }
            // A scalar of a word (or a joiner that may join it): its bytes go to `out`, with
            // one 4-byte store that `scratchCount` leaves room for; the check keeps that true
            // whatever the text.
            guard written <= limit else { return false }
            UnsafeMutableRawPointer(out + written).storeBytes(of: packed.littleEndian, as: UInt32.self)
            written &+= length
        }
        if pendingJoiner {
            word(out, wordStart, joinerStart, hash, isNumber, &visitor, &sink)
            outsideWord(joinerPacked, joinerClass, &visitor, &sink)
        } else if inWord {
            word(out, wordStart, written, hash, isNumber, &visitor, &sink)
        }
        return true
    }

    /// The word `out[start..<end]` with word hash `hash` (once a word, not once a scalar: kept
    /// out of line so that the scalar loop stays small).
    @inline(never)
    private static func word<Sink: FeatureSink>(_ out: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int,
                                                _ hash: UInt64, _ isNumber: Bool,
                                                _ visitor: inout TokenVisitor, _ sink: inout Sink) {
        let word = UnsafeBufferPointer(start: out + start, count: end &- start)
        visitor.word(word, hash: isNumber ? FeatureHashing.numberHash : hash, isNumber: isNumber, &sink)
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

    /// FNV-1a over the `length` bytes of `packed`.
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
