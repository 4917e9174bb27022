import Classifier

/// The help and usage texts of `trainer`. Defaults are read from the types that define them,
/// so the help never disagrees with the behaviour.
public enum Usage {
    /// One option in a help text.
    struct Option {
        /// The names, e.g. `-o, --output`.
        var names: [String]
        /// The value placeholder, e.g. `MODEL`, or empty for a flag.
        var value: String
        /// What it does, ending with its default.
        var help: String

        /// `-o, --output MODEL`.
        var label: String { names.joined(separator: ", ") + (value.isEmpty ? "" : " " + value) }
    }

    // MARK: Texts

    /// `usage: …` lines of `command` (the overview's for `nil`), shown after a usage error.
    public static func synopsis(_ command: Subcommand?) -> String {
        let line: String
        switch command {
        case nil: line = "trainer COMMAND [options]   (COMMAND: \(Subcommand.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .train: line = "trainer train FILES… -o MODEL [options]"
        case .evaluate: line = "trainer evaluate -m MODEL FILES… [options]"
        case .crossValidate: line = "trainer cross-validate FILES… --folds K [options]"
        case .calibrate: line = "trainer calibrate -m MODEL FILES… -o OUTPUT [options]"
        case .inspect: line = "trainer inspect MODEL [--top N]"
        case .lint: line = "trainer lint FILES… [options]"
        }
        let more = command.map { "trainer \($0.rawValue) --help" } ?? "trainer --help"
        return "usage: \(line)\nSee '\(more)' for the options.\n"
    }

    /// The full help of `command`, or the overview for `nil`.
    public static func help(_ command: Subcommand?) -> String {
        guard let command else {
            return page(overview: "Train, evaluate and inspect Stance models (version \(StanceVersion.current)).",
                        usage: "trainer COMMAND [options]", sections: [
                ("COMMANDS", Subcommand.allCases.map { Option(names: [$0.rawValue], value: "", help: $0.summary) }),
                ("OPTIONS", [
                    Option(names: ["-h", "--help"], value: "", help: "Show this help; 'trainer COMMAND --help' shows a command's."),
                    Option(names: ["--version"], value: "", help: "Show the version."),
                ]),
            ], notes: """
                Data files are TSV (LABELS<TAB>SENTENCE), fastText, CSV or JSON Lines, told apart by their
                extension; directories are searched for them; no files or '-' reads standard input as TSV.
                """)
        }
        switch command {
        case .train:
            return page(overview: command.summary, usage: "trainer train FILES… -o MODEL [options]", sections: [
                ("ARGUMENTS", [filesArgument]),
                ("OUTPUT", [
                    Option(names: ["-o", "--output"], value: "MODEL", help: "Where to write the model (required)."),
                    Option(names: ["--swift-source"], value: "PATH",
                           help: "Also write the model as Swift source for Sources/DefaultModel (default: none)."),
                ]),
                ("TRAINING", trainingOptions),
                ("FEATURES", featureOptions),
                ("DATA", dataOptions()),
                ("OPTIONS", [helpOption]),
            ], notes: """
                The model is written to a temporary file and renamed, so a failure leaves any existing
                model untouched. Progress goes to standard error when it is a terminal.
                """)
        case .evaluate:
            return page(overview: command.summary, usage: "trainer evaluate -m MODEL FILES… [options]", sections: [
                ("ARGUMENTS", [filesArgument]),
                ("OPTIONS", [
                    Option(names: ["-m", "--model"], value: "MODEL", help: "The model file to score (required)."),
                    Option(names: ["--format"], value: choices(EvaluateOptions.ReportFormat.allCases.map(\.rawValue)),
                           help: "Report format (default: \(EvaluateOptions().reportFormat.rawValue))."),
                    Option(names: ["--errors"], value: "N",
                           help: "List up to N misclassified sentences (default: \(EvaluateOptions().errors))."),
                ] + dataOptions(format: "--data-format", skipBadLines: false) + [helpOption]),
            ], notes: """
                The main (first) label of each example is scored; the multi-label scores compare the label
                sets of classifyMultiLabel with the gold ones.
                """)
        case .crossValidate:
            return page(overview: command.summary, usage: "trainer cross-validate FILES… --folds K [options]", sections: [
                ("ARGUMENTS", [filesArgument]),
                ("CROSS-VALIDATION", [Option(names: ["--folds"], value: "K", help: "Number of folds, at least 2 (required).")]),
                ("TRAINING", trainingOptions),
                ("FEATURES", featureOptions),
                ("DATA", dataOptions()),
                ("OPTIONS", [helpOption]),
            ], notes: "Folds are stratified by main label and drawn with the seed.")
        case .calibrate:
            return page(overview: command.summary, usage: "trainer calibrate -m MODEL FILES… -o OUTPUT [options]", sections: [
                ("ARGUMENTS", [Option(names: ["FILES…"], value: "",
                                      help: "Labelled sentences of the news the model will read (default: standard input, as tsv).")]),
                ("OPTIONS", [
                    Option(names: ["-m", "--model"], value: "MODEL", help: "The model to recalibrate (required)."),
                    Option(names: ["-o", "--output"], value: "OUTPUT", help: "Where to write the recalibrated model; may be MODEL (required)."),
                    Option(names: ["--swift-source"], value: "PATH",
                           help: "Also write the model as Swift source for Sources/DefaultModel (default: none)."),
                ] + dataOptions() + [helpOption]),
            ], notes: """
                Only the temperatures and the multi-label threshold are refitted (by log loss and micro-F1 on
                FILES); the weights, and so the predicted labels, stay as they are. A model trained on one kind
                of text is usually over-confident on another: a few hundred labelled sentences of the target
                news make its probabilities honest there. The model is written to a temporary file and renamed.
                """)
        case .inspect:
            return page(overview: command.summary, usage: "trainer inspect MODEL [--top N]", sections: [
                ("ARGUMENTS", [Option(names: ["MODEL"], value: "", help: "The model file.")]),
                ("OPTIONS", [
                    Option(names: ["--top"], value: "N",
                           help: "Strongest features listed per label (default: \(InspectOptions().top))."),
                    helpOption,
                ]),
            ], notes: nil)
        case .lint:
            return page(overview: command.summary, usage: "trainer lint FILES… [options]", sections: [
                ("ARGUMENTS", [filesArgument]),
                ("OPTIONS", dataOptions(skipBadLines: false) + [helpOption]),
            ], notes: "Every bad line is reported. Exits with status 1 when anything is found, 0 when clean.")
        }
    }

