import Classifier

/// Checks a labelled dataset for what annotators get wrong: repeated and nearly repeated
/// sentences, one sentence labelled two ways, `none` combined with a stance, fragments and
/// run-on sentences, labels rare enough to be typos, and the balance of the classes.
///
/// Sentences are compared as their words (word and number tokens) after ``Normalizer``
/// normalisation with ``NormalizerSettings/arabicNews``, so diacritics, alef forms, spacing
/// and punctuation do not hide a copy.
public struct Linter: Sendable {
    /// The labels expected; any other label used fewer than ``rareLabelCount`` times is
    /// reported as a possible typo. `nil` makes every label subject to that check.
    public var labels: [String]?
    /// The Jaccard similarity of two sentences' word sets from which they count as
    /// near-duplicates.
    public var nearDuplicateThreshold: Double
    /// Sentences with fewer words are reported as too short.
    public var minimumWords: Int
    /// Sentences with more words are reported as too long.
    public var maximumWords: Int
    /// Labels used fewer times (and not in ``labels``) are reported as possible typos.
    public var rareLabelCount: Int

    /// A linter with the given limits.
    ///
    /// - Precondition: `0 < nearDuplicateThreshold ≤ 1`.
    public init(labels: [String]? = DatasetReader.standardLabels, nearDuplicateThreshold: Double = 0.8,
                minimumWords: Int = 4, maximumWords: Int = 120, rareLabelCount: Int = 3) {
        precondition(nearDuplicateThreshold > 0 && nearDuplicateThreshold <= 1,
                     "Linter.init: nearDuplicateThreshold must be in (0, 1]")
        self.labels = labels
        self.nearDuplicateThreshold = nearDuplicateThreshold
        self.minimumWords = minimumWords
        self.maximumWords = maximumWords
        self.rareLabelCount = rareLabelCount
    }

    /// The problems in `dataset` and its class balance.
    ///
    /// - Complexity: O(n) in the size of the text for everything but near-duplicates, which
    ///   compare only sentences sharing a rare word (see ``SimilarityJoin``).
    public func lint(_ dataset: Dataset) -> LintReport {
        let examples = dataset.examples
        let words = WordLists(examples.map(\.text))
        // Each problem with the position of its first example, for ordering.
        var found: [(position: Int, problem: LintProblem)] = []

        for (i, example) in examples.enumerated() {
            let count = words.ids[i].count
            if example.labels.count > 1, example.labels.contains(LabelRules.none) {
                found.append((i, .noneCombined(example.source, labels: example.labels)))
            }
            if count < minimumWords {
                found.append((i, .tooShort(example.source, words: count, minimum: minimumWords, text: example.text)))
            } else if count > maximumWords {
                found.append((i, .tooLong(example.source, words: count, maximum: maximumWords, text: example.text)))
            }
        }

        // Group identical sentences; the first of each group stands for it below.
        var groups: [[Int]: [Int]] = [:]
        var firsts: [Int] = []
        for (i, list) in words.ids.enumerated() where !list.isEmpty {
            if groups[list] == nil { firsts.append(i) }
            groups[list, default: []].append(i)
        }
        for first in firsts {
            guard let members = groups[words.ids[first]], members.count > 1 else { continue }
            let labelSets = Set(members.map { Set(examples[$0].labels) })
            let problem: LintProblem = labelSets.count == 1
                ? .duplicate(members.map { examples[$0].source }, text: examples[first].text)
                : .conflictingLabels(members.map { (examples[$0].source, examples[$0].labels) }, text: examples[first].text)
            found.append((first, problem))
        }

        found += nearDuplicates(examples, words: words, firsts: firsts)
        found += rareLabels(examples)

        let kindOrder = Dictionary(uniqueKeysWithValues: LintProblem.Kind.allCases.enumerated().map { ($1, $0) })
        let problems = found.sorted {
            ($0.position, kindOrder[$0.problem.kind] ?? 0) < ($1.position, kindOrder[$1.problem.kind] ?? 0)
        }.map(\.problem)
        return LintReport(problems: problems, classBalance: ClassBalance(examples))
    }

    /// Groups of distinct sentences (given by the indices `firsts`) linked by near-duplicate pairs.
    private func nearDuplicates(_ examples: [Example], words: WordLists,
                                firsts: [Int]) -> [(position: Int, problem: LintProblem)] {
        let pairs = SimilarityJoin.pairs(firsts.map { words.ids[$0] }, threshold: nearDuplicateThreshold)
        // Union–find over positions in `firsts`, so a chain of near copies makes one group.
        var parent = Array(firsts.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        var lowest: [Int: Double] = [:]
        for pair in pairs {
            let a = root(pair.first), b = root(pair.second)
            let similarity = min(pair.similarity, lowest[a] ?? 1, lowest[b] ?? 1)
            if a != b { parent[max(a, b)] = min(a, b) }
            lowest[min(a, b)] = similarity
        }
        var members: [Int: [Int]] = [:]
        for pair in pairs {
            for i in [pair.first, pair.second] { members[root(i), default: []].append(i) }
        }
        return members.compactMap { group, indices in
            let sorted = Array(Set(indices)).sorted().map { firsts[$0] }
            guard let first = sorted.first, sorted.count > 1 else { return nil }
            let problem = LintProblem.nearDuplicate(sorted.map { (examples[$0].source, examples[$0].labels) },
                                                    text: examples[first].text, similarity: lowest[group] ?? 1)
            return (first, problem)
        }
    }

    /// Labels outside ``labels`` used fewer than ``rareLabelCount`` times, with the closest
    /// frequent label as a suggestion.
    private func rareLabels(_ examples: [Example]) -> [(position: Int, problem: LintProblem)] {
        var uses: [String: [Int]] = [:]
        var order: [String] = []
        for (i, example) in examples.enumerated() {
            for label in Set(example.labels) {
                if uses[label] == nil { order.append(label) }
                uses[label, default: []].append(i)
            }
        }
        let known = labels ?? []
        let frequent = known + order.filter { !known.contains($0) && (uses[$0]?.count ?? 0) >= rareLabelCount }
        return order.compactMap { label in
            guard !known.contains(label), let positions = uses[label], positions.count < rareLabelCount,
                  let first = positions.first else { return nil }
            let problem = LintProblem.rareLabel(label, locations: positions.map { examples[$0].source },
                                                suggestion: EditDistance.closest(to: label, among: frequent))
            return (first, problem)
        }
    }
}
