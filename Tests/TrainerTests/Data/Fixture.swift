import Foundation
@testable import Trainer

/// A fresh temporary directory for one test's data files, removed when the fixture goes away.
final class Fixture {
    let directory: String

    init() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("stance-readers-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        directory = url.path
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Writes `bytes` to `name` (which may contain subdirectories) and returns its path.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let path = directory + "/" + name
        let parent = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Writes the UTF-8 of `text` to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// The dataset in the file `name` holding `text`, read by `reader`.
    func read(_ name: String, _ text: String, reader: DatasetReader = DatasetReader()) throws -> Dataset {
        try reader.read(paths: [write(name, text)])
    }

    /// The error reading `text` from a file `name` with `reader`, as its message, with the file's
    /// path replaced by `FILE`; `nil` if reading succeeded.
    func error(_ name: String, _ text: String, reader: DatasetReader = DatasetReader()) throws -> String? {
        try error(name, bytes: Array(text.utf8), reader: reader)
    }

    /// The error reading `bytes` from a file `name` with `reader`, as in ``error(_:_:reader:)``.
    func error(_ name: String, bytes: [UInt8], reader: DatasetReader = DatasetReader()) throws -> String? {
        let path = try write(name, bytes: bytes)
        do {
            _ = try reader.read(paths: [path])
            return nil
        } catch {
            return error.description.replacingOccurrences(of: path, with: "FILE")
        }
    }
}
