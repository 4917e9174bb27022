/// How the tokeniser and the sentence splitter see one scalar.
enum ScalarClass: UInt8 {
    case space
    case letter
    case digit
    case punctuation
    case quote
    /// Hyphen, slash, apostrophe, underscore: join two letters or digits into one token.
    case joiner
    /// Full stop, comma and the Arabic decimal and thousands separators: join two digits.
    case numberSeparator

    /// Classes of every scalar below U+0800, computed once.
    static let low: [ScalarClass] = (0..<UInt32(0x800)).map { classify($0) }

    /// The class of `scalar`.
    @inline(__always)
    static func of(_ scalar: UInt32) -> ScalarClass {
        scalar < 0x800 ? low[Int(scalar)] : classify(scalar)
    }

    static func classify(_ s: UInt32) -> ScalarClass {
        switch s {
        case 0x20, 0x09...0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return .space
        case 0x22, 0xAB, 0xBB, 0x201C...0x201F, 0x2039, 0x203A, 0x300C...0x300F:
            return .quote
        case 0x27, 0x2018, 0x2019:
            // An apostrophe between letters is part of a word (o'brien); elsewhere a quote.
            return .joiner
        case 0x2D, 0x2F, 0x5F, 0x2010, 0x2011:
            return .joiner
        case 0x2E, 0x2C, ArabicScalars.arabicDecimalSeparator, ArabicScalars.arabicThousandsSeparator:
            return .numberSeparator
        case 0x30...0x39, ArabicScalars.arabicIndicDigits, ArabicScalars.extendedArabicIndicDigits:
            return .digit
        default:
            break
        }
        guard let scalar = Unicode.Scalar(s) else { return .punctuation }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark || properties.generalCategory == .enclosingMark {
            return .letter
        }
        if properties.numericType == .decimal { return .digit }
        switch properties.generalCategory {
        case .format, .control: return .space
        case .initialPunctuation, .finalPunctuation: return .quote
        default: return .punctuation
        }
    }
}
