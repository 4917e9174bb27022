import Classifier
import Foundation

/// The `trainer` tool: parses a command line, runs the command, reports errors, and returns
/// the exit status. The executable's `main` only calls ``main(_:console:)``.
public enum TrainerTool {
    /// Runs the command line `arguments` (without the program name) and returns the exit
    /// status: 0 on success, 1 on failure (and when `lint` finds problems), 64 on bad usage.
    public static func main(_ arguments: [String], console: Console = .standard) -> Int32 {
        do throws(CommandError) {
            return try run(try TrainerOptions.parse(arguments), console: console)
        } catch {
            if error.isUsageError {
                console.writeError("trainer: \(error)\n" + Usage.synopsis(error.usageCommand))
            } else {
                console.writeError("\(error)\n")
            }
            return error.exitStatus
        }
    }

    /// Runs parsed options; returns the exit status of a command that completed.
    public static func run(_ options: TrainerOptions, console: Console) throws(CommandError) -> Int32 {
        switch options {
        case .help(let command):
            console.write(Usage.help(command))
        case .version:
            console.write("trainer \(StanceVersion.current)\n")
        case .train(let options):
            try train(options, console: console)
        case .evaluate(let options):
            try evaluate(options, console: console)
        case .crossValidate(let options):
            try crossValidate(options, console: console)
        case .calibrate(let options):
            try calibrate(options, console: console)
        case .inspect(let options):
            let model = try load(options.model)
            console.write(ModelDescription.text(model, path: options.model, top: options.top))
        case .lint(let options):
            return try lint(options, console: console)
        }
        return 0
    }

    // MARK: Commands

    static func evaluate(_ options: EvaluateOptions, console: Console) throws(CommandError) {
        let model = try load(options.model)
        let dataset = try read(options.files, options.data, labels: model.labels, console: console)
        let evaluation = Evaluation(model: model, examples: dataset.examples)
        switch options.reportFormat {
        case .text: console.write(EvaluationReport.text(evaluation, errors: options.errors))
        case .json: console.write(EvaluationReport.json(evaluation, errors: options.errors))
        }
    }

    static func crossValidate(_ options: CrossValidateOptions, console: Console) throws(CommandError) {
        let config = options.configuration
        let dataset = try read(options.files, options.data, labels: config.labels, console: console)
        let validation = CrossValidation(configuration: config, folds: options.folds, progress: console.progress())
        let result: CrossValidationResult
        do throws(CrossValidationError) {
            result = try validation.run(dataset.examples)
        } catch {
            throw .crossValidation(error)
        }
        console.write(CrossValidationReport.text(result, algorithm: config.algorithm.rawValue, seed: config.seed))
    }

    static func lint(_ options: LintOptions, console: Console) throws(CommandError) -> Int32 {
        // Any label name is read, so that a misspelt label shows up as a rare one.
        let dataset = try read(options.files, options.data, labels: nil, console: nil)
        var text = dataset.skipped.map { "\($0)\n" }.joined()
        let report = Linter().lint(dataset)
        // "no problems found" would read as a clean bill next to the bad lines listed above.
        text += dataset.skipped.isEmpty || report.hasProblems
            ? report.text : report.text.replacingOccurrences(of: "no problems found", with: "no other problems found")
        if !dataset.skipped.isEmpty {
            let n = dataset.skipped.count
            text += "\n\(n) bad \(n == 1 ? "line" : "lines") (listed first) not read\n"
        }
        console.write(text)
        return report.hasProblems || !dataset.skipped.isEmpty ? 1 : 0
    }

    // MARK: Shared steps

    static func load(_ path: String) throws(CommandError) -> StanceModel {
        do throws(ModelFileError) {
            return try StanceModel.load(path: path)
        } catch {
            throw .model(error)
        }
    }

    /// The examples in `files`; lines skipped because of ``DataOptions/skipBadLines`` are
    /// reported on `console`'s standard error.
    static func read(_ files: [String], _ data: DataOptions, labels: [String]?,
                     console: Console?) throws(CommandError) -> Dataset {
        let dataset: Dataset
        do throws(DataError) {
            dataset = try data.reader(labels: labels).read(paths: files)
        } catch {
            throw .data(error)
        }
        if let console { for problem in dataset.skipped { console.writeError("\(problem) (skipped)\n") } }
        return dataset
    }
}
