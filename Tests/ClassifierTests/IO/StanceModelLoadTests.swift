import Foundation
import Testing
@testable import Classifier

/// Loading model files from disk.
@Suite struct StanceModelLoadTests {
    /// A fresh directory, removed by `body`'s end.
    func inTemporaryDirectory(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stance-load-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    func loadError(_ path: String) -> ModelFileError? {
        do {
            _ = try StanceModel.load(path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test("a missing file cannot be read: no such file")
    func missing() throws {
        try inTemporaryDirectory { directory in
            let path = directory + "/absent.stance"
            #expect(loadError(path) == .cannotRead(path: path, reason: "no such file"))
            #expect(loadError(path)?.description == "cannot read model '\(path)': no such file")
        }
    }

    @Test("a directory cannot be read as a model")
    func directory() throws {
        try inTemporaryDirectory { directory in
            #expect(loadError(directory) == .cannotRead(path: directory, reason: "not a regular file"))
            #expect(loadError(directory)?.description == "cannot read model '\(directory)': not a regular file")
        }
    }

    @Test("a text file is not a model; an empty file neither")
    func notAModel() throws {
        try inTemporaryDirectory { directory in
            let text = directory + "/train.tsv"
            try Data("نفت الحكومة\tdenial\n".utf8).write(to: URL(fileURLWithPath: text))
            #expect(loadError(text) == .notAModel(path: text))
            #expect(loadError(text)?.description == "'\(text)' is not a Stance model file (it does not start with the model signature)")
            let empty = directory + "/empty.stance"
            try Data().write(to: URL(fileURLWithPath: empty))
            #expect(loadError(empty) == .notAModel(path: empty))
        }
    }

    @Test("a model of a future format version is refused by version")
    func futureVersion() throws {
        try inTemporaryDirectory { directory in
            var future = ModelFileAssembler.naiveBayes()
            future.version = 2
            let path = directory + "/future.stance"
            try Data(future.bytes).write(to: URL(fileURLWithPath: path))
            #expect(loadError(path) == .unsupportedVersion(path: path, version: 2))
        }
    }

    @Test("a valid file loads as it decodes, and errors name the path")
    func loads() throws {
        try inTemporaryDirectory { directory in
            let bytes = ModelFileAssembler.naiveBayes().bytes
            let path = directory + "/nb.stance"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let loaded = try StanceModel.load(path: path)
            let decoded = try StanceModel.decode(bytes, source: "memory")
            #expect(loaded.algorithm == decoded.algorithm)
            #expect(loaded.labels == decoded.labels)
            #expect(loaded.classify("نعم لا") == decoded.classify("نعم لا"))
            try Data(bytes.dropLast()).write(to: URL(fileURLWithPath: path))
            #expect(loadError(path) == .lengthMismatch(path: path, declared: UInt64(bytes.count), actual: bytes.count - 1))
        }
    }
}
