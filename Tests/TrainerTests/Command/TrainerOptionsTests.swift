import Classifier
import Testing
@testable import Trainer

@Suite struct TrainerOptionsTests {
    static func parse(_ arguments: [String]) throws -> TrainerOptions { try TrainerOptions.parse(arguments) }

    static func train(_ arguments: [String]) throws -> TrainOptions {
        guard case .train(let options) = try parse(["train"] + arguments) else { throw Unexpected() }
        return options
    }

    struct Unexpected: Error {}

    // MARK: train

    @Test("train with only files and -o takes every default")
    func trainDefaults() throws {
        var expected = TrainOptions()
        expected.files = ["a.tsv", "dir"]
        expected.output = "m.stance"
        #expect(try Self.train(["a.tsv", "-o", "m.stance", "dir"]) == expected)
        #expect(expected.configuration == TrainingConfiguration())
        #expect(expected.data == DataOptions())
    }

    @Test("train reads standard input when no file is named")
    func trainStandardInput() throws {
        #expect(try Self.train(["-o", "m"]).files == ["-"])
        #expect(try Self.train(["-", "-o", "m"]).files == ["-"])
    }

    @Test("every train option, in the '--name value' form")
    func everyTrainOption() throws {
        let options = try Self.train([
            "a.tsv", "--output", "m", "--swift-source", "D.swift", "--algorithm", "cnb", "--seed", "18446744073709551615",
            "--held-out", "0.25", "--alpha", "0.5", "--uniform-priors", "--l2", "0.01", "--iterations", "42",
            "--class-weights", "balanced", "--char-ngrams", "3-4", "--no-bigrams", "--no-stems", "--negation-scope", "0",
            "--hash-bits", "12", "--format", "csv", "--skip-bad-lines", "--text-column", "sentence", "--label-column", "stance",
        ])
        #expect(options.files == ["a.tsv"])
        #expect(options.output == "m")
        #expect(options.swiftSource == "D.swift")
        let c = options.configuration
        #expect(c.algorithm == .cnb)
        #expect(c.seed == UInt64.max)
        #expect(c.heldOutFraction == 0.25)
        #expect(c.alpha == 0.5)
        #expect(c.learnsPriors == false)
        #expect(c.l2 == 0.01)
        #expect(c.maximumIterations == 42)
        #expect(c.classWeighting == .balanced)
        #expect(c.features == FeatureSettings(wordUnigrams: true, wordBigrams: false, charNgramMin: 3, charNgramMax: 4,
                                              cliticStems: false, negationScope: 0, hashBits: 12))
        #expect(options.data.format == .csv)
        #expect(options.data.skipBadLines)
        #expect(options.data.textColumn == "sentence")
        #expect(options.data.labelColumn == "stance")
    }

    @Test("every train option, in the '--name=value' form")
    func everyTrainOptionWithEquals() throws {
        let spaced = try Self.train([
            "-o", "m", "--swift-source", "D.swift", "--algorithm", "nb", "--seed", "7", "--held-out", "0", "--alpha", "2",
            "--l2", "0", "--iterations", "5", "--class-weights", "none", "--char-ngrams", "off", "--negation-scope", "16",
            "--hash-bits", "26", "--format", "jsonl", "--text-column", "t", "--label-column", "l",
        ])
        let joined = try Self.train([
            "--output=m", "--swift-source=D.swift", "--algorithm=nb", "--seed=7", "--held-out=0", "--alpha=2",
            "--l2=0", "--iterations=5", "--class-weights=none", "--char-ngrams=off", "--negation-scope=16",
            "--hash-bits=26", "--format=jsonl", "--text-column=t", "--label-column=l",
        ])
        #expect(spaced == joined)
        #expect(joined.configuration.features.usesCharNgrams == false)
        #expect(joined.configuration.heldOutFraction == 0)
    }

    @Test("a value may contain '=' and start with '-' after '='")
    func valuesWithEquals() throws {
        #expect(try Self.train(["-o", "a=b"]).output == "a=b")
        #expect(try Self.train(["--output=-x=y"]).output == "-x=y")
        #expect(try Self.train(["-o", "m", "--text-column=-"]).data.textColumn == "-")
    }

    @Test("'--' ends the options: what follows is a file, even '-h'")
    func doubleDash() throws {
        let options = try Self.train(["-o", "m", "--", "--seed", "-h", "--", "-"])
        #expect(options.files == ["--seed", "-h", "--", "-"])
        #expect(options.configuration.seed == 1)
    }

    @Test("the last of a repeated option wins")
    func repeatedOption() throws {
        #expect(try Self.train(["-o", "a", "-o", "b", "--seed", "2", "--seed=3"]).output == "b")
        #expect(try Self.train(["-o", "a", "--seed", "2", "--seed=3"]).configuration.seed == 3)
    }

    // MARK: Other commands

    @Test("calibrate options: model, files, output and the data options; standard input by default")
    func calibrate() throws {
        var expected = CalibrateOptions()
        expected.model = "m.stance"
        expected.files = ["a.csv", "dir"]
        expected.output = "out.stance"
        expected.data.format = .csv
        expected.data.skipBadLines = true
        #expect(try Self.parse(["calibrate", "a.csv", "-m", "m.stance", "--format", "csv", "-o", "out.stance",
                                "--skip-bad-lines", "dir"]) == .calibrate(expected))
        #expect(try Self.parse(["calibrate", "--model=m", "--output=m"]) == .calibrate({
            var o = CalibrateOptions(); o.model = "m"; o.output = "m"; return o }()))
        #expect(try Self.parse(["calibrate", "-m", "m", "-o", "m", "--swift-source", "M.swift"]) == .calibrate({
            var o = CalibrateOptions(); o.model = "m"; o.output = "m"; o.swiftSource = "M.swift"; return o }()))
    }

    @Test("evaluate options")
    func evaluate() throws {
        var expected = EvaluateOptions()
        expected.model = "m"
        expected.files = ["a.csv", "b.csv"]
        expected.reportFormat = .json
        expected.errors = 5
        expected.data.format = .csv
        expected.data.textColumn = "t"
        expected.data.labelColumn = "l"
        #expect(try Self.parse(["evaluate", "a.csv", "-m", "m", "--format", "json", "--errors", "5", "--data-format", "csv",
                                "--text-column", "t", "--label-column", "l", "b.csv"]) == .evaluate(expected))
        #expect(try Self.parse(["evaluate", "a.csv", "--model=m", "--format=json", "--errors=5", "--data-format=csv",
                                "--text-column=t", "--label-column=l", "b.csv"]) == .evaluate(expected))
        var defaults = EvaluateOptions()
        defaults.model = "m"
        #expect(try Self.parse(["evaluate", "-m", "m"]) == .evaluate(defaults))
        #expect(defaults.files == ["-"] && defaults.reportFormat == .text && defaults.errors == 0)
    }

    @Test("cross-validate options share the training, feature and data options")
    func crossValidate() throws {
        guard case .crossValidate(let options) = try Self.parse([
            "cross-validate", "a.tsv", "--folds", "5", "--seed=9", "--algorithm", "nb", "--alpha", "0.3", "--hash-bits", "10",
            "--no-bigrams", "--format", "tsv", "--skip-bad-lines",
        ]) else { throw Unexpected() }
        #expect(options.files == ["a.tsv"])
        #expect(options.folds == 5)
        #expect(options.configuration.seed == 9)
        #expect(options.configuration.algorithm == .nb)
        #expect(options.configuration.alpha == 0.3)
        #expect(options.configuration.features.hashBits == 10)
        #expect(options.configuration.features.wordBigrams == false)
        #expect(options.data.format == .tsv)
        #expect(options.data.skipBadLines)
        guard case .crossValidate(let joined) = try Self.parse(["cross-validate", "--folds=2"]) else { throw Unexpected() }
        #expect(joined.folds == 2 && joined.files == ["-"])
    }

    @Test("inspect options")
    func inspect() throws {
        var expected = InspectOptions()
        expected.model = "m.stance"
        #expect(try Self.parse(["inspect", "m.stance"]) == .inspect(expected))
        expected.top = 3
        #expect(try Self.parse(["inspect", "--top", "3", "m.stance"]) == .inspect(expected))
        #expect(try Self.parse(["inspect", "--top=3", "--", "m.stance"]) == .inspect(expected))
        expected.model = "-m"
        #expect(try Self.parse(["inspect", "--top=3", "--", "-m"]) == .inspect(expected))
    }

    @Test("lint options; lint always reads past bad lines")
    func lint() throws {
        var expected = LintOptions()
        expected.files = ["a.jsonl"]
        expected.data.format = .jsonl
        expected.data.textColumn = "t"
        expected.data.labelColumn = "l"
        expected.data.skipBadLines = true
        #expect(try Self.parse(["lint", "a.jsonl", "--format", "jsonl", "--text-column=t", "--label-column", "l"])
                == .lint(expected))
        guard case .lint(let defaults) = try Self.parse(["lint"]) else { throw Unexpected() }
        #expect(defaults.files == ["-"] && defaults.data.skipBadLines)
    }

    // MARK: Help and version

    @Test("help", arguments: [
        (["--help"], nil), (["-h"], nil), (["help"], nil), (["help", "lint"], Subcommand.lint),
        (["train", "--help"], .train), (["train", "-o", "m", "-h"], .train), (["evaluate", "--bogus", "-h"], .evaluate),
        (["cross-validate", "-h"], .crossValidate), (["inspect", "--help"], .inspect),
    ] as [([String], Subcommand?)])
    func help(_ arguments: [String], _ command: Subcommand?) throws {
        #expect(try Self.parse(arguments) == .help(command))
    }

    @Test("--version")
    func version() throws {
        #expect(try Self.parse(["--version"]) == .version)
    }

    // MARK: Errors

    @Test("usage errors: exact message and exit status 64", arguments: [
        ([], "missing command; the commands are train, evaluate, cross-validate, calibrate, inspect, lint"),
        (["trian"], "unknown command 'trian' (did you mean 'train'?)"),
        (["frobnicate"], "unknown command 'frobnicate'; the commands are train, evaluate, cross-validate, calibrate, inspect, lint"),
        (["help", "evalute"], "unknown command 'evalute' (did you mean 'evaluate'?)"),
        (["--verbose"], "unknown option '--verbose'"),
        (["--versoin"], "unknown option '--versoin' (did you mean '--version'?)"),
        (["--version", "x"], "unexpected argument 'x'"),
        (["train", "a.tsv"], "missing '-o MODEL'"),
        (["train", "-o"], "option '-o' needs a value"),
        (["train", "-o", "m", "--seed"], "option '--seed' needs a value"),
        (["train", "-o", "m", "--seed", "--alpha", "1"], "option '--seed' needs a value"),
        (["train", "-o", "m", "--sed", "3"], "unknown option '--sed' for 'trainer train' (did you mean '--seed'?)"),
        (["train", "-o", "m", "-x"], "unknown option '-x' for 'trainer train'"),
        (["train", "-o", "m", "--seed", "x"],
         "invalid value 'x' for '--seed': expected a whole number from 0 to 18446744073709551615"),
        (["train", "-o", "m", "--seed=-1"],
         "invalid value '-1' for '--seed': expected a whole number from 0 to 18446744073709551615"),
        (["train", "-o", "m", "--seed", "18446744073709551616"],
         "invalid value '18446744073709551616' for '--seed': expected a whole number from 0 to 18446744073709551615"),
        (["train", "-o", "m", "--held-out", "1"],
         "invalid value '1' for '--held-out': expected a number from 0 up to but not including 1"),
        (["train", "-o", "m", "--held-out=nan"],
         "invalid value 'nan' for '--held-out': expected a number from 0 up to but not including 1"),
        (["train", "-o", "m", "--alpha", "0"], "invalid value '0' for '--alpha': expected a number above 0"),
        (["train", "-o", "m", "--alpha", "inf"], "invalid value 'inf' for '--alpha': expected a number above 0"),
        (["train", "-o", "m", "--l2", "-1"], "invalid value '-1' for '--l2': expected a number, 0 or more"),
        (["train", "-o", "m", "--iterations", "0"],
         "invalid value '0' for '--iterations': expected a whole number from 1 to 1000000"),
        (["train", "-o", "m", "--iterations", "2.5"],
         "invalid value '2.5' for '--iterations': expected a whole number from 1 to 1000000"),
        (["train", "-o", "m", "--algorithm", "svm"],
         "invalid value 'svm' for '--algorithm': expected 'nb', 'cnb' or 'logreg'"),
        (["train", "-o", "m", "--class-weights=auto"],
         "invalid value 'auto' for '--class-weights': expected 'none' or 'balanced'"),
        (["train", "-o", "m", "--char-ngrams", "5-2"],
         "invalid value '5-2' for '--char-ngrams': expected MIN-MAX with 1 ≤ MIN ≤ MAX ≤ 8, or 'off'"),
        (["train", "-o", "m", "--char-ngrams", "0-3"],
         "invalid value '0-3' for '--char-ngrams': expected MIN-MAX with 1 ≤ MIN ≤ MAX ≤ 8, or 'off'"),
        (["train", "-o", "m", "--char-ngrams", "2-9"],
         "invalid value '2-9' for '--char-ngrams': expected MIN-MAX with 1 ≤ MIN ≤ MAX ≤ 8, or 'off'"),
        (["train", "-o", "m", "--char-ngrams", "3"],
         "invalid value '3' for '--char-ngrams': expected MIN-MAX with 1 ≤ MIN ≤ MAX ≤ 8, or 'off'"),
        (["train", "-o", "m", "--negation-scope", "17"],
         "invalid value '17' for '--negation-scope': expected a whole number from 0 to 16"),
        (["train", "-o", "m", "--hash-bits", "7"], "invalid value '7' for '--hash-bits': expected a whole number from 8 to 26"),
        (["train", "-o", "m", "--format", "xml"],
         "invalid value 'xml' for '--format': expected 'tsv', 'fasttext', 'csv' or 'jsonl'"),
        (["train", "-o", "m", "--no-bigrams=yes"], "option '--no-bigrams' takes no value, but was given 'yes'"),
        (["train", "-o", "m", "--uniform-priors="], "option '--uniform-priors' takes no value, but was given ''"),
        (["train", "-o", "m", "--text-column="], "invalid value '' for '--text-column': expected a column name"),
        (["evaluate", "a.tsv"], "missing '-m MODEL'"),
        (["evaluate", "-m", "m", "--format", "xml"], "invalid value 'xml' for '--format': expected 'text' or 'json'"),
        (["evaluate", "-m", "m", "--errors", "-1"],
         "invalid value '-1' for '--errors': expected a whole number from 0 to 2147483647"),
        (["evaluate", "-m", "m", "--skip-bad-lines"], "unknown option '--skip-bad-lines' for 'trainer evaluate'"),
        (["cross-validate", "a.tsv"], "missing '--folds K'"),
        (["cross-validate", "--folds", "1"], "invalid value '1' for '--folds': expected a whole number from 2 to 1000000"),
        (["cross-validate", "--folds", "2", "-o", "m"], "unknown option '-o' for 'trainer cross-validate'"),
        (["inspect"], "missing MODEL"),
        (["inspect", "a", "b"], "unexpected argument 'b' for 'trainer inspect'"),
        (["inspect", "m", "--top", "x"], "invalid value 'x' for '--top': expected a whole number from 0 to 2147483647"),
        (["lint", "--skip-bad-lines"], "unknown option '--skip-bad-lines' for 'trainer lint'"),
    ] as [([String], String)])
    func usageError(_ arguments: [String], _ message: String) {
        #expect(throws: CommandError.self) { try Self.parse(arguments) }
        do throws(CommandError) {
            _ = try TrainerOptions.parse(arguments)
        } catch {
            #expect(error.description == message)
            #expect(error.exitStatus == 64)
            #expect(error.isUsageError)
        }
    }

    @Test("a usage error names the command whose usage follows it")
    func usageCommand() {
        #expect(throws: CommandError.usage(.missingOption("-o", placeholder: "MODEL"), command: .train)) {
            try TrainerOptions.parse(["train"])
        }
        #expect(throws: CommandError.usage(.missingCommand, command: nil)) { try TrainerOptions.parse([]) }
    }

    @Test("no sequence of arguments makes the parser trap; every failure is a usage error")
    func neverTraps() {
        let words = ["train", "evaluate", "cross-validate", "inspect", "lint", "help", "-o", "-m", "m", "--seed", "1",
                     "--seed=", "-", "--", "-h", "--folds", "2", "x", "--format", "json", "--char-ngrams", "2-3", "=",
                     "--no-bigrams=1", "", "--top", "٣", "--errors", "-1", "--=", "---", "--hash-bits", "99"]
        var generator = SplitMix64(seed: 42)
        for _ in 0..<3000 {
            let count = Int.random(in: 0...7, using: &generator)
            let arguments = (0..<count).map { _ in words[Int.random(in: 0..<words.count, using: &generator)] }
            do {
                _ = try TrainerOptions.parse(arguments)
            } catch {
                #expect(error.isUsageError, "\(arguments): \(error)")
            }
        }
    }
}
