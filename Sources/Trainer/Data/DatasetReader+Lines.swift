import Dispatch

extension DatasetReader {
    /// What checking and parsing one line gave.
    enum LineOutcome {
        case example(Example)
        /// A line that completes no example (a comment, a blank line, a header, part of a record).
        case nothing
        case failure(DataError)
    }

    /// Lines parsed in parallel at a time, when each line is a record of its own: about 1 MB
    /// of sentences.
    static let batchSize = 4096

    /// The outcome of `line`, read at `location`: too long, invalid UTF-8, or what `parser` makes
    /// of it.
    static func outcome(of line: LineReader.Line, at location: SourceLocation, parser: inout any RecordParser) -> LineOutcome {
        switch line {
        case .tooLong(let length):
            return .failure(.lineTooLong(at: location, length: length, limit: maximumLineLength))
        case .bytes(let bytes):
            if let bad = UTF8Validation.firstInvalidByte(in: bytes) {
                return .failure(.invalidUTF8(at: location, byte: bad + 1,
                                             excerpt: DataError.excerpt(String(decoding: bytes, as: UTF8.self))))
            }
            do throws(DataError) {
                return try parser.parse(bytes, at: location).map { .example($0) } ?? .nothing
            } catch {
                return .failure(error)
            }
        }
    }

    /// The outcomes of `lines` of the file `file`, in order, worked out in parallel with copies
    /// of `parser`, which must read ``RecordParser/linesAreIndependent``.
    static func outcomes(of lines: [(number: Int, line: LineReader.Line)], in file: String,
                         parser: any RecordParser) -> [LineOutcome] {
        precondition(parser.linesAreIndependent, "DatasetReader.outcomes: the parser keeps state between lines")
        var outcomes = [LineOutcome](repeating: .nothing, count: lines.count)
        let chunks = min(lines.count, 16)
        outcomes.withUnsafeMutableBufferPointer { outcomes in
            let shared = SharedLines(lines: lines, parser: parser, outcomes: outcomes)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var parser = shared.parser
                for i in (chunk * shared.lines.count / chunks)..<((chunk + 1) * shared.lines.count / chunks) {
                    let (number, line) = shared.lines[i]
                    shared.outcomes[i] = outcome(of: line, at: SourceLocation(file: file, line: number), parser: &parser)
                }
            }
        }
        return outcomes
    }
}

/// A batch shared with the parsing workers: each parses with its own copy of the parser (which
/// keeps no state) and writes only its own lines' outcomes.
private struct SharedLines: @unchecked Sendable {
    let lines: [(number: Int, line: LineReader.Line)]
    let parser: any RecordParser
    let outcomes: UnsafeMutableBufferPointer<DatasetReader.LineOutcome>
}
