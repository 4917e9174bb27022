import Classifier

extension TrainerOptions {
    /// The options of a `trainer` command line, without the program name.
    ///
    /// Pure: reads nothing but `arguments`, so every rule is testable. `-h`/`--help` anywhere
    /// before `--` asks for the help of the command named first.
    ///
    /// - Throws: ``CommandError/usage(_:command:)`` for anything malformed.
    public static func parse(_ arguments: [String]) throws(CommandError) -> TrainerOptions {
        guard let first = arguments.first else { throw .usage(.missingCommand, command: nil) }
        let rest = arguments.dropFirst()
        switch first {
        case "-h", "--help":
            return .help(nil)
        case "help":
            guard let name = rest.first else { return .help(nil) }
            return .help(try subcommand(named: name))
        case "--version":
            if let extra = rest.first { throw .usage(.unexpectedArgument(extra), command: nil) }
            return .version
        default:
            if ArgumentScanner.looksLikeOption(first) {
                let suggestion = EditDistance.closest(to: first, among: ["--help", "--version"])
                throw .usage(.unknownOption(first, suggestion: suggestion), command: nil)
            }
        }
        let command = try subcommand(named: first)
        if ArgumentScanner.asksForHelp(rest) { return .help(command) }
        var scanner = ArgumentScanner(rest, command: command)
        switch command {
        case .train: return .train(try parseTrain(&scanner))
        case .evaluate: return .evaluate(try parseEvaluate(&scanner))
        case .crossValidate: return .crossValidate(try parseCrossValidate(&scanner))
        case .calibrate: return .calibrate(try parseCalibrate(&scanner))
        case .inspect: return .inspect(try parseInspect(&scanner))
        case .lint: return .lint(try parseLint(&scanner))
        }
    }

    private static func subcommand(named name: String) throws(CommandError) -> Subcommand {
        guard let command = Subcommand(rawValue: name) else {
            let suggestion = EditDistance.closest(to: name, among: Subcommand.allCases.map(\.rawValue))
            throw .usage(.unknownCommand(name, suggestion: suggestion), command: nil)
        }
        return command
    }

    // MARK: Commands

    private static func parseTrain(_ scanner: inout ArgumentScanner) throws(CommandError) -> TrainOptions {
        var options = TrainOptions()
        var files: [String] = []
        var output: String?
        var features = FeatureSettings.builtIn
        while let item = scanner.next() {
            switch item {
            case .positional(let file): files.append(file)
            case .option(let name):
                switch name {
                case "-o", "--output": output = try scanner.value(of: name)
                case "--swift-source": options.swiftSource = try scanner.value(of: name)
                default:
                    if try training(name, &scanner, &options.configuration) { continue }
                    if try feature(name, &scanner, &features) { continue }
                    if try data(name, &scanner, &options.data) { continue }
                    throw unknown(name, scanner.command)
                }
            }
        }
        guard let output else { throw .usage(.missingOption("-o", placeholder: "MODEL"), command: .train) }
        options.output = output
        if !files.isEmpty { options.files = files }
        options.configuration.features = features
        return options
    }

    private static func parseEvaluate(_ scanner: inout ArgumentScanner) throws(CommandError) -> EvaluateOptions {
        var options = EvaluateOptions()
        var files: [String] = []
        var model: String?
        while let item = scanner.next() {
            switch item {
            case .positional(let file): files.append(file)
            case .option(let name):
                switch name {
                case "-m", "--model": model = try scanner.value(of: name)
                case "--format": options.reportFormat = try choice(name, &scanner)
                case "--errors": options.errors = try integer(name, &scanner, 0...Int(Int32.max))
                case "--data-format": options.data.format = try choice(name, &scanner) as DataFormat
                default:
                    if try data(name, &scanner, &options.data, allowingFormat: false, allowingSkip: false) { continue }
                    throw unknown(name, scanner.command)
                }
            }
        }
        guard let model else { throw .usage(.missingOption("-m", placeholder: "MODEL"), command: .evaluate) }
        options.model = model
        if !files.isEmpty { options.files = files }
        return options
    }

