import Foundation

/// How many examples carry each label.
public struct ClassBalance: Sendable, Equatable {
    /// One label's count.
    public struct Row: Sendable, Equatable {
        /// The label.
        public var label: String
        /// How many examples carry it.
        public var count: Int
        /// `count` as a fraction of all examples. Shares add up to more than 1 when examples
        /// carry several labels.
        public var share: Double

        /// A row for `label`, carried by `count` examples, `share` of them all.
        public init(label: String, count: Int, share: Double) {
            self.label = label
            self.count = count
            self.share = share
        }
    }

    /// One row per label, the most frequent first, ties by name.
    public var rows: [Row]
    /// The number of examples counted.
    public var exampleCount: Int
    /// How many of them carry more than one label.
    public var multiLabelCount: Int

    /// The balance of `examples`.
    ///
    /// - Complexity: O(n) in the number of labels given.
    public init(_ examples: [Example]) {
        var counts: [String: Int] = [:]
        for example in examples {
            for label in Set(example.labels) { counts[label, default: 0] += 1 }
        }
        let total = examples.count
        rows = counts.map { Row(label: $0.key, count: $0.value, share: total == 0 ? 0 : Double($0.value) / Double(total)) }
            .sorted { ($1.count, $0.label) < ($0.count, $1.label) }
        exampleCount = total
        multiLabelCount = examples.count { Set($0.labels).count > 1 }
    }

    /// The number of examples carrying `label` (0 if none do).
    public func count(of label: String) -> Int {
        rows.first { $0.label == label }?.count ?? 0
    }

    /// Counts per label.
    public var counts: [String: Int] {
        Dictionary(uniqueKeysWithValues: rows.map { ($0.label, $0.count) })
    }

    /// A table of the rows, then the number of examples:
    ///
    ///     label        count  share
    ///     denial         696  35.8%
    ///     …
    ///     1944 examples, 36 with more than one label
    public var text: String {
        let width = max("label".count, rows.map(\.label.count).max() ?? 0)
        let countWidth = max("count".count, String(rows.first?.count ?? 0).count)
        func pad(_ s: String, _ n: Int, right: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, n - s.count))
            return right ? fill + s : s + fill
        }
        var lines = [pad("label", width) + "  " + pad("count", countWidth, right: true) + "   share"]
        for row in rows {
            let percent = String(format: "%.1f%%", row.share * 100)
            lines.append(pad(row.label, width) + "  " + pad(String(row.count), countWidth, right: true)
                         + "  " + pad(percent, 6, right: true))
        }
        var total = "\(exampleCount) \(exampleCount == 1 ? "example" : "examples")"
        if multiLabelCount > 0 { total += ", \(multiLabelCount) with more than one label" }
        lines.append(total)
        return lines.joined(separator: "\n")
    }
}
