import Testing
@testable import Trainer

@Suite("UTF-8 validation")
struct UTF8ValidationTests {
    @Test(arguments: ["", "ascii", "نفت الوزارة", "ﻻ", "😀", "\u{10FFFF}", "\u{D7FF}\u{E000}"])
    func acceptsWellFormedText(text: String) {
        #expect(UTF8Validation.firstInvalidByte(in: Array(text.utf8)) == nil)
    }

    @Test(arguments: [
        ([0x80], 0), ([0x61, 0xC1, 0xBF], 1), ([0xE0, 0x9F, 0xBF], 0), ([0xED, 0xA0, 0x80], 0),
        ([0xF0, 0x8F, 0xBF, 0xBF], 0), ([0xF4, 0x90, 0x80, 0x80], 0), ([0xF5, 0x80, 0x80, 0x80], 0),
        ([0x61, 0x62, 0xD9], 2), ([0xE2, 0x82], 0), ([0xD9, 0x86, 0xD9, 0x41], 2), ([0xFF], 0),
    ] as [([UInt8], Int)])
    func findsTheFirstBadByte(bytes: [UInt8], offset: Int) {
        #expect(UTF8Validation.firstInvalidByte(in: bytes) == offset)
        // The standard library agrees that these bytes are not UTF-8.
        #expect(String(validatingCString: bytes.map { CChar(bitPattern: $0) } + [0]) == nil)
    }
}
