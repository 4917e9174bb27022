/// Finds every pair of sets whose Jaccard similarity reaches a threshold, without comparing
/// every pair: the all-pairs prefix-filtering join of Chaudhuri, Ganti & Kaushik ("A Primitive
/// Operator for Similarity Joins in Data Cleaning", ICDE 2006), as refined in PPJoin (Xiao et
/// al., WWW 2008), with its length filter.
///
/// Why it is exact: order every set's elements by how few sets hold them, rarest first. If
/// J(x, y) = |x ∩ y| / |x ∪ y| ≥ t and |y| ≤ |x|, then |x ∩ y| ≥ t·|x| ≥ ⌈t·|y|⌉, so the
/// first |s| − ⌈t·|s|⌉ + 1 elements of each set `s` (its prefix) must share an element: the
/// two sets cannot differ in all of them and still overlap that much. Only pairs sharing a
/// prefix element, which is rare by construction, are compared; also |y| ≥ t·|x|.
/// Unlike MinHash, nothing similar enough is missed.
enum SimilarityJoin {
    /// A pair of sets, by index, and their Jaccard similarity.
    struct Pair: Equatable {
        var first: Int
        var second: Int
        var similarity: Double
    }

    /// Every pair of `sets` (given as element numbers from 0, duplicates ignored) with Jaccard
    /// similarity at least `threshold`, `first < second`. Empty sets are similar to nothing.
    ///
    /// - Precondition: `0 < threshold ≤ 1`; no element is negative.
    /// - Complexity: O(n log n + Σ|s| log |s| + C) for the n sets, where C is the cost of
    ///   comparing the candidate pairs that share a rare prefix element; near-linear on text.
    static func pairs(_ sets: [[Int]], threshold: Double) -> [Pair] {
        precondition(threshold > 0 && threshold <= 1, "SimilarityJoin.pairs: threshold must be in (0, 1]")
        let unique = sets.map { set -> [Int] in
            var sorted = set.sorted()
            sorted.removeDuplicates()
            return sorted
        }
        let universe = (unique.compactMap(\.last).max() ?? -1) + 1
        precondition(unique.allSatisfy { ($0.first ?? 0) >= 0 }, "SimilarityJoin.pairs: elements must not be negative")
        // Rank every element by how many sets hold it, rarest first.
        var frequency = [Int](repeating: 0, count: universe)
        for set in unique { for element in set { frequency[element] += 1 } }
        let byRarity = (0..<universe).sorted { (frequency[$0], $0) < (frequency[$1], $1) }
        var rank = [Int](repeating: 0, count: universe)
        for (r, element) in byRarity.enumerated() { rank[element] = r }
        let ranked = unique.map { set in set.map { rank[$0] }.sorted() }

        // Visit sets from small to large, so every set indexed so far is no larger.
        let order = ranked.indices.sorted { (ranked[$0].count, $0) < (ranked[$1].count, $1) }
        var index = [[Int]](repeating: [], count: byRarity.count)
        var seen = [Int](repeating: -1, count: sets.count)
        var result: [Pair] = []
        for x in order {
            let set = ranked[x]
            guard !set.isEmpty else { continue }
            let required = minimumOverlap(set.count, threshold)
            let prefixLength = set.count - required + 1
            var candidates: [Int] = []
            for element in set.prefix(prefixLength) {
                for y in index[element] where seen[y] != x {
                    seen[y] = x
                    // Length filter: a smaller set cannot reach the threshold with this one.
                    if Double(ranked[y].count) >= threshold * Double(set.count) - 1e-9 { candidates.append(y) }
                }
            }
            for y in candidates {
                let overlap = overlapCount(set, ranked[y])
                let similarity = Double(overlap) / Double(set.count + ranked[y].count - overlap)
                if similarity >= threshold - 1e-9 {
                    result.append(Pair(first: min(x, y), second: max(x, y), similarity: similarity))
                }
            }
            for element in set.prefix(prefixLength) { index[element].append(x) }
        }
        return result.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    }

    /// ⌈t·n⌉, with a tolerance so that 0.8 · 5 is 4, not 5 through rounding.
    static func minimumOverlap(_ n: Int, _ threshold: Double) -> Int {
        max(1, Int((threshold * Double(n) - 1e-9).rounded(.up)))
    }

    /// |a ∩ b| for sorted arrays without duplicates.
    static func overlapCount(_ a: [Int], _ b: [Int]) -> Int {
        var i = 0, j = 0, count = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                count += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return count
    }
}

extension Array where Element: Equatable {
    /// Removes adjacent repeats, leaving a sorted array without duplicates.
    fileprivate mutating func removeDuplicates() {
        guard count > 1 else { return }
        var kept = 1
        for i in 1..<count where self[i] != self[kept - 1] {
            self[kept] = self[i]
            kept += 1
        }
        removeLast(count - kept)
    }
}
