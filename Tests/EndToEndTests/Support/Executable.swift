import Foundation

/// Why a built executable could not be run.
struct ExecutableError: Error, CustomStringConvertible {
    var description: String
}

/// The built executable `name`: the newest of the products directory's own copy and the
/// sibling `release` and `debug` copies (so `swift build -c release` is tested once it is
/// newer than the debug build).
///
/// The products directory is the one holding the test bundle: on Linux the `.xctest` file is
/// the running executable; on macOS it is a bundle among `Bundle.allBundles`.
func executablePath(_ name: String) throws -> String {
    let files = FileManager.default
    var candidates: [URL] = []
    for products in productsDirectories() {
        let parent = products.deletingLastPathComponent()
        candidates += [parent.appendingPathComponent("release/\(name)"), products.appendingPathComponent(name),
                       parent.appendingPathComponent("debug/\(name)")]
    }
    let existing = candidates.compactMap { url -> (path: String, modified: Date)? in
        guard files.isExecutableFile(atPath: url.path),
              let modified = (try? files.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date else { return nil }
        return (url.standardizedFileURL.path, modified)
    }
    // Newest first; the first candidate (release) wins a tie.
    guard let newest = existing.enumerated().max(by: {
        $0.element.modified < $1.element.modified || ($0.element.modified == $1.element.modified && $0.offset < $1.offset)
    }) else {
        throw ExecutableError(description: "no built '\(name)' in \(candidates.map(\.path)); build it first (swift build)")
    }
    return newest.element.path
}

/// Directories that may hold the test bundle, most likely first.
private func productsDirectories() -> [URL] {
    var directories: [URL] = []
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        directories.append(bundle.bundleURL.deletingLastPathComponent())
    }
    if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
        directories.append(executable.deletingLastPathComponent())
    }
    let program = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    directories.append(program.deletingLastPathComponent())
    if let file = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
        directories.append(URL(fileURLWithPath: file).deletingLastPathComponent())
    }
    return directories
}

/// Runs the built executable `name` with `args`, feeding it `stdin` (an empty input when
/// `nil`), and returns its exit status and everything it wrote.
///
/// Output goes through temporary files rather than pipes, so a process writing a lot never
/// blocks. Invalid UTF-8 in the output is repaired to U+FFFD.
func runExecutable(_ name: String, _ args: [String], stdin: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
    let files = FileManager.default
    let scratch = files.temporaryDirectory.appendingPathComponent("run-\(name)-\(UUID().uuidString)")
    try files.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? files.removeItem(at: scratch) }
    let input = scratch.appendingPathComponent("stdin")
    let output = scratch.appendingPathComponent("stdout")
    let errors = scratch.appendingPathComponent("stderr")
    try Data((stdin ?? "").utf8).write(to: input)
    try Data().write(to: output)
    try Data().write(to: errors)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: try executablePath(name))
    process.arguments = args
    let inputHandle = try FileHandle(forReadingFrom: input)
    let outputHandle = try FileHandle(forWritingTo: output)
    let errorHandle = try FileHandle(forWritingTo: errors)
    defer {
        try? inputHandle.close()
        try? outputHandle.close()
        try? errorHandle.close()
    }
    process.standardInput = inputHandle
    process.standardOutput = outputHandle
    process.standardError = errorHandle
    try process.run()
    process.waitUntilExit()
    guard process.terminationReason == .exit else {
        throw ExecutableError(description: "'\(name) \(args.joined(separator: " "))' was killed by signal \(process.terminationStatus)")
    }
    return (process.terminationStatus,
            String(decoding: try Data(contentsOf: output), as: UTF8.self),
            String(decoding: try Data(contentsOf: errors), as: UTF8.self))
}
