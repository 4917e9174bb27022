import Testing
@testable import Classifier

/// Invalid UTF-8 becomes U+FFFD, one replacement per maximal invalid subpart (Unicode §3.9,
/// "U+FFFD Substitution of Maximal Subparts"; the WHATWG decoder does the same).
@Suite struct UTF8DecodingTests {
    /// Malformed input, why it is malformed, and what the normaliser makes of it.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let normalized: String
        var testDescription: String { name }

        init(_ name: String, _ bytes: [UInt8], _ normalized: String) {
            self.name = name
            self.bytes = bytes
            self.normalized = normalized
        }
    }

    static let replacement = "\u{FFFD}"

    /// `count` replacement characters.
    static func replacements(_ count: Int) -> String { String(repeating: replacement, count: count) }

    static let cases: [Case] = [
        Case("lone continuation byte", [0x80], replacement),
        Case("continuation byte between letters", [0x41, 0xBF, 0x42], "a\u{FFFD}b"),
        Case("run of continuation bytes, one replacement each", [0x80, 0x80, 0xBF], replacements(3)),
        Case("two-byte sequence truncated by the end", [0xD9], replacement),
        Case("two-byte sequence truncated by ASCII", [0xD9, 0x41], "\u{FFFD}a"),
        Case("three-byte sequence truncated: one replacement", [0xE2, 0x80], replacement),
        Case("truncated sequence before Arabic", [0xE2, 0x80, 0xD9, 0x86], "\u{FFFD}ن"),
        Case("four-byte sequence truncated: one replacement", [0xF0, 0x9F, 0x98], replacement),
        Case("truncated sequence before a space", [0xF0, 0x9F, 0x98, 0x20, 0x41], "\u{FFFD} a"),
        Case("overlong two-byte /", [0xC0, 0xAF], replacements(2)),
        Case("overlong two-byte A", [0xC1, 0x81], replacements(2)),
        Case("overlong three-byte /", [0xE0, 0x80, 0xAF], replacements(3)),
        Case("overlong U+07FF", [0xE0, 0x9F, 0xBF], replacements(3)),
        Case("overlong four-byte /", [0xF0, 0x80, 0x80, 0xAF], replacements(4)),
        Case("overlong U+FFFF", [0xF0, 0x8F, 0xBF, 0xBF], replacements(4)),
        Case("surrogate U+D800", [0xED, 0xA0, 0x80], replacements(3)),
        Case("surrogate U+DFFF", [0xED, 0xBF, 0xBF], replacements(3)),
        Case("surrogate pair (CESU-8)", [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80], replacements(6)),
        Case("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80], replacements(4)),
        Case("FF inside an Arabic word", Array("نف".utf8) + [0xFF] + Array("ت".utf8), "نف\u{FFFD}ت"),
        Case("valid BOM is removed", [0xEF, 0xBB, 0xBF] + Array("نفت".utf8), "نفت"),
    ]

    /// The normalised form of `bytes` as bytes.
    static func normalize(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        bytes.withUnsafeBufferPointer { Normalizer().normalize($0, into: &out) }
        return out
    }

    @Test("invalid UTF-8 becomes U+FFFD", arguments: cases)
    func invalid(_ c: Case) {
        #expect(Self.normalize(c.bytes) == Array(c.normalized.utf8))
    }

    @Test("the bytes F5–FF are never valid", arguments: UInt8(0xF5)...0xFF)
    func neverValidByte(_ byte: UInt8) {
        #expect(Self.normalize([byte]) == Array(Self.replacement.utf8))
        #expect(Self.normalize([0x61, byte, 0x80, 0x62]) == Array("a\u{FFFD}\u{FFFD}b".utf8))
    }

    @Test("decoding one scalar consumes the maximal invalid subpart",
          arguments: [
              ([UInt8(0x80)], UInt32(0xFFFD), 1),
              ([0xD9], 0xFFFD, 1),
              ([0xD9, 0x86], 0x0646, 2),
              ([0xC0, 0xAF], 0xFFFD, 1),
              ([0xE2, 0x80], 0xFFFD, 2),
              ([0xE2, 0x80, 0x41], 0xFFFD, 2),
              ([0xE0, 0x80, 0xAF], 0xFFFD, 1),
              ([0xE0, 0xA0, 0x80], 0x0800, 3),
              ([0xED, 0x9F, 0xBF], 0xD7FF, 3),
              ([0xED, 0xA0, 0x80], 0xFFFD, 1),
              ([0xF0, 0x9F, 0x98], 0xFFFD, 3),
              ([0xF0, 0x9F, 0x98, 0x80], 0x1F600, 4),
              ([0xF0, 0x80, 0x80, 0xAF], 0xFFFD, 1),
              ([0xF4, 0x8F, 0xBF, 0xBF], 0x10FFFF, 4),
              ([0xF4, 0x90, 0x80, 0x80], 0xFFFD, 1),
              ([0xF5, 0x80, 0x80, 0x80], 0xFFFD, 1),
              ([0xFF], 0xFFFD, 1),
          ])
    func decodeOne(_ bytes: [UInt8], _ scalar: UInt32, _ length: Int) {
        let decoded = bytes.withUnsafeBufferPointer { decodeScalarRepairing($0.baseAddress!, $0.count) }
        #expect(decoded.scalar == scalar)
        #expect(decoded.length == length)
    }

    @Test("decoding never reads past the end it is given")
    func decodeStopsAtEnd() {
        let bytes: [UInt8] = [0xF0, 0x9F, 0x98, 0x80]
        for count in 1..<bytes.count {
            let decoded = bytes.withUnsafeBufferPointer { decodeScalarRepairing($0.baseAddress!, count) }
            #expect(decoded.scalar == 0xFFFD)
            #expect(decoded.length == count)
        }
    }

    @Test("every scalar encodes as the standard library does and decodes back")
    func everyScalarRoundTrips() {
        var out: [UInt8] = []
        var mismatches = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            out.removeAll(keepingCapacity: true)
            appendUTF8(value, to: &out)
            let valid = out.withUnsafeBufferPointer { decodeValidScalar($0.baseAddress!) }
            let repaired = out.withUnsafeBufferPointer { decodeScalarRepairing($0.baseAddress!, $0.count) }
            if !out.elementsEqual(String(scalar).utf8) || valid != (value, out.count) || repaired != (value, out.count) {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }
}
