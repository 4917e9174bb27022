/// The commands of the `trainer` tool.
public enum Subcommand: String, Sendable, Equatable, CaseIterable {
    /// Train a model on labelled data and write it.
    case train
    /// Score a model on labelled data.
    case evaluate
    /// Estimate a configuration's quality by stratified k-fold cross-validation.
    case crossValidate = "cross-validate"
    /// Refit a model's calibration on labelled sentences of the news it will read.
    case calibrate
    /// Describe a model file.
    case inspect
    /// Check labelled data for mistakes.
    case lint

    /// One line saying what the command does, for the overview.
    public var summary: String {
        switch self {
        case .train: "Train a model on labelled data and write it."
        case .evaluate: "Score a model on labelled data."
        case .crossValidate: "Estimate quality by stratified k-fold cross-validation."
        case .calibrate: "Refit a model's confidence (temperatures, multi-label threshold) on labelled sentences."
        case .inspect: "Describe a model file: settings, calibration, metadata, strongest features."
        case .lint: "Check labelled data for duplicates, conflicts and other annotation mistakes."
        }
    }
}
