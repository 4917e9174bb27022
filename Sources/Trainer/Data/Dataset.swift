/// The examples read from one or more data files, with the lines skipped on the way.
public struct Dataset: Sendable {
    /// The examples, in file order and then line order.
    public var examples: [Example]
    /// Bad lines (and files without examples) passed over because the reader was told to skip
    /// them; always empty when it was not.
    public var skipped: [DataError]
    /// The files read, in the order they were read.
    public var files: [String]

    /// A dataset of `examples`.
    public init(examples: [Example], skipped: [DataError] = [], files: [String] = []) {
        self.examples = examples
        self.skipped = skipped
        self.files = files
    }
}
