/// Turns the lines of one file, in one ``DataFormat``, into examples.
///
/// The reader hands over every line as valid UTF-8 (it reports bad bytes and overlong lines
/// itself), calls ``reset()`` after any error so a parser that spans lines starts afresh, and
/// calls ``finish()`` at the end of the file.
protocol RecordParser {
    /// The example a line completes, or `nil` for a line that completes none (a comment, a
    /// blank line, a header, part of a longer record).
    mutating func parse(_ line: [UInt8], at location: SourceLocation) throws(DataError) -> Example?
    /// Forgets any partly read record.
    mutating func reset()
    /// Reports a record left open at the end of the file.
    mutating func finish() throws(DataError)
    /// Whether every line is a record of its own and parsing keeps no state, so that lines
    /// can be parsed in any order, in parallel.
    var linesAreIndependent: Bool { get }
}

extension RecordParser {
    mutating func reset() {}
    mutating func finish() throws(DataError) {}
    var linesAreIndependent: Bool { false }
}
