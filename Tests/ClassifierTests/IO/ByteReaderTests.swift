import Testing
@testable import Classifier

@Suite struct ByteReaderTests {
    @Test("little-endian integers and floats")
    func values() throws {
        var reader = ByteReader([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0, 0, 0x80, 0x3F])
        #expect(try reader.uint8() == 0x01)
        #expect(try reader.uint32() == 0x0504_0302)
        #expect(try reader.uint64() == 0x0D0C_0B0A_0908_0706)
        #expect(try reader.float32() == 1)
        #expect(reader.remaining == 0)
    }

    @Test("no read passes the end, and a failed read consumes nothing")
    func overrun() throws {
        var reader = ByteReader([1, 2, 3, 4, 5, 6, 7], from: 1, to: 5)
        #expect(throws: ByteReader.Overrun.self) { try reader.uint64() }
        #expect(reader.offset == 1)
        #expect(try reader.uint32() == 0x0504_0302)
        #expect(throws: ByteReader.Overrun.self) { try reader.uint8() }
        var skipping = ByteReader([1, 2, 3])
        #expect(throws: ByteReader.Overrun.self) { try skipping.skip(4) }
        #expect(throws: ByteReader.Overrun.self) { try skipping.skip(-1) }
        try skipping.skip(3)
        #expect(skipping.remaining == 0)
    }

    @Test("strings: length-prefixed UTF-8, bounded by the bytes left and a maximum")
    func strings() throws {
        let word = Array("سلام".utf8)
        var reader = ByteReader([UInt8(word.count), 0, 0, 0] + word)
        #expect(try reader.string(maximumLength: 100) == "سلام")
        var tooLong = ByteReader([UInt8(word.count), 0, 0, 0] + word)
        #expect(throws: ByteReader.Overrun.self) { try tooLong.string(maximumLength: word.count - 1) }
        var huge = ByteReader([0xFF, 0xFF, 0xFF, 0xFF, 0x41])
        #expect(throws: ByteReader.Overrun.self) { try huge.string(maximumLength: Int.max) }
        var invalid = ByteReader([2, 0, 0, 0, 0xD8, 0x41])
        #expect(try invalid.string(maximumLength: 10) == nil)
    }
}
