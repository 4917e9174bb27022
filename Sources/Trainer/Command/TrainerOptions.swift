import Classifier

/// What a `trainer` command line asks for: the pure result of ``parse(_:)``.
public enum TrainerOptions: Sendable, Equatable {
    /// Print the help of a command, or the overview for `nil`.
    case help(Subcommand?)
    /// Print the version.
    case version
    /// `trainer train`.
    case train(TrainOptions)
    /// `trainer evaluate`.
    case evaluate(EvaluateOptions)
    /// `trainer cross-validate`.
    case crossValidate(CrossValidateOptions)
    /// `trainer calibrate`.
    case calibrate(CalibrateOptions)
    /// `trainer inspect`.
    case inspect(InspectOptions)
    /// `trainer lint`.
    case lint(LintOptions)
}

/// How labelled data is read.
public struct DataOptions: Sendable, Equatable {
    /// The format of every file; `nil` infers it from each file's extension.
    public var format: DataFormat?
    /// Pass over bad lines (reported on standard error) instead of stopping at the first.
    public var skipBadLines = false
    /// The CSV header name of the sentence column.
    public var textColumn = "text"
    /// The CSV header name of the labels column.
    public var labelColumn = "labels"

    public init() {}

    /// A reader of these options for `labels` (`nil` allows any label name).
    public func reader(labels: [String]?) -> DatasetReader {
        DatasetReader(labels: labels, format: format, skipBadLines: skipBadLines,
                      csvTextColumn: textColumn, csvLabelColumn: labelColumn)
    }
}

/// `trainer train`.
public struct TrainOptions: Sendable, Equatable {
    /// Data files or directories; `["-"]` for standard input.
    public var files: [String] = ["-"]
    /// Where the model is written.
    public var output: String = ""
    /// Where the model is also written as Swift source, if anywhere.
    public var swiftSource: String?
    public var data = DataOptions()
    public var configuration = TrainingConfiguration()

    public init() {}
}

/// `trainer evaluate`.
public struct EvaluateOptions: Sendable, Equatable {
    /// How the report is written.
    public enum ReportFormat: String, Sendable, Equatable, CaseIterable {
        case text, json
    }

    /// The model file.
    public var model: String = ""
    /// Data files or directories; `["-"]` for standard input.
    public var files: [String] = ["-"]
    public var reportFormat: ReportFormat = .text
    /// How many misclassified sentences to list.
    public var errors = 0
    public var data = DataOptions()

    public init() {}
}

/// `trainer cross-validate`.
public struct CrossValidateOptions: Sendable, Equatable {
    /// Data files or directories; `["-"]` for standard input.
    public var files: [String] = ["-"]
    /// Number of folds, at least 2.
    public var folds = 0
    public var data = DataOptions()
    public var configuration = TrainingConfiguration()

    public init() {}
}

/// `trainer calibrate`.
public struct CalibrateOptions: Sendable, Equatable {
    /// The model file whose calibration is refitted.
    public var model: String = ""
    /// Labelled data files or directories; `["-"]` for standard input.
    public var files: [String] = ["-"]
    /// Where the recalibrated model is written (may be `model` itself).
    public var output: String = ""
    /// Where to write the recalibrated model as Swift source for the DefaultModel target, if anywhere.
    public var swiftSource: String?
    public var data = DataOptions()

    public init() {}
}

/// `trainer inspect`.
public struct InspectOptions: Sendable, Equatable {
    /// The model file.
    public var model: String = ""
    /// How many of each label's strongest features to list.
    public var top = 10

    public init() {}
}

/// `trainer lint`.
public struct LintOptions: Sendable, Equatable {
    /// Data files or directories; `["-"]` for standard input.
    public var files: [String] = ["-"]
    public var data = DataOptions()

    public init() {}
}