    private static func parseCrossValidate(_ scanner: inout ArgumentScanner) throws(CommandError) -> CrossValidateOptions {
        var options = CrossValidateOptions()
        var files: [String] = []
        var folds: Int?
        var features = FeatureSettings.builtIn
        while let item = scanner.next() {
            switch item {
            case .positional(let file): files.append(file)
            case .option(let name):
                if name == "--folds" {
                    folds = try integer(name, &scanner, 2...1_000_000)
                    continue
                }
                if try training(name, &scanner, &options.configuration) { continue }
                if try feature(name, &scanner, &features) { continue }
                if try data(name, &scanner, &options.data) { continue }
                throw unknown(name, scanner.command)
            }
        }
        guard let folds else { throw .usage(.missingOption("--folds", placeholder: "K"), command: .crossValidate) }
        options.folds = folds
        if !files.isEmpty { options.files = files }
        options.configuration.features = features
        return options
    }

    private static func parseCalibrate(_ scanner: inout ArgumentScanner) throws(CommandError) -> CalibrateOptions {
        var options = CalibrateOptions()
        var files: [String] = []
        var model: String?, output: String?
        while let item = scanner.next() {
            switch item {
            case .positional(let file): files.append(file)
            case .option(let name):
                switch name {
                case "-m", "--model": model = try scanner.value(of: name)
                case "-o", "--output": output = try scanner.value(of: name)
                case "--swift-source": options.swiftSource = try scanner.value(of: name)
                default:
                    if try data(name, &scanner, &options.data) { continue }
                    throw unknown(name, scanner.command)
                }
            }
        }
        guard let model else { throw .usage(.missingOption("-m", placeholder: "MODEL"), command: .calibrate) }
        guard let output else { throw .usage(.missingOption("-o", placeholder: "OUTPUT"), command: .calibrate) }
        options.model = model
        options.output = output
        if !files.isEmpty { options.files = files }
        return options
    }

    private static func parseInspect(_ scanner: inout ArgumentScanner) throws(CommandError) -> InspectOptions {
        var options = InspectOptions()
        var model: String?
        while let item = scanner.next() {
            switch item {
            case .positional(let path):
                guard model == nil else { throw .usage(.unexpectedArgument(path), command: .inspect) }
                model = path
            case .option(let name):
                guard name == "--top" else { throw unknown(name, scanner.command) }
                options.top = try integer(name, &scanner, 0...Int(Int32.max))
            }
        }
        guard let model else { throw .usage(.missingArgument("MODEL"), command: .inspect) }
        options.model = model
        return options
    }

    private static func parseLint(_ scanner: inout ArgumentScanner) throws(CommandError) -> LintOptions {
        var options = LintOptions()
        var files: [String] = []
        while let item = scanner.next() {
            switch item {
            case .positional(let file): files.append(file)
            case .option(let name):
                if try data(name, &scanner, &options.data, allowingSkip: false) { continue }
                throw unknown(name, scanner.command)
            }
        }
        if !files.isEmpty { options.files = files }
        options.data.skipBadLines = true
        return options
    }

    // MARK: Option groups

    /// Applies `name` if it is a training option; returns whether it was one.
    private static func training(_ name: String, _ scanner: inout ArgumentScanner,
                                 _ config: inout TrainingConfiguration) throws(CommandError) -> Bool {
        switch name {
        case "--algorithm": config.algorithm = try choice(name, &scanner)
        case "--seed":
            let value = try scanner.value(of: name)
            guard let seed = UInt64(value) else {
                throw .usage(.invalidValue(option: name, value: value, expected: "a whole number from 0 to \(UInt64.max)"),
                             command: scanner.command)
            }
            config.seed = seed
        case "--held-out":
            config.heldOutFraction = try real(name, &scanner, "a number from 0 up to but not including 1") { $0 >= 0 && $0 < 1 }
        case "--alpha": config.alpha = try real(name, &scanner, "a number above 0") { $0 > 0 }
        case "--uniform-priors":
            try scanner.flag(name)
            config.learnsPriors = false
        case "--l2": config.l2 = try real(name, &scanner, "a number, 0 or more") { $0 >= 0 }
        case "--iterations": config.maximumIterations = try integer(name, &scanner, 1...1_000_000)
        case "--class-weights": config.classWeighting = try choice(name, &scanner)
        case "--weighting": config.weighting = try choice(name, &scanner)
        case "--min-count": config.minimumCount = try integer(name, &scanner, 1...1_000_000)
        case "--patience": config.patience = try integer(name, &scanner, 1...1_000_000)
        default: return false
        }
        return true
    }

