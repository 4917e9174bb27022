import Classifier

/// Everything that stops `stance`, with all of its wording in ``description``.
///
/// Usage errors exit 64 and are followed by the usage; every other failure exits 1.
enum StanceError: Error, Equatable, CustomStringConvertible {
    // MARK: Usage errors
    /// An option `stance` does not know, with the closest known one.
    case unknownOption(String, suggestion: String?)
    /// An option that needs a value was given none.
    case missingValue(option: String)
    /// A flag was given a value (`--multi-label=yes`).
    case unexpectedValue(option: String, value: String)
    /// A value that does not fit its option; `expected` says what would.
    case invalidValue(option: String, value: String, expected: String)
    /// Two options that exclude each other.
    case conflictingOptions(String, String)
    /// Sentences given as arguments together with `--input` or `--article`.
    case sentencesWithInput(option: String)
    /// An option that only means something together with another one.
    case needsOption(String, needs: String)
    /// `--explain` with a format that has no room for an explanation.
    case explainNeedsFormat(OutputFormat)

    // MARK: Failures
    /// An input file could not be opened or read; `path` is `-` for standard input.
    case cannotRead(path: String, reason: String)
    /// An article larger than `--article` accepts.
    case articleTooLarge(path: String, limit: Int)
    /// The model file (or the built-in model) is missing, damaged or forged.
    case model(ModelFileError)
    /// This build carries no built-in model.
    case noBuiltInModel
    /// Standard output could not be written.
    case cannotWrite(reason: String)

    /// Whether this is a mistake in the command line (exit 64, with the usage).
    var isUsageError: Bool {
        switch self {
        case .unknownOption, .missingValue, .unexpectedValue, .invalidValue, .conflictingOptions,
             .sentencesWithInput, .needsOption, .explainNeedsFormat:
            true
        case .cannotRead, .articleTooLarge, .model, .noBuiltInModel, .cannotWrite:
            false
        }
    }

    /// The exit status: 64 (`EX_USAGE`) for usage errors, 1 otherwise.
    var exitStatus: Int32 { isUsageError ? 64 : 1 }

    var description: String {
        switch self {
        case let .unknownOption(option, suggestion?):
            "unknown option '\(option)' (did you mean '\(suggestion)'?)"
        case let .unknownOption(option, nil):
            "unknown option '\(option)'"
        case let .missingValue(option):
            "option '\(option)' needs a value"
        case let .unexpectedValue(option, value):
            "option '\(option)' takes no value (got '\(value)')"
        case let .invalidValue(option, value, expected):
            "invalid value '\(value)' for '\(option)': expected \(expected)"
        case let .conflictingOptions(a, b):
            "'\(a)' and '\(b)' cannot be used together"
        case let .sentencesWithInput(option):
            "sentences given as arguments cannot be combined with '\(option)' (use one or the other)"
        case let .needsOption(option, needs):
            "'\(option)' only works together with '\(needs)'"
        case let .explainNeedsFormat(format):
            "'--explain' needs '--format text' or '--format jsonl' (\(format.rawValue) has no room for it)"
        case let .cannotRead(path, reason):
            "cannot read \(Self.name(of: path)): \(reason)"
        case let .articleTooLarge(path, limit):
            "\(path == "-" ? "the article on standard input" : "article '\(path)'") is larger than \(limit >> 20) MiB; classify it line by line with '--input' instead"
        case let .model(error):
            error.description
        case .noBuiltInModel:
            "this build of stance has no built-in model; pass one with '--model FILE'"
        case let .cannotWrite(reason):
            "cannot write to standard output: \(reason)"
        }
    }

    /// How messages name an input: quoted, or "standard input" for `-`.
    private static func name(of path: String) -> String {
        path == "-" ? "standard input" : "'\(path)'"
    }
}
