import Foundation
import Testing
@testable import Trainer

@Suite struct AtomicFileTests {
    /// A fresh directory, removed at the end of `body`.
    func inTemporaryDirectory(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stance-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    func contents(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    func listing(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    @Test("writes a new file, and leaves no temporary file behind")
    func writesNew() throws {
        try inTemporaryDirectory { directory in
            let path = directory + "/model.stance"
            try AtomicFile.write([1, 2, 3], to: path)
            #expect(try contents(path) == [1, 2, 3])
            #expect(try listing(directory) == ["model.stance"])
        }
    }

    @Test("writing over an existing file replaces it entirely, longer or shorter")
    func replaces() throws {
        try inTemporaryDirectory { directory in
            let path = directory + "/model.stance"
            try Data(repeating: 0xAA, count: 1000).write(to: URL(fileURLWithPath: path))
            try AtomicFile.write(Array("new".utf8), to: path)
            #expect(try contents(path) == Array("new".utf8))
            try AtomicFile.write([UInt8](repeating: 7, count: 5000), to: path)
            #expect(try contents(path) == [UInt8](repeating: 7, count: 5000))
            try AtomicFile.write([], to: path)
            #expect(try contents(path) == [])
            #expect(try listing(directory) == ["model.stance"])
        }
    }

    @Test("writing into a missing directory throws and creates nothing")
    func missingDirectory() throws {
        try inTemporaryDirectory { directory in
            let path = directory + "/absent/model.stance"
            #expect(throws: AtomicFile.WriteError(path: path, reason: "directory '\(directory)/absent' does not exist")) {
                try AtomicFile.write([1, 2, 3], to: path)
            }
            #expect(!FileManager.default.fileExists(atPath: directory + "/absent"))
            let left = try listing(directory)
            #expect(left.isEmpty)
            let error = AtomicFile.WriteError(path: path, reason: "directory '\(directory)/absent' does not exist")
            #expect(error.description == "cannot write '\(path)': directory '\(directory)/absent' does not exist")
        }
    }

    @Test("writing over a directory fails, leaves the directory as it was and no temporary file")
    func overDirectory() throws {
        try inTemporaryDirectory { directory in
            let target = directory + "/model.stance"
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
            try Data([9]).write(to: URL(fileURLWithPath: target + "/inside"))
            #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write([1, 2, 3], to: target) }
            #expect(try listing(directory) == ["model.stance"])
            #expect(try listing(target) == ["inside"])
        }
    }

    @Test("a path whose directory is a file is refused")
    func directoryIsAFile() throws {
        try inTemporaryDirectory { directory in
            let file = directory + "/plain"
            try Data([1]).write(to: URL(fileURLWithPath: file))
            #expect(throws: AtomicFile.WriteError(path: file + "/model.stance", reason: "directory '\(file)' does not exist")) {
                try AtomicFile.write([1], to: file + "/model.stance")
            }
            #expect(try contents(file) == [1])
        }
    }
}