    /// Applies `name` if it is a feature option; returns whether it was one.
    private static func feature(_ name: String, _ scanner: inout ArgumentScanner,
                                _ features: inout FeatureSettings) throws(CommandError) -> Bool {
        switch name {
        case "--char-ngrams":
            let value = try scanner.value(of: name)
            let expected = "MIN-MAX with 1 ≤ MIN ≤ MAX ≤ \(FeatureSettings.maximumNgram), or 'off'"
            if value == "off" {
                features.charNgramMin = 0
                features.charNgramMax = 0
                return true
            }
            let parts = value.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]),
                  1 <= low, low <= high, high <= FeatureSettings.maximumNgram else {
                throw .usage(.invalidValue(option: name, value: value, expected: expected), command: scanner.command)
            }
            features.charNgramMin = low
            features.charNgramMax = high
        case "--no-bigrams":
            try scanner.flag(name)
            features.wordBigrams = false
        case "--stems", "--no-stems":
            try scanner.flag(name)
            features.cliticStems = name == "--stems"
        case "--negation-scope": features.negationScope = try integer(name, &scanner, 0...FeatureSettings.maximumNegationScope)
        case "--hash-bits": features.hashBits = try integer(name, &scanner, FeatureSettings.hashBitsRange)
        default: return false
        }
        return true
    }

    /// Applies `name` if it is a data option; returns whether it was one.
    private static func data(_ name: String, _ scanner: inout ArgumentScanner, _ data: inout DataOptions,
                             allowingFormat: Bool = true, allowingSkip: Bool = true) throws(CommandError) -> Bool {
        switch name {
        case "--format" where allowingFormat: data.format = try choice(name, &scanner) as DataFormat
        case "--skip-bad-lines" where allowingSkip:
            try scanner.flag(name)
            data.skipBadLines = true
        case "--text-column": data.textColumn = try column(name, &scanner)
        case "--label-column": data.labelColumn = try column(name, &scanner)
        default: return false
        }
        return true
    }

    // MARK: Values

    private static func unknown(_ name: String, _ command: Subcommand?) -> CommandError {
        let suggestion = command.flatMap { EditDistance.closest(to: name, among: Usage.optionNames($0).filter { $0.hasPrefix("--") }) }
        return .usage(.unknownOption(name, suggestion: suggestion), command: command)
    }

    private static func choice<T: RawRepresentable & CaseIterable>(_ name: String,
                                                                  _ scanner: inout ArgumentScanner) throws(CommandError) -> T
        where T.RawValue == String {
        let value = try scanner.value(of: name)
        guard let result = T(rawValue: value) else {
            let names = T.allCases.map { "'\($0.rawValue)'" }
            let list = names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
            throw .usage(.invalidValue(option: name, value: value, expected: list), command: scanner.command)
        }
        return result
    }

    private static func integer(_ name: String, _ scanner: inout ArgumentScanner,
                                _ range: ClosedRange<Int>) throws(CommandError) -> Int {
        let value = try scanner.value(of: name)
        guard let number = Int(value), range.contains(number) else {
            let expected = "a whole number from \(range.lowerBound) to \(range.upperBound)"
            throw .usage(.invalidValue(option: name, value: value, expected: expected), command: scanner.command)
        }
        return number
    }

    private static func real(_ name: String, _ scanner: inout ArgumentScanner, _ expected: String,
                             _ isValid: (Double) -> Bool) throws(CommandError) -> Double {
        let value = try scanner.value(of: name)
        guard let number = Double(value), number.isFinite, isValid(number) else {
            throw .usage(.invalidValue(option: name, value: value, expected: expected), command: scanner.command)
        }
        return number
    }

    private static func column(_ name: String, _ scanner: inout ArgumentScanner) throws(CommandError) -> String {
        let value = try scanner.value(of: name)
        guard !value.isEmpty else {
            throw .usage(.invalidValue(option: name, value: value, expected: "a column name"), command: scanner.command)
        }
        return value
    }
}
