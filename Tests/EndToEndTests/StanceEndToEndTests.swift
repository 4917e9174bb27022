import Classifier
import DefaultModel
import Foundation
import Testing

/// `stance` as its users run it: the built binary, a model trained by the built `trainer` on
/// ``FixtureModel/sentences``, and exact output checked against the same model loaded in-process.
@Suite("stance end to end")
struct StanceEndToEndTests {
    let model: StanceModel
    let modelPath: String

    init() throws {
        modelPath = try FixtureModel.path()
        model = try FixtureModel.model()
    }

    /// One sentence of each label, and one unseen sentence.
    var sample: [String] {
        FixtureModel.labels.map { label in FixtureModel.sentences.first { $0.label == label }!.text }
            + ["أعلن المتحدث أن الاجتماع سيعقد غدا في جنيف"]
    }

    // MARK: Inputs

    @Test("sentences given as arguments, one result line each, in order")
    func arguments() throws {
        let run = try StanceRunner.stance(["--model", modelPath, "--format", "tsv"] + sample)
        #expect(run.status == 0)
        #expect(run.err == "")
        #expect(run.lines == sample.map { Expected.tsv($0, model) })
    }

    @Test("training sentences get their own label")
    func trainingSentences() throws {
        let run = try StanceRunner.stance(["--model", modelPath, "--format", "tsv"] + FixtureModel.sentences.map(\.text))
        let labels = run.lines.map { $0.split(separator: "\t")[0] }
        let correct = zip(labels, FixtureModel.sentences).filter { $0 == $1.label }.count
        #expect(correct >= FixtureModel.sentences.count * 9 / 10)
    }

    @Test("lines of standard input, with no arguments and with --input -")
    func standardInput() throws {
        let input = sample.joined(separator: "\n") + "\n"
        let expected = sample.map { Expected.tsv($0, model) }
        #expect(try StanceRunner.stance(["--model", modelPath, "--format", "tsv"], stdin: input).lines == expected)
        #expect(try StanceRunner.stance(["--model", modelPath, "--format", "tsv", "--input", "-"], stdin: input).lines == expected)
    }

