/// Where an example or a problem comes from: a file and a 1-based line number.
///
/// Its description, `FILE:LINE`, is the prefix of every message about that line, the form
/// compilers use, so editors and terminals can jump to it.
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The file as it was named (or found inside a named directory); `<stdin>` for standard input.
    public var file: String
    /// The 1-based line number; for a CSV record, the physical line where the record starts.
    public var line: Int

    /// The location `line` of `file`.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `FILE:LINE`.
    public var description: String { "\(file):\(line)" }
}
