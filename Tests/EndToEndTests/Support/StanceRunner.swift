import Foundation

/// What a run of a built executable gave back.
struct ProcessOutput {
    var status: Int32
    var stdout: [UInt8]
    var stderr: [UInt8]

    /// Standard output as text (invalid UTF-8 repaired).
    var out: String { String(decoding: stdout, as: UTF8.self) }
    /// Standard error as text.
    var err: String { String(decoding: stderr, as: UTF8.self) }
    /// The lines of standard output, without their line breaks.
    var lines: [String] {
        var lines = stdout.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// Runs the products this package builds (`stance`, `trainer`) as a user would, with byte-exact
/// standard input and output, so that invalid UTF-8 can go in and be checked coming out (the
/// shared ``runExecutable(_:_:stdin:)`` speaks `String`). Binaries are found by ``executablePath(_:)``.
enum StanceRunner {
    /// Runs product `name` with `arguments`, feeding it `stdin` (an empty input when `nil`).
    static func run(_ name: String, _ arguments: [String], stdin: [UInt8]? = nil) throws -> ProcessOutput {
        let directory = try TemporaryDirectory()
        let input = try directory.write("stdin", stdin ?? [])
        let output = try directory.write("stdout", [])
        let errors = try directory.write("stderr", [])

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executablePath(name))
        process.arguments = arguments
        // Files, not pipes: no deadlock however much the process writes.
        let handles = (try FileHandle(forReadingFrom: URL(fileURLWithPath: input)),
                       try FileHandle(forWritingTo: URL(fileURLWithPath: output)),
                       try FileHandle(forWritingTo: URL(fileURLWithPath: errors)))
        defer {
            try? handles.0.close()
            try? handles.1.close()
            try? handles.2.close()
        }
        process.standardInput = handles.0
        process.standardOutput = handles.1
        process.standardError = handles.2
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit else {
            throw ExecutableError(description: "'\(name) \(arguments.joined(separator: " "))' was killed by signal \(process.terminationStatus)")
        }
        return ProcessOutput(status: process.terminationStatus,
                             stdout: [UInt8](try Data(contentsOf: URL(fileURLWithPath: output))),
                             stderr: [UInt8](try Data(contentsOf: URL(fileURLWithPath: errors))))
    }

    /// Runs `stance` with text on standard input.
    static func stance(_ arguments: [String], stdin: String) throws -> ProcessOutput {
        try run("stance", arguments, stdin: Array(stdin.utf8))
    }

    /// Runs `stance`.
    static func stance(_ arguments: [String], stdin: [UInt8]? = nil) throws -> ProcessOutput {
        try run("stance", arguments, stdin: stdin)
    }
}

/// A fresh temporary directory, removed when the value is released.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stance-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    /// The path of `name` inside the directory.
    func file(_ name: String) -> String { path + "/" + name }

    /// Writes `bytes` to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Writes `text` to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
