/// One thing the ``Linter`` found that an annotator should look at.
///
/// Every lint message is worded here, in the constructors below.
public struct LintProblem: Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem it is; the raw value is its name in reports.
    public enum Kind: String, Sendable, CaseIterable {
        /// The same sentence, with the same labels, more than once.
        case duplicate
        /// The same sentence with different labels.
        case conflictingLabels = "conflicting-labels"
        /// Sentences that share nearly all their words.
        case nearDuplicate = "near-duplicate"
        /// `none` together with another label.
        case noneCombined = "none-combined"
        /// A sentence with very few words.
        case tooShort = "too-short"
        /// A sentence with very many words.
        case tooLong = "too-long"
        /// A label used so rarely it may be a typo.
        case rareLabel = "rare-label"
    }

    /// What kind of problem it is.
    public var kind: Kind
    /// Where it is: the first location is the main one, the others are the rest of a group
    /// (the copies of a duplicate, the uses of a rare label), in dataset order.
    public var locations: [SourceLocation]
    /// What is wrong, quoting the sentence or labels; without the main location.
    public var message: String

    /// A problem of `kind` at `locations` (at least one), described by `message`.
    public init(kind: Kind, locations: [SourceLocation], message: String) {
        precondition(!locations.isEmpty, "LintProblem.init: a problem needs a location")
        self.kind = kind
        self.locations = locations
        self.message = message
    }

    /// `FILE:LINE: kind: message`.
    public var description: String {
        let location = locations.first.map { "\($0): " } ?? ""
        return "\(location)\(kind.rawValue): \(message)"
    }

    // MARK: Wording

    private static func quote(_ text: String) -> String { "'\(DataError.excerpt(text))'" }

    private static func list(_ locations: ArraySlice<SourceLocation>) -> String {
        locations.map(\.description).joined(separator: ", ")
    }

    private static func times(_ count: Int) -> String {
        switch count {
        case 1: "once"
        case 2: "twice"
        default: "\(count) times"
        }
    }

    static func duplicate(_ locations: [SourceLocation], text: String) -> LintProblem {
        LintProblem(kind: .duplicate, locations: locations,
                    message: "\(quote(text)) appears \(times(locations.count)); again at \(list(locations.dropFirst()))")
    }

    static func conflictingLabels(_ occurrences: [(location: SourceLocation, labels: [String])],
                                  text: String) -> LintProblem {
        let labelled = occurrences.map { "\($0.labels.joined(separator: ",")) at \($0.location)" }
        return LintProblem(kind: .conflictingLabels, locations: occurrences.map(\.location),
                           message: "\(quote(text)) has different labels: \(labelled.joined(separator: "; "))")
    }

    static func nearDuplicate(_ members: [(location: SourceLocation, labels: [String])], text: String,
                              similarity: Double) -> LintProblem {
        let rounded = (similarity * 100).rounded(.down) / 100
        var message = "\(quote(text)) and \(list(members.map(\.location).dropFirst())) are near copies "
            + "(word-set similarity ≥ \(rounded))"
        if Set(members.map { Set($0.labels) }).count > 1 {
            message += "; labelled " + members.map { $0.labels.joined(separator: ",") }.joined(separator: " / ")
        }
        return LintProblem(kind: .nearDuplicate, locations: members.map(\.location), message: message)
    }

    static func noneCombined(_ location: SourceLocation, labels: [String]) -> LintProblem {
        LintProblem(kind: .noneCombined, locations: [location],
                    message: "'none' combined with other labels in '\(labels.joined(separator: ","))'; 'none' stands alone")
    }

    static func tooShort(_ location: SourceLocation, words: Int, minimum: Int, text: String) -> LintProblem {
        LintProblem(kind: .tooShort, locations: [location],
                    message: "\(words) \(words == 1 ? "word" : "words") (fewer than \(minimum)) in \(quote(text)); a fragment?")
    }

    static func tooLong(_ location: SourceLocation, words: Int, maximum: Int, text: String) -> LintProblem {
        LintProblem(kind: .tooLong, locations: [location],
                    message: "\(words) words (more than \(maximum)) in \(quote(text)); several sentences?")
    }

    static func rareLabel(_ label: String, locations: [SourceLocation], suggestion: String?) -> LintProblem {
        let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? "; a typo?"
        return LintProblem(kind: .rareLabel, locations: locations,
                           message: "label '\(label)' used only \(times(locations.count))\(hint)")
    }
}
