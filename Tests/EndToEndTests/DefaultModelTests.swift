import Classifier
import DefaultModel
import Foundation
import Testing
import Trainer

/// The package root, from this file's path.
private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

private let regenerate = "scripts/build-default-model.sh"

@Suite("built-in default model")
struct DefaultModelTests {
    @Test("the built-in model loads and classifies")
    func loads() throws {
        let model = try DefaultModel.load()
        #expect(model.labels == ["denial", "accusation", "call_for_restraint", "none"])
        #expect(model.classify("نفت وزارة الخارجية الإيرانية هذه الاتهامات جملة وتفصيلا").label == "denial")
    }

    @Test("the built-in model was trained on the current Data/")
    func notStale() throws {
        let model = try DefaultModel.load()
        let data = try DatasetReader().read(paths: [packageRoot.appendingPathComponent("Data").path])
        #expect(model.metadata["data-checksum"] == DataChecksum.of(data.examples),
                "the built-in model is stale: Data/ changed since it was trained; run \(regenerate)")
    }

    @Test("retraining gives the shipped model byte for byte", .enabled(if: releaseTrainer() != nil))
    func reproducible() throws {
        let trainer = try #require(releaseTrainer())
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("DefaultModelData-\(UUID().uuidString).swift")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [packageRoot.appendingPathComponent(regenerate).path, output.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["TRAINER": trainer]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let shipped = try Data(contentsOf: packageRoot.appendingPathComponent("Sources/DefaultModel/DefaultModelData.swift"))
        #expect(try Data(contentsOf: output) == shipped,
                "the built-in model differs from what Data/ and the trainer give now; run \(regenerate)")
    }

    @Test("the built-in model on the seed articles", .enabled(if: FileManager.default.fileExists(atPath: seedsDirectory.path)))
    func seeds() throws {
        let model = try DefaultModel.load()
        let rows = try String(contentsOf: packageRoot.appendingPathComponent("seeds/labels.tsv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        var gold: [Int] = [], probabilities: [[Double]] = []
        var articles: [String: [Unicode.Scalar]] = [:]
        for row in rows {
            let (file, start, end) = (row[0], try #require(Int(row[1])), try #require(Int(row[2])))
            if articles[file] == nil {
                articles[file] = Array(try String(contentsOf: seedsDirectory.appendingPathComponent(file), encoding: .utf8).unicodeScalars)
            }
            let scalars = try #require(articles[file])
            try #require(start >= 0 && start < end && end <= scalars.count, "seeds/labels.tsv: bad offsets \(start)..<\(end) in \(file)")
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[start..<end])
            gold.append(try #require(model.labels.firstIndex(of: String(row[3].split(separator: ",")[0]))))
            probabilities.append(model.classify(String(text)).probabilities)
        }
        let metrics = Metrics(labels: model.labels, gold: gold, probabilities: probabilities)
        print("seeds: \(metrics.count) sentences, macro-F1 \(metrics.macroF1), accuracy \(metrics.accuracy), "
              + "per-label F1 \(zip(model.labels, metrics.perLabel.map(\.f1)).map { "\($0) \($1)" })")
        // A floor, not a target: the seeds are mostly `none`, and a model that calls every
        // long sentence a stance falls below it.
        #expect(metrics.accuracy >= 0.7)
    }
}

private let seedsDirectory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")

/// The release `trainer` beside the test bundle's products, if it is built and newer than the
/// debug one (the byte-for-byte check would take minutes with a debug build).
private func releaseTrainer() -> String? {
    guard let path = try? executablePath("trainer"), path.contains("/release/") else { return nil }
    return path
}
