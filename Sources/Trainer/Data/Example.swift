/// One labelled sentence read from a data file.
public struct Example: Sendable, Equatable {
    /// The sentence as written in the file, without surrounding whitespace (not normalised).
    public var text: String
    /// Its labels, at least one, in the order given (the main stance first); `none` stands alone.
    public var labels: [String]
    /// Where it was read.
    public var source: SourceLocation

    /// An example of `text` labelled `labels`, read at `source`.
    public init(text: String, labels: [String], source: SourceLocation) {
        self.text = text
        self.labels = labels
        self.source = source
    }
}
