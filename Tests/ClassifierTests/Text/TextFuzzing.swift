/// Deterministic random inputs for the property tests of the text pipeline and the features.
enum TextFuzzing {
    /// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", 2014):
    /// tiny, fast and fully determined by its seed, so a failing case can be replayed.
    struct SplitMix64: RandomNumberGenerator {
        private var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Cases per property test.
    static let caseCount = 3000

    /// Every Unicode space the normaliser turns into one ASCII space.
    static let spaces: [UInt32] = [
        0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
        0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
    ]

    /// Invisible format characters the normaliser removes.
    static let invisibles: [UInt32] = [
        0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
        0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFE0F, 0x00AD, 0x180E,
    ]

    /// Punctuation, quotes and joiners that the tokeniser and the splitter treat specially.
    static let punctuation: [UInt32] = [
        0x2E, 0x2C, 0x21, 0x3F, 0x3A, 0x3B, 0x28, 0x29, 0x5B, 0x5D, 0x2D, 0x2F, 0x27, 0x22, 0x5F,
        0x060C, 0x061B, 0x061F, 0x06D4, 0x066B, 0x066C, 0xAB, 0xBB, 0x201C, 0x201D, 0x2018, 0x2019,
        0x2026, 0x2039, 0x203A, 0xFD3E, 0xFD3F,
    ]

    static let emoji: [UInt32] = [0x1F600, 0x1F1F8, 0x1F1E6, 0x1F44D, 0x1F3FD, 0x2764, 0x1F525]

    /// A scalar drawn mostly from Arabic letters, with marks, presentation forms, digits, spaces
    /// of every kind, invisible characters, punctuation, Latin and emoji mixed in.
    static func arabicHeavyScalar(_ rng: inout SplitMix64) -> Unicode.Scalar {
        let value: UInt32
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<40: value = UInt32.random(in: 0x0621...0x064A, using: &rng)
        case 40..<48: value = UInt32.random(in: 0x064B...0x065F, using: &rng)
        case 48..<50: value = [0x0670, 0x0640, 0x0671, 0x06A9, 0x06CC, 0x06C0].randomElement(using: &rng)!
        case 50..<52: value = UInt32.random(in: 0x06D6...0x06ED, using: &rng)
        case 52..<54: value = UInt32.random(in: 0x0610...0x061A, using: &rng)
        case 54..<58: value = UInt32.random(in: 0xFE70...0xFEFC, using: &rng)
        case 58..<60: value = UInt32.random(in: 0xFB50...0xFDFF, using: &rng)
        case 60..<64: value = [0x0660, 0x06F0, 0x30].randomElement(using: &rng)! + UInt32.random(in: 0...9, using: &rng)
        case 64..<74: value = spaces.randomElement(using: &rng)!
        case 74..<78: value = invisibles.randomElement(using: &rng)!
        case 78..<86: value = punctuation.randomElement(using: &rng)!
        case 86..<92: value = UInt32.random(in: 0x41...0x7A, using: &rng)
        case 92..<94: value = UInt32.random(in: 0xC0...0x24F, using: &rng)
        case 94..<96: value = emoji.randomElement(using: &rng)!
        case 96..<98: value = UInt32.random(in: 0x00...0x7F, using: &rng)
        default: value = UInt32.random(in: 0x80...0x10FFFF, using: &rng)
        }
        // Surrogate code points are not scalars; the fallback is a letter.
        return Unicode.Scalar(value) ?? "ب"
    }

    /// A string of up to `maximumLength` scalars from ``arabicHeavyScalar(_:)``.
    static func arabicHeavyString(_ rng: inout SplitMix64, maximumLength: Int = 40) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...maximumLength, using: &rng) {
            scalars.append(arabicHeavyScalar(&rng))
        }
        return String(scalars)
    }

    /// Bytes that are often not valid UTF-8: random bytes, fragments of valid Arabic sequences
    /// (so truncations and stray continuation bytes are common) and the classic invalid forms.
    static func bytes(_ rng: inout SplitMix64, maximumLength: Int = 48) -> [UInt8] {
        var bytes: [UInt8] = []
        let length = Int.random(in: 0...maximumLength, using: &rng)
        while bytes.count < length {
            switch Int.random(in: 0..<6, using: &rng) {
            case 0:
                bytes.append(UInt8.random(in: 0...255, using: &rng))
            case 1:
                bytes.append(UInt8.random(in: 0x80...0xFF, using: &rng))
            case 2:
                let fragments: [[UInt8]] = [
                    [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xF0, 0x80, 0x80, 0xAF], [0xED, 0xA0, 0x80],
                    [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5], [0xFF], [0xD9], [0xE2, 0x80],
                    [0xF0, 0x9F, 0x98], [0xEF, 0xBB, 0xBF], [0xE2, 0x80, 0x8F], [0xC2, 0xA0],
                ]
                bytes += fragments.randomElement(using: &rng)!
            default:
                var scalar = String(arabicHeavyScalar(&rng)).utf8.map { $0 }
                if scalar.count > 1 && Int.random(in: 0..<4, using: &rng) == 0 {
                    scalar.removeLast(Int.random(in: 1..<scalar.count, using: &rng))
                }
                bytes += scalar
            }
        }
        return bytes
    }

    /// Whether `bytes` are valid UTF-8, checked by hand so the test does not trust the decoder it tests.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i]
            let length: Int, minimum: UInt32
            switch b0 {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return false
            }
            guard i + length <= bytes.count else { return false }
            var value = UInt32(b0) & (0xFF >> (length + 1))
            for k in 1..<length {
                guard bytes[i + k] & 0xC0 == 0x80 else { return false }
                value = value << 6 | UInt32(bytes[i + k] & 0x3F)
            }
            guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return false }
            i += length
        }
        return true
    }
}