    // MARK: Options

    static let filesArgument = Option(names: ["FILES…"], value: "",
                                      help: "Data files or directories (default: standard input, as tsv).")
    static let helpOption = Option(names: ["-h", "--help"], value: "", help: "Show this help.")

    static var trainingOptions: [Option] {
        let c = TrainingConfiguration()
        return [
            Option(names: ["--algorithm"], value: choices(TrainingConfiguration.Algorithm.allCases.map(\.rawValue)),
                   help: "Naive Bayes, complement naive Bayes or logistic regression (default: \(c.algorithm.rawValue))."),
            Option(names: ["--seed"], value: "N", help: "Seed of the held-out split and of the folds (default: \(c.seed))."),
            Option(names: ["--held-out"], value: "F",
                   help: "Share held out for calibration and early stopping, in [0, 1) (default: \(c.heldOutFraction))."),
            Option(names: ["--alpha"], value: "A", help: "Naive Bayes smoothing, above 0 (default: \(c.alpha))."),
            Option(names: ["--uniform-priors"], value: "", help: "Naive Bayes: uniform class priors (default: learned priors)."),
            Option(names: ["--l2"], value: "L", help: "Logistic regression L2 strength, 0 or more (default: \(decimal(c.l2)))."),
            Option(names: ["--iterations"], value: "N",
                   help: "Logistic regression: most L-BFGS iterations (default: \(c.maximumIterations))."),
            Option(names: ["--class-weights"], value: choices(TrainingConfiguration.ClassWeighting.allCases.map(\.rawValue)),
                   help: "Logistic regression class weighting (default: \(c.classWeighting.rawValue))."),
            Option(names: ["--weighting"], value: choices(TrainingConfiguration.FeatureWeighting.allCases.map(\.rawValue)),
                   help: "Logistic regression feature values: counts, length-normalised, or tf-idf (default: \(c.weighting.rawValue))."),
            Option(names: ["--patience"], value: "N",
                   help: "Logistic regression: stop after N iterations without held-out improvement (default: \(c.patience))."),
            Option(names: ["--min-count"], value: "N",
                   help: "Keep features seen in at least N training examples (default: \(c.minimumCount))."),
        ]
    }

