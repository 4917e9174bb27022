/// Edit distance between short strings, to suggest the label a typo meant.
enum EditDistance {
    /// The optimal string alignment distance between `a` and `b` over Unicode scalars: the
    /// fewest insertions, deletions, substitutions and swaps of adjacent scalars that turn one
    /// into the other (Damerau–Levenshtein without editing a substring twice), so that the
    /// common typo `denail` is one edit from `denial`, not two.
    ///
    /// - Complexity: O(|a| · |b|).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rows of the dynamic-programming table: two back, one back, current.
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, previous2[j - 2] + 1)
                }
                current[j] = best
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// The candidate closest to `word`, if it is close enough to be the word meant: at most two
    /// edits, or a third of the candidate's length for long labels (`call_for_restrain`), or
    /// one starts the other (`call` for `call_for_restraint`). Ties go to the earlier candidate.
    static func closest(to word: String, among candidates: [String]) -> String? {
        var best: (candidate: String, distance: Int)? = nil
        for candidate in candidates where candidate != word {
            let d = distance(word, candidate)
            let isPrefix = !word.isEmpty && (candidate.hasPrefix(word) || word.hasPrefix(candidate))
            guard d <= max(2, candidate.unicodeScalars.count / 3) || isPrefix else { continue }
            if let best, best.distance <= d { continue }
            best = (candidate, d)
        }
        return best?.candidate
    }
}
