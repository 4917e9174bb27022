import Testing
@testable import Trainer

@Suite("Similarity join")
struct SimilarityJoinTests {
    /// Every pair at or above `threshold`, by comparing all pairs.
    func bruteForce(_ sets: [[Int]], threshold: Double) -> [SimilarityJoin.Pair] {
        var pairs: [SimilarityJoin.Pair] = []
        let unique = sets.map(Set.init)
        for i in sets.indices {
            for j in sets.indices where j > i && !unique[i].isEmpty && !unique[j].isEmpty {
                let similarity = Double(unique[i].intersection(unique[j]).count) / Double(unique[i].union(unique[j]).count)
                if similarity >= threshold - 1e-9 { pairs.append(.init(first: i, second: j, similarity: similarity)) }
            }
        }
        return pairs
    }

    @Test(arguments: [0.5, 0.7, 0.8, 0.9, 1.0])
    func findsExactlyThePairsThatComparingAllPairsFinds(threshold: Double) {
        // Small sets over a small alphabet, so that many pairs are close.
        var state: UInt64 = 42
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % n
        }
        var sets: [[Int]] = []
        for _ in 0..<300 {
            if !sets.isEmpty, next(3) == 0 {
                // A perturbed copy of an earlier set.
                var set = sets[next(sets.count)]
                if !set.isEmpty { set[next(set.count)] = next(40) }
                sets.append(set)
            } else {
                sets.append((0..<(1 + next(8))).map { _ in next(40) })
            }
        }
        sets.append([])
        let found = SimilarityJoin.pairs(sets, threshold: threshold)
        let expected = bruteForce(sets, threshold: threshold)
        #expect(found.map { [$0.first, $0.second] } == expected.map { [$0.first, $0.second] })
        #expect(zip(found, expected).allSatisfy { abs($0.similarity - $1.similarity) < 1e-12 })
    }

    @Test func minimumOverlapIsNotFooledByRounding() {
        #expect(SimilarityJoin.minimumOverlap(5, 0.8) == 4)
        #expect(SimilarityJoin.minimumOverlap(10, 0.7) == 7)
        #expect(SimilarityJoin.minimumOverlap(3, 0.8) == 3)
        #expect(SimilarityJoin.minimumOverlap(1, 0.1) == 1)
    }

    @Test func lintsFiveThousandSentences() {
        // 5,000 distinct sentences of 20 words from a 3,000-word vocabulary, and 25 near copies
        // (one word changed); the linter must find exactly those copies.
        var state: UInt64 = 7
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % n
        }
        let vocabulary = (0..<3000).map { "كلمة\($0)" }
        var examples: [Example] = []
        for i in 0..<5000 {
            let text: String
            if i % 200 == 199 {
                var words = examples[i - 100].text.split(separator: " ").map(String.init)
                words[next(words.count)] = "بديلة\(i)"
                text = words.joined(separator: " ")
            } else {
                text = (0..<20).map { _ in vocabulary[next(vocabulary.count)] }.joined(separator: " ")
            }
            examples.append(Example(text: text, labels: ["none"], source: SourceLocation(file: "big.tsv", line: i + 1)))
        }
        let report = Linter().lint(Dataset(examples: examples))
        #expect(report.problems.map(\.kind) == Array(repeating: .nearDuplicate, count: 25))
        #expect(report.problems.map { $0.locations.map(\.line) } == (0..<25).map { [$0 * 200 + 100, $0 * 200 + 200] })
    }
}
