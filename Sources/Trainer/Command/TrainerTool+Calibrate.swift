import Classifier

extension TrainerTool {
    /// Refits a model's calibration on labelled data, writes it atomically, and reports the
    /// calibration sentences' log loss and calibration error before and after.
    static func calibrate(_ options: CalibrateOptions, console: Console) throws(CommandError) {
        try checkDestination(options.output)
        if let swift = options.swiftSource { try checkDestination(swift) }
        let model = try load(options.model)
        let dataset = try read(options.files, options.data, labels: model.labels, console: console)
        let result: Recalibration.Result
        do throws(TrainingError) {
            result = try Recalibration.recalibrate(model, on: dataset.examples)
        } catch {
            throw .training(error)
        }
        let bytes = ModelFileEncoder.encode(result.model)
        try writeModel(bytes, to: options.output, swiftSource: options.swiftSource)
        let old = model.calibration, new = result.model.calibration
        console.write("""
            calibrated on \(dataset.examples.count) examples (labels and weights unchanged)
            softmax temperature         \(format(old.temperature)) → \(format(new.temperature))
            one-vs-rest temperature     \(format(old.oneVsRestTemperature)) → \(format(new.oneVsRestTemperature))
            multi-label threshold       \(format(old.threshold, decimals: 2)) → \(format(new.threshold, decimals: 2))
            log loss                    \(format(result.before.logLoss)) → \(format(result.after.logLoss))
            expected calibration error  \(format(result.before.expectedCalibrationError)) → \(format(result.after.expectedCalibrationError))
            wrote \(options.output) (\(bytes.count) bytes)

            """ + (options.swiftSource.map { "wrote \($0)\n" } ?? ""))
    }
}