    @Test("--input FILE, with CRLF line ends and no final line break")
    func inputFile() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("in.txt", sample.joined(separator: "\r\n"))
        let run = try StanceRunner.stance(["--model", modelPath, "--format", "tsv", "--input", file])
        #expect(run.status == 0)
        #expect(run.lines == sample.map { Expected.tsv($0, model) })
    }

    @Test("an empty line gives an empty result in every format")
    func emptyLines() throws {
        let input = "\(sample[0])\n\n\r\n\(sample[1])\n"
        let tsv = try StanceRunner.stance(["--model", modelPath, "--format", "tsv"], stdin: input)
        #expect(tsv.lines == [Expected.tsv(sample[0], model), "", "", Expected.tsv(sample[1], model)])
        let text = try StanceRunner.stance(["--model", modelPath], stdin: input)
        #expect(text.lines == [Expected.text(sample[0], model), "", "", Expected.text(sample[1], model)])
        let jsonl = try StanceRunner.stance(["--model", modelPath, "--format", "jsonl"], stdin: input)
        #expect(jsonl.lines == [Expected.jsonl(sample[0], model), #"{"text":""}"#, #"{"text":""}"#, Expected.jsonl(sample[1], model)])
    }

    @Test("invalid UTF-8 is classified as the classifier repairs it, and written back repaired")
    func invalidUTF8() throws {
        let broken: [UInt8] = Array(sample[0].utf8.prefix(9)) + [0xFF, 0xD8, 0x20, 0xE0, 0x80, 0xC3] + Array(" نفى".utf8)
        let input = broken + [0x0A] + [0xF4, 0x90, 0x80, 0x80, 0x0A]
        let repaired = [String(decoding: broken, as: UTF8.self), String(decoding: [0xF4, 0x90, 0x80, 0x80] as [UInt8], as: UTF8.self)]
        let tsv = try StanceRunner.stance(["--model", modelPath, "--format", "tsv"], stdin: input)
        #expect(tsv.status == 0)
        #expect(String(validating: tsv.stdout, as: UTF8.self) != nil)
        #expect(tsv.lines == repaired.map { Expected.tsv($0, model) })
        let jsonl = try StanceRunner.stance(["--model", modelPath, "--format", "jsonl"], stdin: input)
        #expect(try jsonl.lines.map { try jsonObject($0)["text"] as? String } == repaired)
    }

    @Test("a line longer than the read buffer")
    func hugeLine() throws {
        let line = Array(repeating: sample[0], count: 40_000).joined(separator: " ")  // ≈ 4.6 MB
        let run = try StanceRunner.stance(["--model", modelPath, "--format", "tsv"], stdin: line + "\n" + sample[1] + "\n")
        #expect(run.status == 0)
        #expect(run.lines.count == 2)
        #expect(run.lines.first?.hasSuffix("\t" + line) == true)
        #expect(run.lines.last == Expected.tsv(sample[1], model))
    }

    @Test("threads keep the input order", arguments: [2, 3, 8])
    func threadsKeepOrder(threads: Int) throws {
        // Enough lines for several batches and chunks, with empty lines among them.
        var lines: [String] = []
        for i in 0..<9_000 { lines.append(i % 97 == 0 ? "" : FixtureModel.sentences[i % FixtureModel.sentences.count].text + " \(i)") }
        let input = lines.joined(separator: "\n") + "\n"
        let one = try StanceRunner.stance(["--model", modelPath, "--format", "jsonl", "--threads", "1"], stdin: input)
        let many = try StanceRunner.stance(["--model", modelPath, "--format", "jsonl", "--threads", "\(threads)"], stdin: input)
        #expect(one.status == 0 && many.status == 0)
        #expect(one.lines.count == lines.count)
        #expect(many.stdout == one.stdout)
        #expect(try one.lines.map { try jsonObject($0)["text"] as? String } == lines)
    }

    // MARK: Formats

    @Test("text: label, probability with 2 decimals, sentence, aligned")
    func textFormat() throws {
        let run = try StanceRunner.stance(["--model", modelPath] + sample)
        #expect(run.status == 0)
        #expect(run.lines == sample.map { Expected.text($0, model) })
        #expect(run.lines[0].hasPrefix(model.classify(sample[0]).label + "  "))
    }

    @Test("jsonl: text, label, labels and every probability in the model's label order")
    func jsonlFormat() throws {
        let run = try StanceRunner.stance(["--model", modelPath, "--format", "jsonl"] + sample)
        #expect(run.status == 0)
        #expect(run.lines == sample.map { Expected.jsonl($0, model) })
        for (line, text) in zip(run.lines, sample) {
            let object = try jsonObject(line)
            let probabilities = try #require(object["probabilities"] as? [String: Double])
            #expect(Set(probabilities.keys) == Set(model.labels))
            #expect(abs(probabilities.values.reduce(0, +) - 1) < 0.001)
            #expect(object["text"] as? String == text)
            #expect(object["labels"] as? [String] == [object["label"] as? String ?? "?"])
        }
    }

    @Test("jsonl escapes quotes, backslashes and control characters")
    func jsonEscaping() throws {
        let tricky = "قال \"الوزير\" \\ نفى\tذلك\u{01}\u{1F}\u{7F} </script> \u{2028}"
        let run = try StanceRunner.stance(["--model", modelPath, "--format", "jsonl", tricky])
        #expect(run.status == 0)
        #expect(run.out.contains(#""text":"قال \"الوزير\" \\ نفى\tذلك\u0001\u001f"#))
        #expect(try jsonObject(run.lines[0])["text"] as? String == tricky)
        // In text and TSV, control characters become spaces so that a result stays one line.
        let tsv = try StanceRunner.stance(["--model", modelPath, "--format", "tsv", "a\tb\u{1B}[31m"])
        #expect(tsv.lines == [Expected.tsv("a\tb\u{1B}[31m", model)])
        #expect(tsv.lines[0].hasSuffix("\ta b [31m"))
        // Long ASCII runs are scanned eight bytes at a time: controls inside them still count.
        let ascii = ["The quick brown fox jumps\u{07}over the lazy dog", "0123456789abcdef\u{7F}ghijklmnop",
                     "Reuters reported on Monday that\u{1F}", "plain ASCII sentence with no control at all"]
        let runs = try StanceRunner.stance(["--model", modelPath, "--format", "tsv"] + ascii)
        #expect(runs.lines == ascii.map { Expected.tsv($0, model) })
        #expect(runs.lines[1].hasSuffix("\t0123456789abcdef ghijklmnop"))
    }

    // MARK: Articles

    static let article = "نفت الحكومة التقارير عن إغلاق المعبر. ودعا الأمين العام إلى ضبط النفس!\r\n"
        + "وصل الرئيس إلى العاصمة في زيارة رسمية.\n\n  اتهمت الحكومة الميليشيات بقصف الأحياء السكنية"

    @Test("--article: each sentence with its offsets, then a summary (tsv)")
    func articleTSV() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("article.txt", Self.article)
        let run = try StanceRunner.stance(["--model", modelPath, "--format", "tsv", "--article", file])
        #expect(run.status == 0)
        let sentences = SentenceSplitter.split(Self.article)
        #expect(sentences.count == 4)
        #expect(sentences[0].start == 0 && sentences[0].end == 37)
        let labels = sentences.map { model.classify($0.text).label }
        let summary = ["# sentences\t4"] + model.labels.map { label in "# \(label)\t\(labels.filter { $0 == label }.count)" }
        #expect(run.lines == sentences.map { Expected.tsv($0.text, model, offsets: ($0.start, $0.end)) } + summary)
    }

    @Test("--article: offsets count Unicode scalars and point at the sentence (jsonl)")
    func articleJSONL() throws {
        let run = try StanceRunner.stance(["--model", modelPath, "--format", "jsonl", "--article", "-"], stdin: Self.article)
        #expect(run.status == 0)
        let scalars = Array(Self.article.unicodeScalars)
        let objects = try run.lines.map(jsonObject)
        let sentences = objects.dropLast()
        #expect(sentences.count == 4)
        for object in sentences {
            let start = try #require(object["start"] as? Int), end = try #require(object["end"] as? Int)
            let text = String(String.UnicodeScalarView(scalars[start..<end]))
            #expect(object["text"] as? String == text)
            #expect(object["label"] as? String == model.classify(text).label)
        }
        let summary = try #require(objects.last?["summary"] as? [String: Any])
        #expect(summary["sentences"] as? Int == 4)
        let counts = try #require(summary["labels"] as? [String: Int])
        #expect(Set(counts.keys) == Set(model.labels))
        for label in model.labels {
            #expect(counts[label] == sentences.filter { $0["label"] as? String == label }.count)
        }
    }

    @Test("--article: aligned offsets and a summary block (text)")
    func articleText() throws {
        let run = try StanceRunner.stance(["--model", modelPath, "--article", "-"], stdin: Self.article)
        #expect(run.status == 0)
        let sentences = SentenceSplitter.split(Self.article)
        let offsets = sentences.map { "\($0.start)-\($0.end)" }
        let width = offsets.map(\.count).max()!
        let labelWidth = model.labels.map(\.count).max()!
        let labels = sentences.map { model.classify($0.text).label }
        let summary = ["", "summary: 4 sentences"] + model.labels.map { label in
            "  " + label.padding(toLength: labelWidth + 2, withPad: " ", startingAt: 0) + "\(labels.filter { $0 == label }.count)"
        }
        #expect(run.lines == zip(sentences, offsets).map { Expected.text($0.text, model, offsets: $1, offsetsWidth: width) } + summary)
    }

    @Test("--article refuses an article over its size limit with a clear error")
    func articleTooLarge() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("huge.txt", [UInt8](repeating: 0x61, count: (64 << 20) + 1))
        let run = try StanceRunner.stance(["--model", modelPath, "--article", file])
        #expect(run.status == 1)
        #expect(run.err == "stance: article '\(file)' is larger than 64 MiB; classify it line by line with '--input' instead\n")
        #expect(run.stdout.isEmpty)
    }

    // MARK: Reports

    @Test("--explain N: the N features that decided, with counts and contributions")
    func explain() throws {
        let run = try StanceRunner.stance(["--model", modelPath, "--format", "jsonl", "--explain", "3"] + sample)
        #expect(run.status == 0)
        for (line, text) in zip(run.lines, sample) {
            let expected = model.explain(text, limit: 3)
            let object = try jsonObject(line)
            #expect(object["label"] as? String == expected.prediction.label)
            let explanation = try #require(object["explanation"] as? [[String: Any]])
            #expect(explanation.count == expected.contributions.count)
            #expect(explanation.count == 3)
            for (got, want) in zip(explanation, expected.contributions) {
                #expect(got["feature"] as? String == want.feature)
                #expect(got["count"] as? Int == want.count)
                #expect(got["contribution"] as? Double == Double(Expected.fixed(want.contribution, 4)))
            }
        }
        // Text shows them indented under the result.
        let text = try StanceRunner.stance(["--model", modelPath, "--explain", "2", sample[0]])
        let first = model.explain(sample[0], limit: 2).contributions[0]
        #expect(text.lines.count == 3)
        #expect(text.lines[1].hasPrefix("    " + (first.contribution >= 0 ? "+" : "") + Expected.fixed(first.contribution, 4) + "  "))
    }

    @Test("--multi-label reports every label over the threshold with one-vs-rest probabilities",
          arguments: [nil, 0.0, 0.3, 1.0] as [Double?])
    func multiLabel(threshold: Double?) throws {
        let arguments = ["--model", modelPath, "--format", "tsv", "--multi-label"] + (threshold.map { ["--threshold", "\($0)"] } ?? [])
        let run = try StanceRunner.stance(arguments + sample)
        #expect(run.status == 0)
        let expected = sample.map { text in
            let p = model.classifyMultiLabel(text, threshold: threshold)
            let probabilities = p.labels.map { Expected.fixed(p.probabilities[model.labels.firstIndex(of: $0)!], 4) }
            return p.labels.joined(separator: ",") + "\t" + probabilities.joined(separator: ",") + "\t" + text
        }
        #expect(run.lines == expected)
        if threshold == 1.0 { #expect(run.lines.allSatisfy { !$0.split(separator: "\t")[0].contains(",") }) }
    }

    @Test("--top K reports the K most probable labels, most probable first")
    func top() throws {
        let run = try StanceRunner.stance(["--model", modelPath, "--format", "tsv", "--top", "2"] + sample)
        #expect(run.status == 0)
        for (line, text) in zip(run.lines, sample) {
            let p = model.classify(text).probabilities
            let order = p.indices.sorted { p[$0] > p[$1] || (p[$0] == p[$1] && $0 < $1) }.prefix(2)
            #expect(line == order.map { model.labels[$0] }.joined(separator: ",") + "\t"
                + order.map { Expected.fixed(p[$0], 4) }.joined(separator: ",") + "\t" + text)
        }
        // In text, the labels and their probabilities as lists, at least two spaces apart.
        let text = try StanceRunner.stance(["--model", modelPath, "--top", "3", sample[0]])
        let p = model.classify(sample[0]).probabilities
        let order = p.indices.sorted { p[$0] > p[$1] || (p[$0] == p[$1] && $0 < $1) }.prefix(3)
        let labels = order.map { model.labels[$0] }.joined(separator: ",")
        #expect(text.lines == [labels.padding(toLength: max(labels.count, model.labels.map(\.count).max()!) + 2, withPad: " ", startingAt: 0)
            + order.map { Expected.fixed(p[$0], 2) }.joined(separator: ",") + "  " + sample[0]])
        // More than there are labels means all of them.
        let all = try StanceRunner.stance(["--model", modelPath, "--format", "jsonl", "--top", "9", sample[0]])
        #expect(try jsonObject(all.lines[0])["labels"] as? [String] != nil)
        #expect((try jsonObject(all.lines[0])["labels"] as? [String])?.count == model.labels.count)
    }

    // MARK: Models

    @Test("a missing model file: exit 1 and one line saying so")
    func missingModel() throws {
        let run = try StanceRunner.stance(["--model", "/nonexistent/model.stance", "نفى"])
        #expect(run.status == 1)
        #expect(run.err == "stance: cannot read model '/nonexistent/model.stance': no such file\n")
        #expect(run.stdout.isEmpty)
    }

    @Test("a file of random bytes is not a model")
    func randomBytesModel() throws {
        let directory = try TemporaryDirectory()
        var generator = SystemRandomNumberGenerator()
        let file = try directory.write("random.stance", (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let run = try StanceRunner.stance(["--model", file, "نفى"])
        #expect(run.status == 1)
        #expect(run.err == "stance: '\(file)' is not a Stance model file (it does not start with the model signature)\n")
    }

    @Test("a truncated or edited model: exit 1 with the model error's own words",
          arguments: ["truncated", "edited", "appended"])
    func damagedModel(damage: String) throws {
        let directory = try TemporaryDirectory()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: modelPath)))
        switch damage {
        case "truncated": bytes.removeLast(bytes.count / 3)
        case "edited": bytes[bytes.count / 2] ^= 0x5A
        default: bytes += [0, 1, 2]
        }
        let file = try directory.write("damaged.stance", bytes)
        let error = #expect(throws: ModelFileError.self) { try StanceModel.load(path: file) }
        let run = try StanceRunner.stance(["--model", file, "نفى"])
        #expect(run.status == 1)
        #expect(run.err == "stance: \(error?.description ?? "?")\n")
        #expect(run.err.contains(damage == "edited" ? "checksum" : "truncated or appended"))
        #expect(run.stdout.isEmpty)
    }

    @Test("without --model, the built-in model (or a clear error while the build has none)")
    func builtInModel() throws {
        let run = try StanceRunner.stance(["--format", "jsonl", sample[0]])
        if DefaultModel.bytes.isEmpty {
            #expect(run.status == 1)
            #expect(run.err == "stance: this build of stance has no built-in model; pass one with '--model FILE'\n")
        } else {
            let builtIn = try DefaultModel.load()
            #expect(run.status == 0)
            #expect(builtIn.labels.contains(try jsonObject(run.lines[0])["label"] as? String ?? "?"))
        }
    }

    // MARK: Command line

    @Test("--name=value, and -- before a sentence that looks like an option")
    func optionSyntax() throws {
        let run = try StanceRunner.stance(["--model=\(modelPath)", "--format=tsv", "--", "--format", sample[0]])
        #expect(run.status == 0)
        #expect(run.lines == [Expected.tsv("--format", model), Expected.tsv(sample[0], model)])
    }

    @Test("a missing input file: exit 1 and one line")
    func missingInput() throws {
        let run = try StanceRunner.stance(["--model", modelPath, "--input", "/nonexistent/input.txt"])
        #expect(run.status == 1)
        #expect(run.err == "stance: cannot read '/nonexistent/input.txt': no such file\n")
    }

    @Test("usage errors exit 64 with the reason and the usage", arguments: [
        (["--fromat", "tsv"], "unknown option '--fromat' (did you mean '--format'?)"),
        (["--bogus"], "unknown option '--bogus'"),
        (["-x"], "unknown option '-x'"),
        (["--model"], "option '--model' needs a value"),
        (["--model", "--format", "tsv"], "option '--model' needs a value"),
        (["--format", "xml"], "invalid value 'xml' for '--format': expected text, tsv or jsonl"),
        (["--threads", "0"], "invalid value '0' for '--threads': expected a whole number from 1 to 1024"),
        (["--top", "two"], "invalid value 'two' for '--top': expected a whole number from 1 to 64"),
        (["--multi-label", "--threshold", "1.5"], "invalid value '1.5' for '--threshold': expected a probability from 0 to 1"),
        (["--threshold", "0.5"], "'--threshold' only works together with '--multi-label'"),
        (["--multi-label=yes"], "option '--multi-label' takes no value (got 'yes')"),
        (["--input", "a.txt", "نفى"], "sentences given as arguments cannot be combined with '--input' (use one or the other)"),
        (["--input", "a.txt", "--article", "b.txt"], "'--input' and '--article' cannot be used together"),
        (["--multi-label", "--top", "2"], "'--multi-label' and '--top' cannot be used together"),
        (["--multi-label", "--explain", "2"], "'--multi-label' and '--explain' cannot be used together"),
        (["--explain", "3", "--format", "tsv"], "'--explain' needs '--format text' or '--format jsonl' (tsv has no room for it)"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let run = try StanceRunner.stance(arguments)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        let lines = run.err.split(separator: "\n").map(String.init)
        #expect(lines.first == "stance: " + message)
        #expect(lines.dropFirst().first == "usage: stance [options] [SENTENCE ...]")
    }

    @Test("--help and -h show the options with their defaults", arguments: ["--help", "-h"])
    func help(flag: String) throws {
        let run = try StanceRunner.stance([flag])
        #expect(run.status == 0)
        #expect(run.err == "")
        for option in ["--input FILE", "--article FILE", "--model FILE", "--format FORMAT", "--multi-label", "--threshold P",
                       "--top K", "--explain N", "--threads N", "--version"] {
            #expect(run.out.contains(option))
        }
        #expect(run.out.contains("(default: text)"))
        #expect(run.out.contains("the number of active processors"))
    }

    @Test("--version")
    func version() throws {
        let run = try StanceRunner.stance(["--version"])
        #expect(run.status == 0)
        #expect(run.out == "stance \(StanceVersion.current)\n")
    }
}
