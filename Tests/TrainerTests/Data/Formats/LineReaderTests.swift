import Foundation
import Testing
@testable import Trainer

@Suite("Splitting files into lines")
struct LineReaderTests {
    /// The lines of `bytes` read with the given chunk size and limit.
    func lines(_ bytes: [UInt8], chunkSize: Int, limit: Int = 100) throws -> [LineReader.Line] {
        let fixture = try Fixture()
        let path = try fixture.write("lines.tsv", bytes: bytes)
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var reader = LineReader(handle: handle, path: path, limit: limit, chunkSize: chunkSize)
        var result: [LineReader.Line] = []
        var expected = 1
        while let (number, line) = try reader.next() {
            #expect(number == expected)
            expected += 1
            result.append(line)
        }
        return result
    }

    @Test(arguments: [1, 2, 3, 5, 64])
    func splitsAtLFAndDropsCRAndBOMWhateverTheChunks(chunkSize: Int) throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("ab\r\n\ncd\r\n\r\nef\u{FEFF}\rg".utf8)
        #expect(try lines(bytes, chunkSize: chunkSize) == [
            .bytes(Array("ab".utf8)), .bytes([]), .bytes(Array("cd".utf8)), .bytes([]),
            .bytes(Array("ef\u{FEFF}\rg".utf8)),
        ])
    }

    @Test func anEmptyFileHasNoLines() throws {
        #expect(try lines([], chunkSize: 4).isEmpty)
        #expect(try lines(Array("\n".utf8), chunkSize: 4) == [.bytes([])])
    }

    @Test(arguments: [1, 3, 7, 1024])
    func countsTooLongLinesWithoutTheCR(chunkSize: Int) throws {
        let long = [UInt8](repeating: 0x61, count: 25)
        let bytes = Array("ok\n".utf8) + long + [0x0D, 0x0A] + Array("x".utf8) + long + Array("\nend".utf8)
        #expect(try lines(bytes, chunkSize: chunkSize, limit: 25) == [
            .bytes(Array("ok".utf8)), .bytes(long), .tooLong(length: 26), .bytes(Array("end".utf8)),
        ])
    }
}
