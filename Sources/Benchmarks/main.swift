// Release-mode throughput benchmark of the text pipeline and of classification, single thread.
//
//   swift run -c release stance-bench [--sentences N] [--input FILE] [--model FILE] [--stage TEXT]
//
// The corpus is FILE (one sentence a line) or the sentences of Data/*.tsv repeated to N lines
// (default 1,000,000); it is built before any timing starts. Each stage runs three times and
// the best run is reported, with its checksum printed so that no work can be optimised away.
// `--stage TEXT` runs only the stages whose name contains TEXT (to profile one with `perf`).
import Classifier
import DefaultModel
import Foundation

struct BenchmarkOptions {
    var sentences = 1_000_000
    var input: String? = nil
    var model: String? = nil
    var stage: String? = nil
}

func parseOptions() -> BenchmarkOptions {
    var options = BenchmarkOptions()
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
        switch argument {
        case "--sentences":
            guard let value = arguments.popFirst().flatMap(Int.init), value > 0 else { fail("--sentences needs a positive number") }
            options.sentences = value
        case "--input": options.input = arguments.popFirst() ?? { fail("--input needs a file") }()
        case "--model": options.model = arguments.popFirst() ?? { fail("--model needs a file") }()
        case "--stage": options.stage = arguments.popFirst() ?? { fail("--stage needs a part of a stage name") }()
        case "-h", "--help":
            print("usage: stance-bench [--sentences N (default 1000000)] [--input FILE] [--model FILE] [--stage TEXT]")
            exit(0)
        default: fail("unknown option '\(argument)'")
        }
    }
    return options
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("stance-bench: \(message)\n".utf8))
    exit(64)
}

/// One sentence a line, as UTF-8 bytes in one buffer, with line boundaries.
func loadCorpus(_ options: BenchmarkOptions) -> (bytes: [UInt8], lines: [Range<Int>]) {
    var sentences: [[UInt8]] = []
    if let input = options.input {
        guard let data = FileManager.default.contents(atPath: input) else { fail("cannot read '\(input)'") }
        sentences = data.split(separator: UInt8(ascii: "\n")).map(Array.init)
    } else {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: "Data")) ?? []).filter { $0.hasSuffix(".tsv") }.sorted()
        for file in files {
            guard let data = FileManager.default.contents(atPath: "Data/" + file) else { continue }
            for line in data.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
                if let tab = line.firstIndex(of: 9) { sentences.append(Array(line[(tab + 1)...])) }
            }
        }
        guard !sentences.isEmpty else { fail("no sentences: run from the package root or pass --input") }
    }
    var bytes: [UInt8] = []
    var lines: [Range<Int>] = []
    let count = options.input == nil ? options.sentences : sentences.count
    for i in 0..<count {
        let sentence = sentences[i % sentences.count]
        lines.append(bytes.count..<(bytes.count + sentence.count))
        bytes += sentence
        bytes.append(10)
    }
    return (bytes, lines)
}

/// Runs `body` three times and returns the best time with its result.
func measure(_ body: () -> Int) -> (seconds: Double, checksum: Int) {
    var best = Double.infinity, checksum = 0
    for _ in 0..<3 {
        let start = DispatchTime.now().uptimeNanoseconds
        checksum = body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return (best, checksum)
}

let options = parseOptions()

// Start-up: decoding the built-in model's base64 and validating and loading the model.
do {
    var base64 = Double.infinity, load = Double.infinity
    for _ in 0..<5 {
        var start = DispatchTime.now().uptimeNanoseconds
        let bytes = DefaultModel.bytes
        base64 = min(base64, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        start = DispatchTime.now().uptimeNanoseconds
        let model = try? StanceModel.decodeCompiledIn(bytes, source: DefaultModel.source)
        load = min(load, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        precondition(model != nil, "the built-in model does not load")
    }
    print(String(format: "built-in model: base64 decoding %.1f ms, validating and loading %.1f ms", base64, load))
}
let corpus = loadCorpus(options)
let megabytes = Double(corpus.bytes.count) / 1e6
let model: StanceModel
do {
    model = try options.model.map { try StanceModel.load(path: $0) } ?? DefaultModel.load()
} catch {
    fail("\(error)")
}
print("corpus: \(corpus.lines.count) sentences, \(String(format: "%.1f", megabytes)) MB; model: \(options.model ?? DefaultModel.source)")

func report(_ stage: String, _ result: @autoclosure () -> (seconds: Double, checksum: Int)) {
    if let only = options.stage, !stage.contains(only) { return }
    let result = result()
    print(String(format: "%-44@ %9.0f sentences/s  %7.1f MB/s  (checksum %d)", stage as NSString,
                 Double(corpus.lines.count) / result.seconds, megabytes / result.seconds, result.checksum))
}

corpus.bytes.withUnsafeBufferPointer { all in
    let normalizer = model.extractor.normalizer
    report("normalise", measure {
            var out: [UInt8] = []
            var total = 0
            for line in corpus.lines {
                out.removeAll(keepingCapacity: true)
                normalizer.normalize(UnsafeBufferPointer(rebasing: all[line]), into: &out)
                total &+= out.count
            }
            return total
        })
    report("normalise + tokenise", measure {
            var out: [UInt8] = [], tokens: [Token] = []
            var total = 0
            for line in corpus.lines {
                out.removeAll(keepingCapacity: true)
                tokens.removeAll(keepingCapacity: true)
                normalizer.normalize(UnsafeBufferPointer(rebasing: all[line]), into: &out)
                out.withUnsafeBufferPointer { Tokenizer.tokenize($0, into: &tokens) }
                total &+= tokens.count
            }
            return total
        })
    var wordSettings = model.extractor.settings
    wordSettings.charNgramMax = 0
    wordSettings.charNgramMin = 0
    for (name, settings) in [("+ featurise: words and bigrams", wordSettings),
                             ("+ featurise: model's features", model.extractor.settings)] {
        let extractor = FeatureExtractor(normalizer: normalizer.settings, features: settings)
        report(name, measure {
                var workspace = FeatureExtractor.Workspace()
                var total = 0
                for line in corpus.lines {
                    extractor.extract(UnsafeBufferPointer(rebasing: all[line]), into: &workspace)
                    total &+= workspace.buckets.count
                }
                return total
            })
    }
    report("+ classify (model's features)", measure {
            var workspace = FeatureExtractor.Workspace()
            var total = 0
            for line in corpus.lines {
                let prediction = model.classify(UnsafeBufferPointer(rebasing: all[line]), workspace: &workspace)
                total &+= prediction.label.utf8.count
            }
            return total
        })
}
