import Foundation

/// Shows training progress on a terminal: each line with the time since the start and, for
/// a line reporting `iteration K/N`, an estimate of the time left in that phase (an upper
/// bound, since early stopping may end it sooner).
final class ProgressPrinter: @unchecked Sendable {
    private let write: @Sendable (String) -> Void
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    // Guarded by `lock`: progress may be reported from any thread.
    private let lock = NSLock()
    private var phase: (name: String, start: ContinuousClock.Instant)?
    private var lastReport: ContinuousClock.Instant

    init(_ write: @escaping @Sendable (String) -> Void) {
        self.write = write
        start = clock.now
        lastReport = start
    }

    func report(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        let now = clock.now
        var line = "[\(Self.duration(now - start))] \(message)"
        if let (name, done, total) = Self.iteration(in: message), done > 0 {
            // A phase's first report arrives some iterations in; it began at the report before.
            if phase?.name != name { phase = (name, lastReport) }
            let perIteration = Self.seconds(now - (phase?.start ?? now)) / Double(done)
            line += ", ETA \(Self.duration(.seconds(perIteration * Double(max(0, total - done)))))"
        } else {
            phase = nil
        }
        lastReport = now
        write(line + "\n")
    }

    /// The phase name (text before the last `iteration`), K and N of a progress line.
    static func iteration(in message: String) -> (phase: String, done: Int, total: Int)? {
        guard let range = message.range(of: "iteration ", options: .backwards) else { return nil }
        let rest = message[range.upperBound...]
        let numbers = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "/") }.split(separator: "/")
        guard numbers.count == 2, let done = Int(numbers[0]), let total = Int(numbers[1]) else { return nil }
        return (String(message[..<range.lowerBound]), done, total)
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// `4.2s`, `3m 05s`, `1h 02m`.
    static func duration(_ d: Duration) -> String {
        let s = max(0, seconds(d))
        if s < 60 { return String(format: "%.1fs", s) }
        let whole = Int(s.rounded())
        if whole < 3600 { return String(format: "%dm %02ds", whole / 60, whole % 60) }
        return String(format: "%dh %02dm", whole / 3600, (whole % 3600) / 60)
    }
}
