/// Splits the arguments of one command into options and positional arguments.
///
/// Understands `--name value`, `--name=value`, `-o value`, `-` alone (standard input) as a
/// positional argument, and `--`, after which everything is positional.
struct ArgumentScanner {
    /// One argument, as the command's parser sees it.
    enum Item: Equatable {
        /// An option name such as `--seed` or `-o`, without any `=value`.
        case option(String)
        /// A positional argument.
        case positional(String)
    }

    private let arguments: [String]
    private var index = 0
    private var optionsEnded = false
    /// The `=value` part of the option last returned by ``next()``.
    private var inlineValue: String?
    /// The command being parsed, named in errors.
    let command: Subcommand?

    init(_ arguments: some Sequence<String>, command: Subcommand?) {
        self.arguments = Array(arguments)
        self.command = command
    }

    /// The next argument, or `nil` at the end.
    mutating func next() -> Item? {
        inlineValue = nil
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !Self.looksLikeOption(argument) { return .positional(argument) }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                inlineValue = String(argument[argument.index(after: equals)...])
                return .option(String(argument[..<equals]))
            }
            return .option(argument)
        }
        return nil
    }

    /// The value of `option`, the option just returned by ``next()``: its `=value` or the
    /// next argument.
    mutating func value(of option: String) throws(CommandError) -> String {
        if let inlineValue {
            self.inlineValue = nil
            return inlineValue
        }
        guard index < arguments.count, !Self.looksLikeOption(arguments[index]) else {
            throw .usage(.missingValue(option: option), command: command)
        }
        index += 1
        return arguments[index - 1]
    }

    /// Checks that `option`, a flag just returned by ``next()``, was not given a value.
    mutating func flag(_ option: String) throws(CommandError) {
        if let inlineValue {
            throw .usage(.unexpectedValue(option: option, value: inlineValue), command: command)
        }
    }

    /// Whether `argument` is an option name (`-x`, `--name`, `--`) rather than a value: `-`
    /// alone and negative numbers are values.
    static func looksLikeOption(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), argument != "-" else { return false }
        return Double(argument) == nil
    }

    /// Whether `arguments` ask for help before any `--`.
    static func asksForHelp(_ arguments: some Sequence<String>) -> Bool {
        for argument in arguments {
            if argument == "--" { return false }
            if argument == "-h" || argument == "--help" { return true }
        }
        return false
    }
}
