#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output through one large byte buffer: big writes to files and pipes, a write per
/// line on a terminal, so that output is fast when redirected and immediate when watched.
struct OutputSink {
    /// Bytes not yet written.
    var buffer: [UInt8] = []
    /// Whether standard output is a terminal.
    let isInteractive: Bool
    private let descriptor: Int32

    /// Buffered bytes that trigger a write.
    static let writeSize = 1 << 20

    /// A sink writing to file descriptor `descriptor` (standard output by default).
    init(descriptor: Int32 = 1) {
        self.descriptor = descriptor
        self.isInteractive = isatty(descriptor) != 0
        buffer.reserveCapacity(Self.writeSize + (64 << 10))
    }

    /// Call after each complete line: writes on a terminal, or when the buffer is full.
    mutating func endLine() throws(StanceError) {
        if isInteractive || buffer.count >= Self.writeSize { try flush() }
    }

    /// Writes everything buffered.
    mutating func flush() throws(StanceError) {
        var written = 0
        let failure: Int32? = buffer.withUnsafeBytes { bytes in
            while written < bytes.count {
                let n = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            return nil
        }
        buffer.removeAll(keepingCapacity: true)
        if let failure { throw .cannotWrite(reason: SystemError.describe(failure)) }
    }
}

/// Readable reasons for `errno` values.
enum SystemError {
    /// A short, lower-case reason: "no such file", "permission denied"…
    static func describe(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES: "permission denied"
        case EISDIR: "it is a directory"
        case EPIPE: "the reader has gone (broken pipe)"
        case ENOSPC: "no space left on the device"
        default: String(cString: strerror(code))
        }
    }
}