    static var featureOptions: [Option] {
        let f = FeatureSettings.builtIn
        let ngrams = f.usesCharNgrams ? "\(f.charNgramMin)-\(f.charNgramMax)" : "off"
        return [
            Option(names: ["--char-ngrams"], value: "MIN-MAX|off",
                   help: "Character n-gram lengths, 1 to \(FeatureSettings.maximumNgram) (default: \(ngrams))."),
            Option(names: ["--no-bigrams"], value: "", help: "No word bigrams (default: bigrams on)."),
            Option(names: ["--stems"], value: "",
                   help: "Add clitic stems (default: \(f.cliticStems ? "stems on" : "no stems"))."),
            Option(names: ["--no-stems"], value: "", help: "No clitic stems (default: \(f.cliticStems ? "stems on" : "no stems"))."),
            Option(names: ["--negation-scope"], value: "N",
                   help: "Words after a negation that are marked, 0 to \(FeatureSettings.maximumNegationScope) (default: \(f.negationScope))."),
            Option(names: ["--hash-bits"], value: "B",
                   help: "Features hash into 2^B buckets, B from \(FeatureSettings.hashBitsRange.lowerBound) to \(FeatureSettings.hashBitsRange.upperBound) (default: \(f.hashBits))."),
        ]
    }

    static func dataOptions(format: String = "--format", skipBadLines: Bool = true) -> [Option] {
        let d = DataOptions()
        var options = [
            Option(names: [format], value: choices(DataFormat.allCases.map(\.rawValue)),
                   help: "Format of every data file (default: from each file's extension)."),
        ]
        if skipBadLines {
            options.append(Option(names: ["--skip-bad-lines"], value: "",
                                  help: "Report bad lines and go on (default: stop at the first)."))
        }
        options += [
            Option(names: ["--text-column"], value: "NAME", help: "CSV column of the sentence (default: \(d.textColumn))."),
            Option(names: ["--label-column"], value: "NAME", help: "CSV column of the labels (default: \(d.labelColumn))."),
        ]
        return options
    }

    /// Every option name `command` accepts, for suggestions and tests.
    static func optionNames(_ command: Subcommand) -> [String] {
        let options: [Option]
        switch command {
        case .train:
            options = [Option(names: ["-o", "--output"], value: "", help: ""), Option(names: ["--swift-source"], value: "", help: "")]
                + trainingOptions + featureOptions + dataOptions()
        case .evaluate:
            options = [Option(names: ["-m", "--model"], value: "", help: ""), Option(names: ["--format"], value: "", help: ""),
                       Option(names: ["--errors"], value: "", help: "")] + dataOptions(format: "--data-format", skipBadLines: false)
        case .crossValidate:
            options = [Option(names: ["--folds"], value: "", help: "")] + trainingOptions + featureOptions + dataOptions()
        case .calibrate:
            options = [Option(names: ["-m", "--model"], value: "", help: ""), Option(names: ["-o", "--output"], value: "", help: ""),
                       Option(names: ["--swift-source"], value: "", help: "")] + dataOptions()
        case .inspect:
            options = [Option(names: ["--top"], value: "", help: "")]
        case .lint:
            options = dataOptions(skipBadLines: false)
        }
        return options.flatMap(\.names) + ["-h", "--help"]
    }

    // MARK: Layout

    /// A number as a user types it: `0.000001`, not Swift's `1e-06`.
    static func decimal(_ value: Double) -> String {
        let text = "\(value)"
        let parts = text.split(separator: "e")
        guard value > 0, parts.count == 2, let exponent = Int(parts[1]), exponent < 0 else { return text }
        let digits = parts[0].filter { $0 != "." }
        return "0." + String(repeating: "0", count: -exponent - 1) + digits
    }

    private static func choices(_ names: [String]) -> String { names.joined(separator: "|") }

    /// A help page: overview, usage, titled sections of options aligned in one column, notes.
    private static func page(overview: String, usage: String, sections: [(title: String, options: [Option])],
                             notes: String?) -> String {
        let width = sections.flatMap { $0.options.map(\.label.count) }.max() ?? 0
        var text = "OVERVIEW: \(overview)\n\nUSAGE: \(usage)\n\n"
        for (title, options) in sections {
            text += "\(title):\n"
            for option in options {
                let label = option.label
                text += "  " + label + String(repeating: " ", count: width - label.count + 2) + option.help + "\n"
            }
            text += "\n"
        }
        if let notes { text += notes + "\n" }
        return text
    }
}
