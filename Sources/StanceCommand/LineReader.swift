#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file or standard input in large chunks and hands out its lines in batches.
///
/// Memory stays constant whatever the input size: one chunk, grown only to hold the longest line.
/// Lines end at `\n`; a final line without one counts; a `\r` before the `\n` is the caller's to
/// drop.
struct LineReader {
    /// The input's name in messages: its path, or `-` for standard input.
    let path: String
    private let descriptor: Int32
    private var buffer: [UInt8]
    /// Unconsumed bytes are `buffer[start..<end]`.
    private var start = 0, end = 0
    private var atEndOfFile = false

    /// Bytes asked for by one read.
    static let chunkSize = 1 << 20

    /// Opens `path` (`-` for standard input) for reading.
    init(path: String) throws(StanceError) {
        self.path = path
        if path == "-" {
            descriptor = 0
        } else {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw .cannotRead(path: path, reason: SystemError.describe(errno)) }
            descriptor = fd
        }
        buffer = [UInt8](repeating: 0, count: Self.chunkSize)
    }

    /// Closes the file (never standard input).
    func closeFile() {
        if descriptor != 0 { _ = close(descriptor) }
    }

    /// Calls `body` with batches of at most `limit` lines, in order, as ranges into the bytes it
    /// is given (valid during the call only). A batch holds the lines already read: `body` sees
    /// them before the reader waits for more input, and `beforeReading` runs before each read.
    mutating func forEachBatch(limit: Int, beforeReading: () throws(StanceError) -> Void,
                               _ body: (UnsafeBufferPointer<UInt8>, [Range<Int>]) throws(StanceError) -> Void) throws(StanceError) {
        var lines: [Range<Int>] = []
        lines.reserveCapacity(limit)
        while true {
            // The complete lines already in the buffer.
            let (s, e) = (start, end)
            var next = s
            buffer.withUnsafeBufferPointer { b in
                let base = b.baseAddress!
                while lines.count < limit, next < e,
                      let newline = memchr(base + next, 0x0A, e - next) {
                    let at = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                    lines.append(next..<at)
                    next = at + 1
                }
            }
            start = next
            if atEndOfFile && start < end && lines.count < limit {
                lines.append(start..<end)
                start = end
            }
            if !lines.isEmpty {
                try buffer.withUnsafeBufferPointer { b throws(StanceError) in try body(b, lines) }
                lines.removeAll(keepingCapacity: true)
                continue
            }
            if atEndOfFile { return }
            try beforeReading()
            try fill()
        }
    }

    /// Reads the whole input, refusing more than `limit` bytes.
    mutating func readAll(limit: Int) throws(StanceError) -> [UInt8] {
        // A regular file says its size: refuse it before reading, or read it in one go.
        var info = stat()
        if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG {
            let size = Int(info.st_size)
            if size > limit { throw .articleTooLarge(path: path, limit: limit) }
            if size >= buffer.count { buffer = [UInt8](repeating: 0, count: size + 1) }
        }
        while !atEndOfFile {
            try fill()
            if end - start > limit { throw .articleTooLarge(path: path, limit: limit) }
        }
        return Array(buffer[start..<end])
    }

    /// Moves the unconsumed bytes to the front, grows the buffer if they fill it, and reads more.
    private mutating func fill() throws(StanceError) {
        if start > 0 {
            let (s, count) = (start, end - start)
            buffer.withUnsafeMutableBytes { b in
                if count > 0 { _ = memmove(b.baseAddress!, b.baseAddress! + s, count) }
            }
            start = 0
            end = count
        }
        if end == buffer.count {
            var bigger = [UInt8](repeating: 0, count: 2 * buffer.count)
            bigger.withUnsafeMutableBytes { to in buffer.withUnsafeBytes { to.copyMemory(from: $0) } }
            buffer = bigger
        }
        let (fd, e) = (descriptor, end)
        while true {
            let n = buffer.withUnsafeMutableBytes { b in read(fd, b.baseAddress! + e, b.count - e) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(path: path, reason: SystemError.describe(errno))
            }
            if n == 0 { atEndOfFile = true } else { end += n }
            return
        }
    }
}
