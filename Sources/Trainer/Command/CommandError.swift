import Classifier

/// Why a `trainer` command failed. Every message of the tool is worded here, or in the error
/// of the layer below that it wraps (``DataError``, ``ModelFileError``, ``TrainingError``…).
///
/// Usage errors exit with status 64 (`EX_USAGE`) and are followed by the command's usage;
/// every other failure exits with status 1.
public enum CommandError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The command line is wrong, in the context of `command` (`nil`: before any command).
    case usage(UsageProblem, command: Subcommand?)
    /// Labelled data could not be read.
    case data(DataError)
    /// A model file could not be read.
    case model(ModelFileError)
    /// Training could not start.
    case training(TrainingError)
    /// Cross-validation could not run.
    case crossValidation(CrossValidationError)
    /// An output file could not be written.
    case write(AtomicFile.WriteError)

    /// What is wrong with a command line.
    public enum UsageProblem: Sendable, Equatable {
        /// No command was named.
        case missingCommand
        /// The command is not one of ``Subcommand``; `suggestion` is the closest one.
        case unknownCommand(String, suggestion: String?)
        /// The option is not one of the command's; `suggestion` is the closest one.
        case unknownOption(String, suggestion: String?)
        /// An option that takes a value came last, or before another option.
        case missingValue(option: String)
        /// A flag was given `=value`.
        case unexpectedValue(option: String, value: String)
        /// An option's value is malformed or out of range; `expected` says what it should be.
        case invalidValue(option: String, value: String, expected: String)
        /// A required option is missing; `placeholder` names its value.
        case missingOption(String, placeholder: String)
        /// A required positional argument is missing.
        case missingArgument(String)
        /// A positional argument the command does not take.
        case unexpectedArgument(String)
    }

    /// The process exit status: 64 for usage errors, 1 otherwise.
    public var exitStatus: Int32 {
        if case .usage = self { return 64 }
        return 1
    }

    /// The command whose usage follows a usage error.
    public var usageCommand: Subcommand? {
        if case .usage(_, let command) = self { return command }
        return nil
    }

    /// Whether this is a usage error.
    public var isUsageError: Bool { exitStatus == 64 }

    /// The one-line message.
    public var description: String {
        switch self {
        case .usage(let problem, let command):
            return Self.describe(problem, command: command)
        case .data(let error): return error.description
        case .model(let error): return error.description
        case .training(let error): return error.description
        case .crossValidation(let error): return error.description
        case .write(let error): return error.description
        }
    }

    private static func describe(_ problem: UsageProblem, command: Subcommand?) -> String {
        let context = command.map { " for 'trainer \($0.rawValue)'" } ?? ""
        switch problem {
        case .missingCommand:
            return "missing command; the commands are \(commandList)"
        case let .unknownCommand(name, suggestion):
            if let suggestion { return "unknown command '\(name)' (did you mean '\(suggestion)'?)" }
            return "unknown command '\(name)'; the commands are \(commandList)"
        case let .unknownOption(name, suggestion):
            if let suggestion { return "unknown option '\(name)'\(context) (did you mean '\(suggestion)'?)" }
            return "unknown option '\(name)'\(context)"
        case let .missingValue(option):
            return "option '\(option)' needs a value"
        case let .unexpectedValue(option, value):
            return "option '\(option)' takes no value, but was given '\(value)'"
        case let .invalidValue(option, value, expected):
            return "invalid value '\(value)' for '\(option)': expected \(expected)"
        case let .missingOption(option, placeholder):
            return "missing '\(option) \(placeholder)'"
        case let .missingArgument(name):
            return "missing \(name)"
        case let .unexpectedArgument(argument):
            return "unexpected argument '\(argument)'\(context)"
        }
    }

    private static var commandList: String {
        Subcommand.allCases.map(\.rawValue).joined(separator: ", ")
    }
}
