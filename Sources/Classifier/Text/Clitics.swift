/// Arabic proclitics: the conjunctions و ف, the prepositions ب ل ك and the article ال, alone or
/// combined (وال، بال، لل، فال، وبال…), written attached to the next word.
///
/// Stripping is only ever an *extra* feature: the surface word is kept, so a wrong strip
/// (لبنان → بنان) costs one noisy feature, while a right one (ونفت → نفت، للتهدئة → تهدئة) lets
/// the model share evidence between forms. A strip must leave at least two letters after an
/// article and three after a bare conjunction or preposition, so that short stems such as نفى،
/// نفت، دعا are never cut.
enum Clitics {
    /// Proclitic sequences as normalised UTF-8 packed little-endian into a `UInt64` (at most
    /// four two-byte letters), longest first, with their byte length and the letters a stem
    /// must keep.
    private static let prefixes: [(packed: UInt64, length: Int, minimumStem: Int)] = {
        let withArticle = ["وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال"]
        let bare = ["وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك"]
        func pack(_ text: String) -> (UInt64, Int) {
            let bytes = Array(text.utf8)
            var packed: UInt64 = 0
            for (i, b) in bytes.enumerated() { packed |= UInt64(b) << (8 * UInt64(i)) }
            return (packed, bytes.count)
        }
        return withArticle.map { let (p, n) = pack($0); return (p, n, 2) } + bare.map { let (p, n) = pack($0); return (p, n, 3) }
    }()

    /// The byte offset where the stem of `word` starts after its proclitics, or `nil` when the
    /// word carries none that can be stripped.
    static func stemStart(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        // Every proclitic starts with و ف ب ل ك or ا (D9 88, D9 81, D8 A8, D9 84, D9 83, D8 A7).
        guard word.count >= 6 else { return nil }
        switch (word[0], word[1]) {
        case (0xD9, 0x88), (0xD9, 0x81), (0xD8, 0xA8), (0xD9, 0x84), (0xD9, 0x83), (0xD8, 0xA7): break
        default: return nil
        }
        var head: UInt64 = 0
        for i in 0..<min(8, word.count) { head |= UInt64(word[i]) << (8 * UInt64(i)) }
        return prefixes.withUnsafeBufferPointer { prefixes in
            for prefix in prefixes where prefix.length < word.count {
                let mask: UInt64 = prefix.length == 8 ? .max : (1 << (8 * UInt64(prefix.length))) - 1
                guard head & mask == prefix.packed else { continue }
                var letters = 0
                for k in prefix.length..<word.count where word[k] & 0xC0 != 0x80 { letters += 1 }
                if letters >= prefix.minimumStem { return prefix.length }
            }
            return nil
        }
    }
}
