/// Arabic proclitics: the conjunctions و ف, the prepositions ب ل ك and the article ال, alone or
/// combined (وال، بال، لل، فال، وبال…), written attached to the next word.
///
/// Stripping is only ever an *extra* feature: the surface word is kept, so a wrong strip
/// (لبنان → بنان) costs one noisy feature, while a right one (ونفت → نفت، للتهدئة → تهدئة) lets
/// the model share evidence between forms. A strip must leave at least two letters after an
/// article and three after a bare conjunction or preposition, so that short stems such as نفى،
/// نفت، دعا are never cut.
enum Clitics {
    /// Proclitic sequences as normalised UTF-8, longest first, with the letters a stem must keep.
    private static let prefixes: [(bytes: [UInt8], minimumStem: Int)] = {
        let withArticle = ["وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال"]
        let bare = ["وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك"]
        return withArticle.map { (Array($0.utf8), 2) } + bare.map { (Array($0.utf8), 3) }
    }()

    /// The byte offset where the stem of `word` starts after its proclitics, or `nil` when the
    /// word carries none that can be stripped.
    static func stemStart(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        // Every proclitic letter is a two-byte scalar whose first byte is 0xD8 or 0xD9.
        // Every proclitic starts with و ف ب ل ك or ا (D9 88, D9 81, D8 A8, D9 84, D9 83, D8 A7).
        guard word.count >= 6 else { return nil }
        switch (word[0], word[1]) {
        case (0xD9, 0x88), (0xD9, 0x81), (0xD8, 0xA8), (0xD9, 0x84), (0xD9, 0x83), (0xD8, 0xA7): break
        default: return nil
        }
        for (prefix, minimumStem) in prefixes where prefix.count < word.count {
            var matches = true
            for k in 0..<prefix.count where word[k] != prefix[k] { matches = false; break }
            guard matches else { continue }
            var letters = 0
            for k in prefix.count..<word.count where word[k] & 0xC0 != 0x80 { letters += 1 }
            if letters >= minimumStem { return prefix.count }
        }
        return nil
    }
}
