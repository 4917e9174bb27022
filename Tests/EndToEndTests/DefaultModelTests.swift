import Classifier
@testable import DefaultModel
import Foundation
import Testing
import Trainer

/// The package root, from this file's path.
private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

private let regenerate = "scripts/build-default-model.sh"

@Suite("built-in default model")
struct DefaultModelTests {
    @Test("the built-in model loads and classifies, and its checksum (not compared at each start) matches")
    func loads() throws {
        _ = try StanceModel.decode(DefaultModel.bytes, source: DefaultModel.source)
        let model = try DefaultModel.load()
        #expect(model.labels == ["denial", "accusation", "call_for_restraint", "none"])
        #expect(model.classify("نفت وزارة الخارجية الإيرانية هذه الاتهامات جملة وتفصيلا").label == "denial")
    }

    @Test("the trainer's defaults are the built-in model's settings, so retraining without options gives its kind of model")
    func trainerDefaults() throws {
        let model = try DefaultModel.load()
        let defaults = TrainingConfiguration()
        #expect(model.extractor.settings == FeatureSettings.builtIn)
        #expect(defaults.features == model.extractor.settings)
        #expect(defaults.normalizer == model.extractor.normalizer.settings)
        #expect(model.metadata["l2"] == String(defaults.l2))
        #expect(model.metadata["minimum-count"] == "\(defaults.minimumCount)")
        #expect(model.metadata["weighting"] == defaults.weighting.rawValue)
    }

    @Test("base64 decoding inverts Foundation's encoding and refuses what is not base64")
    func base64() {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<40 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(Base64.decode(Data(bytes).base64EncodedString()) == bytes)
        }
        #expect(Base64.decode("QUJD") == Array("ABC".utf8))
        #expect(Base64.decode("QUI=") == Array("AB".utf8))
        #expect(Base64.decode("QQ==") == Array("A".utf8))
        #expect(Base64.decode("QUJ") == nil)
        #expect(Base64.decode("QU*D") == nil)
    }

    @Test("the built-in model was trained on the current Data/")
    func notStale() throws {
        let model = try DefaultModel.load()
        let data = try DatasetReader().read(paths: [packageRoot.appendingPathComponent("Data").path])
        #expect(model.metadata["data-checksum"] == DataChecksum.of(data.examples),
                "the built-in model is stale: Data/ changed since it was trained; run \(regenerate)")
    }

    @Test("retraining and calibrating on the seeds gives the shipped model byte for byte",
          .enabled(if: releaseTrainer() != nil && FileManager.default.fileExists(atPath: seedsDirectory.path)))
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
        var gold: [Int] = [], probabilities: [[Double]] = [], examples: [Example] = []
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
            examples.append(Example(text: String(text), labels: row[3].split(separator: ",").map(String.init),
                                    source: SourceLocation(file: file, line: examples.count + 2)))
        }
        // Its temperatures and threshold were fitted on exactly these sentences.
        #expect(model.metadata["recalibrated-examples"] == String(examples.count))
        #expect(model.metadata["recalibrated-data-checksum"] == DataChecksum.of(examples),
                "the built-in model was not calibrated on the current seeds/labels.tsv; run \(regenerate)")
        let metrics = Metrics(labels: model.labels, gold: gold, probabilities: probabilities)
        print("seeds: \(metrics.count) sentences, macro-F1 \(metrics.macroF1), accuracy \(metrics.accuracy), "
              + "per-label F1 \(zip(model.labels, metrics.perLabel.map(\.f1)).map { "\($0) \($1)" })")
        // A floor, not a target: the seeds are mostly `none`, and a model that calls every
        // long sentence a stance falls below it.
        #expect(metrics.accuracy >= 0.7)
    }
}

private let seedsDirectory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")

/// The release `trainer` beside the test bundle's products, if it is built from the current
/// sources (newer than every file of the targets it is made of); the byte-for-byte check would
/// take minutes with a debug build. `.ci/run` builds it before the tests.
private func releaseTrainer() -> String? {
    guard let debug = try? executablePath("trainer") else { return nil }
    let products = URL(fileURLWithPath: debug).deletingLastPathComponent().deletingLastPathComponent()
    let release = products.appendingPathComponent("release/trainer").path
    let files = FileManager.default
    func modified(_ path: String) -> Date? { (try? files.attributesOfItem(atPath: path))?[.modificationDate] as? Date }
    guard files.isExecutableFile(atPath: release), let built = modified(release) else { return nil }
    let newestSource = ["Classifier", "Trainer", "TrainerCommand"].flatMap { target -> [Date] in
        let directory = packageRoot.appendingPathComponent("Sources/\(target)")
        return (files.enumerator(atPath: directory.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".swift") }
            .compactMap { modified(directory.appendingPathComponent($0).path) }
    }.max() ?? .distantFuture
    return built >= newestSource ? release : nil
}
