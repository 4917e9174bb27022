/// One token of normalised text: a byte range of the normalised UTF-8 and what kind of token it is.
public struct Token: Sendable, Equatable, Hashable {
    /// What a token is made of.
    public enum Kind: UInt8, Sendable, Equatable, Hashable {
        /// Letters (of any script) and marks, with joined hyphens, slashes or apostrophes
        /// (إف-16، نيو-يورك، o'brien) and digits mixed in.
        case word
        /// Digits with joined decimal or thousands separators (3.5، 1,200، 9/11).
        case number
        /// One punctuation or symbol scalar (، ؛ ؟ . , ! ( ) - …).
        case punctuation
        /// One quotation mark: " ' « » “ ” „ ‘ ’ ‹ ›.
        case quote
    }

    /// Where the token starts in the normalised UTF-8 bytes.
    public var start: Int
    /// Where the token ends (exclusive) in the normalised UTF-8 bytes.
    public var end: Int
    /// What the token is.
    public var kind: Kind

    /// A token covering `start..<end` of the normalised bytes.
    public init(start: Int, end: Int, kind: Kind) {
        self.start = start
        self.end = end
        self.kind = kind
    }
}
