import Foundation

/// Where a command writes: results to standard output, diagnostics and progress to standard
/// error. Injected so that commands can be run and checked inside tests.
public struct Console: Sendable {
    /// Writes to standard output.
    public var write: @Sendable (String) -> Void
    /// Writes to standard error.
    public var writeError: @Sendable (String) -> Void
    /// Whether standard error is a terminal, where progress is shown.
    public var errorIsTerminal: Bool

    public init(write: @escaping @Sendable (String) -> Void, writeError: @escaping @Sendable (String) -> Void,
                errorIsTerminal: Bool) {
        self.write = write
        self.writeError = writeError
        self.errorIsTerminal = errorIsTerminal
    }

    /// The process's standard output and error, written straight to the file descriptors (no
    /// buffering), so output order is kept when both go to the same place.
    public static var standard: Console {
        Console(write: { writeAll($0, to: 1) }, writeError: { writeAll($0, to: 2) }, errorIsTerminal: isatty(2) != 0)
    }

    /// Writes all of `text` to file descriptor `fd`, giving up silently if it is closed.
    private static func writeAll(_ text: String, to fd: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    /// A receiver of progress lines: a ``ProgressPrinter`` on a terminal, silence otherwise.
    func progress() -> @Sendable (String) -> Void {
        guard errorIsTerminal else { return { _ in } }
        let printer = ProgressPrinter(writeError)
        return { printer.report($0) }
    }
}
