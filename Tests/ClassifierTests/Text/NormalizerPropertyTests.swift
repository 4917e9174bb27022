import Testing
@testable import Classifier

/// Invariants of the normaliser on thousands of random inputs, each test with its own seed.
@Suite struct NormalizerPropertyTests {
    static func normalize(_ bytes: [UInt8], _ normalizer: Normalizer) -> [UInt8] {
        var out: [UInt8] = []
        bytes.withUnsafeBufferPointer { normalizer.normalize($0, into: &out) }
        return out
    }

    /// Why `output` is not well formed (valid UTF-8, single spaces, trimmed), or `nil`.
    static func malformation(_ output: [UInt8]) -> String? {
        if !TextFuzzing.isValidUTF8(output) { return "invalid UTF-8" }
        if output.first == 0x20 { return "leading space" }
        if output.last == 0x20 { return "trailing space" }
        for k in output.indices.dropFirst() where output[k] == 0x20 && output[k - 1] == 0x20 { return "double space" }
        return nil
    }

    /// A scalar that the default rules should have removed or replaced, or `nil`.
    static func leftover(_ output: String) -> Unicode.Scalar? {
        output.unicodeScalars.first { scalar in
            let v = scalar.value
            if scalar.properties.isWhitespace && v != 0x20 { return true }
            if TextFuzzing.invisibles.contains(v) || TextFuzzing.spaces.contains(v) && v != 0x20 { return true }
            if (0x00...0x1F).contains(v) || (0x7F...0x9F).contains(v) { return true }
            if (0x0610...0x061A).contains(v) || (0x064B...0x065F).contains(v) || v == 0x0670 { return true }
            if (0x06D6...0x06ED).contains(v) || v == 0x0640 { return true }
            if [0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673, 0x0649, 0x06A9, 0x06CC, 0x06C0].contains(v) { return true }
            if (0x0660...0x0669).contains(v) || (0x06F0...0x06F9).contains(v) { return true }
            if (0xFB50...0xFDFF).contains(v) || (0xFE70...0xFEFE).contains(v) {
                return !PresentationForms.expansion(of: v).isEmpty
            }
            if v < 0x800 && scalar.properties.changesWhenLowercased
                && scalar.properties.lowercaseMapping.unicodeScalars.count == 1 {
                return true
            }
            return false
        }
    }

    /// The default normaliser and 31 with random settings (built once: a normaliser builds its table).
    static func normalizers(_ rng: inout TextFuzzing.SplitMix64) -> [Normalizer] {
        [Normalizer()] + (1..<32).map { _ in
            Normalizer(settings: NormalizerSettings(bits: UInt32.random(in: 0..<(1 << NormalizerSettings.bitCount), using: &rng))!)
        }
    }

    @Test("normalisation is idempotent on Arabic-heavy text, under random settings")
    func idempotent() {
        var rng = TextFuzzing.SplitMix64(seed: 0x1DE4_907E)
        let normalizers = Self.normalizers(&rng)
        for _ in 0..<TextFuzzing.caseCount {
            let normalizer = normalizers.randomElement(using: &rng)!
            let text = TextFuzzing.arabicHeavyString(&rng)
            let once = normalizer.normalize(text)
            let twice = normalizer.normalize(once)
            #expect(Array(twice.utf8) == Array(once.utf8), "\(Array(text.unicodeScalars)) under \(normalizer.settings)")
        }
    }

    @Test("normalised text is well formed and holds nothing the rules remove")
    func normalForm() {
        var rng = TextFuzzing.SplitMix64(seed: 0x0F02_3A11)
        let normalizer = Normalizer()
        for _ in 0..<TextFuzzing.caseCount {
            let text = TextFuzzing.arabicHeavyString(&rng)
            let output = normalizer.normalize(text)
            #expect(Self.malformation(Array(output.utf8)) == nil, "\(Array(text.unicodeScalars))")
            #expect(Self.leftover(output) == nil, "\(Array(text.unicodeScalars))")
        }
    }

    @Test("random bytes never crash the normaliser and give valid, trimmed, single-spaced UTF-8")
    func randomBytes() {
        var rng = TextFuzzing.SplitMix64(seed: 0xB17E_5EED)
        let normalizers = Self.normalizers(&rng)
        for _ in 0..<TextFuzzing.caseCount {
            let normalizer = normalizers.randomElement(using: &rng)!
            let bytes = TextFuzzing.bytes(&rng)
            let output = Self.normalize(bytes, normalizer)
            #expect(Self.malformation(output) == nil, "\(bytes)")
            #expect(String(validating: output, as: UTF8.self) != nil, "\(bytes)")
            // Normalising bytes is idempotent too.
            #expect(Self.normalize(output, normalizer) == output, "\(bytes)")
        }
    }

    @Test("bytes are repaired exactly as the standard library repairs them")
    func repairMatchesStandardLibrary() {
        var rng = TextFuzzing.SplitMix64(seed: 0x5EED_F00D)
        let normalizer = Normalizer()
        for _ in 0..<TextFuzzing.caseCount {
            let bytes = TextFuzzing.bytes(&rng)
            let repaired = String(decoding: bytes, as: UTF8.self)
            #expect(Self.normalize(bytes, normalizer) == Array(normalizer.normalize(repaired).utf8), "\(bytes)")
        }
    }

    @Test("appending to a buffer leaves what was there and adds exactly the normal form")
    func appends() {
        var rng = TextFuzzing.SplitMix64(seed: 0xA99E_17D5)
        let normalizer = Normalizer()
        for _ in 0..<200 {
            let prefix = Array(TextFuzzing.arabicHeavyString(&rng, maximumLength: 8).utf8)
            let bytes = TextFuzzing.bytes(&rng)
            var out = prefix
            bytes.withUnsafeBufferPointer { normalizer.normalize($0, into: &out) }
            #expect(out == prefix + Self.normalize(bytes, normalizer))
        }
    }
}
