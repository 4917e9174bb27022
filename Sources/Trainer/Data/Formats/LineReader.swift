import Foundation

/// Reads a file's lines as bytes, a chunk at a time, so that memory stays bounded whatever the
/// file holds.
///
/// Lines end at LF; one CR before the LF (CRLF) is dropped, as is a UTF-8 byte order mark at the
/// start of the first line. A line longer than the limit is not kept: only its length is
/// counted, so a 10 GB line costs no more memory than a short one.
struct LineReader {
    /// One line read.
    enum Line: Equatable {
        /// The line's bytes, without CR, LF or byte order mark.
        case bytes([UInt8])
        /// A line longer than the limit, with its length in bytes (without CR and LF).
        case tooLong(length: Int)
    }

    private let handle: FileHandle
    private let path: String
    private let limit: Int
    private let chunkSize: Int
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// The 1-based number of the line last returned.
    private(set) var lineNumber = 0

    /// A reader of `handle`, which is named `path` in error messages, keeping lines of at most
    /// `limit` bytes.
    init(handle: FileHandle, path: String, limit: Int, chunkSize: Int = 1 << 20) {
        precondition(limit > 0 && chunkSize > 0, "LineReader: limit and chunk size must be positive")
        self.handle = handle
        self.path = path
        self.limit = limit
        self.chunkSize = chunkSize
    }

    /// The next line and its number, or `nil` at the end of the file.
    ///
    /// - Complexity: O(n) in the length of the line.
    mutating func next() throws(DataError) -> (number: Int, line: Line)? {
        var line: [UInt8] = []
        var length = 0
        var lastByte: UInt8 = 0
        var sawBytes = false
        var keeping = true
        var foundNewline = false
        while !foundNewline {
            if position == chunk.count {
                guard try refill() else { break }
            }
            let end = Self.newline(in: chunk, from: position) ?? chunk.count
            foundNewline = end < chunk.count
            let count = end - position
            if count > 0 {
                length += count
                lastByte = chunk[end - 1]
                // Keep one byte beyond the limit, for a CR that does not count.
                if keeping, line.count + count <= limit + 1 {
                    line.append(contentsOf: chunk[position..<end])
                } else if keeping {
                    keeping = false
                    line = []
                }
            }
            sawBytes = true
            position = foundNewline ? end + 1 : end
        }
        guard sawBytes else { return nil }
        lineNumber += 1
        if lastByte == 0x0D { length -= 1 }
        guard length <= limit else { return (lineNumber, .tooLong(length: length)) }
        if line.last == 0x0D { line.removeLast() }
        if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        return (lineNumber, .bytes(line))
    }

    /// Reads the next chunk; `false` at the end of the file.
    private mutating func refill() throws(DataError) -> Bool {
        guard !atEnd else { return false }
        let data: Data?
        do {
            data = try handle.read(upToCount: chunkSize)
        } catch {
            throw .readFailed(path: path, detail: "\(error.localizedDescription)")
        }
        guard let data, !data.isEmpty else {
            atEnd = true
            chunk = []
            position = 0
            return false
        }
        chunk = [UInt8](data)
        position = 0
        return true
    }

    /// The index of the first LF in `bytes` at or after `start`.
    private static func newline(in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        // memchr, because a byte loop takes seconds over a 10 MB line in a debug build.
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress,
                  let found = memchr(base + start, 0x0A, buffer.count - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }
}
