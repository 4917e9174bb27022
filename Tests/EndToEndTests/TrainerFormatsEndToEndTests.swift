import Foundation
import Testing

/// The built `trainer` on the fixture sentences written in each input format, and on broken
/// files of each format.
@Suite struct TrainerFormatsEndToEndTests {
    /// The fixture's examples: labels and sentence of every line that is not a comment.
    static let examples: [(labels: [String], text: String)] = TrainerFixture.tsv.split(separator: "\n").compactMap { line in
        guard !line.hasPrefix("#"), let tab = line.firstIndex(of: "\t") else { return nil }
        return (line[..<tab].split(separator: ",").map(String.init), String(line[line.index(after: tab)...]))
    }

    /// The examples as fastText lines, with the sentence's commas intact.
    static var fastText: String {
        examples.map { ($0.labels.map { "__label__" + $0 } + [$0.text]).joined(separator: " ") + "\n" }.joined()
    }

    /// The examples as CSV with the columns in another order and an extra one; every field
    /// quoted, a quote inside one doubled.
    static var csv: String {
        "id,text,labels\r\n" + examples.enumerated().map { i, example in
            "\(i + 1),\"\(example.text.replacingOccurrences(of: "\"", with: "\"\""))\",\"\(example.labels.joined(separator: ","))\"\r\n"
        }.joined()
    }

    /// The examples as JSON Lines: `labels` arrays, and `label` strings for the single-label ones
    /// on even lines.
    static var jsonLines: String {
        examples.enumerated().map { i, example in
            let labels = example.labels.count == 1 && i % 2 == 0 ? "\"label\": \"\(example.labels[0])\""
                : "\"labels\": [" + example.labels.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
            return "{\"text\": \"\(example.text)\", \(labels), \"source\": \"e2e\"}\n"
        }.joined()
    }

    /// Trains on `paths` with `extra` options; returns the model's bytes, or records the failure.
    static func model(_ scratch: TrainerScratch, _ paths: [String], _ extra: [String] = [], name: String) throws -> [UInt8]? {
        let output = scratch.file(name + ".stance")
        let run = try runExecutable("trainer", ["train"] + paths + ["-o", output] + TrainerFixture.fast + extra)
        #expect(run.status == 0, "\(name): \(run.stderr)")
        #expect(run.stdout.hasPrefix("read 40 examples from "), "\(name): \(run.stdout)")
        return run.status == 0 ? try scratch.bytes(output) : nil
    }

    @Test("the same sentences in TSV, fastText, CSV and JSON Lines, with a BOM or CRLF, or in a directory, train the same model")
    func everyFormat() throws {
        let scratch = try TrainerScratch()
        let tsv = try scratch.write("train.tsv", TrainerFixture.tsv)
        guard let reference = try Self.model(scratch, [tsv], name: "tsv") else { return }
        let crlf = TrainerFixture.tsv.replacingOccurrences(of: "\n", with: "\r\n")
        let variants: [(name: String, bytes: [UInt8], extra: [String])] = [
            ("bom-crlf.tsv", [0xEF, 0xBB, 0xBF] + Array(crlf.utf8), []),
            ("train.txt", Array(Self.fastText.utf8), []),
            ("train.ft", Array(Self.fastText.utf8), []),
            ("fasttext.data", Array(Self.fastText.utf8), ["--format", "fasttext"]),
            ("train.csv", Array(Self.csv.utf8), []),
            ("bom.csv", [0xEF, 0xBB, 0xBF] + Array(Self.csv.utf8), []),
            ("train.jsonl", Array(Self.jsonLines.utf8), []),
            ("train.ndjson", Array(Self.jsonLines.replacingOccurrences(of: "\n", with: "\r\n").utf8), []),
        ]
        for variant in variants {
            let path = try scratch.write(variant.name, bytes: variant.bytes)
            let bytes = try Self.model(scratch, [path], variant.extra, name: variant.name)
            #expect(bytes == reference, "\(variant.name) trained another model")
        }
        // A directory is read recursively, its files in name order: one label a file, one of
        // them in a subdirectory, gives the fixture's examples in the fixture's order.
        let directory = scratch.file("data")
        try FileManager.default.createDirectory(atPath: directory + "/more/deeper", withIntermediateDirectories: true)
        let parts = TrainerFixture.tsv.components(separatedBy: "# ").filter { !$0.isEmpty }
        #expect(parts.count == 4)
        for (i, part) in parts.enumerated() {
            let name = i == 3 ? "more/deeper/4.tsv" : "\(i + 1).tsv"
            try Data(("# " + part).utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
        }
        try Data("not data".utf8).write(to: URL(fileURLWithPath: directory + "/README.md"))
        let fromDirectory = try Self.model(scratch, [directory], name: "directory")
        #expect(fromDirectory == reference, "the directory trained another model")
    }

    static let badFiles: [(name: String, content: String, message: String)] = [
        ("labels.txt", "__label__denial نفت الوزارة الخبر\nنفى الوزير الخبر\n",
         ":2: no '__label__NAME' before the sentence in 'نفى الوزير الخبر'"),
        ("label.ft", "__label__denial نفت الوزارة الخبر\n__label__denail نفى الوزير الخبر\n",
         ":2: unknown label 'denail' (did you mean 'denial'?)"),
        ("quote.csv", "text,labels\n\"نفت الوزارة الخبر,denial\n", ":2: unbalanced quote: the quoted field opened in '\"نفت الوزارة الخبر,denial' is never closed"),
        ("column.csv", "sentence,labels\nنفت الوزارة الخبر,denial\n", ":1: no column 'text' in the header (columns: 'sentence', 'labels')"),
        ("fields.csv", "text,labels\nنفت الوزارة الخبر,denial,extra\n", ":2: record has 3 fields; the header has 2"),
        ("json.jsonl", "{\"text\": \"نفت الوزارة الخبر\", \"labels\": [\"denial\"]}\n{\"text\": \"نفى\n",
         ":2: invalid JSON in '{\"text\": \"نفى'"),
        ("text.jsonl", "{\"sentence\": \"نفت الوزارة الخبر\", \"labels\": [\"denial\"]}\n",
         ":1: missing \"text\" in '{\"sentence\": \"نفت الوزارة الخبر\", \"labels\": [\"denial\"]}'"),
    ]

    @Test("a broken fastText, CSV or JSON Lines file exits 1 with FILE:LINE: reason and writes nothing",
          arguments: badFiles.indices)
    func badFile(_ index: Int) throws {
        let (name, content, message) = Self.badFiles[index]
        let scratch = try TrainerScratch()
        let path = try scratch.write(name, content)
        let run = try runExecutable("trainer", ["train", path, "-o", scratch.file("m.stance")])
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == path + message + "\n")
        #expect(try scratch.names() == [name])
    }

    @Test("a 10 MB line stops training at its line; with --skip-bad-lines it is reported and skipped")
    func hugeLine() throws {
        let scratch = try TrainerScratch()
        var bytes = Array("denial\tنفت الوزارة صحة التقارير\n".utf8)
        bytes += Array("none\t".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 10 * 1024 * 1024) + [0x0A]
        bytes += Array(TrainerFixture.tsv.utf8)
        let path = try scratch.write("huge.tsv", bytes: bytes)
        let model = scratch.file("m.stance")
        let message = "\(path):2: line is 10485765 bytes long; the limit is 1000000"
        let stopped = try runExecutable("trainer", ["train", path, "-o", model] + TrainerFixture.fast)
        #expect(stopped.status == 1)
        #expect(stopped.stderr == message + "\n")
        #expect(try scratch.names() == ["huge.tsv"])
        let skipped = try runExecutable("trainer", ["train", path, "-o", model, "--skip-bad-lines"] + TrainerFixture.fast)
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stderr == message + " (skipped)\n")
        #expect(skipped.stdout.hasPrefix("read 41 examples from 1 file (1 bad line skipped)\n"))
        #expect(try scratch.names() == ["huge.tsv", "m.stance"])
    }
}
