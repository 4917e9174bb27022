import Foundation
import Testing
@testable import Trainer

@Suite("Reading files and directories")
struct DatasetReaderTests {
    @Test func reportsInvalidUTF8WithoutRepairingIt() throws {
        let bytes = Array("none\tنص سليم\n".utf8) + Array("denial\tنفت ".utf8) + [0xFF, 0xFE] + Array(" الخبر\n".utf8)
        #expect(try Fixture().error("bad.tsv", bytes: bytes) ==
            "FILE:2: invalid UTF-8 at byte 15 in 'denial\\tنفت \u{FFFD}\u{FFFD} الخبر'; save the file as UTF-8")
    }

    @Test(arguments: [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xD9]] as [[UInt8]])
    func rejectsOverlongSurrogateAndTruncatedSequences(bad: [UInt8]) throws {
        let bytes = Array("denial\t".utf8) + bad
        let message = try Fixture().error("bad.tsv", bytes: bytes)
        #expect(message?.hasPrefix("FILE:1: invalid UTF-8 at byte 8 in ") == true)
    }

    @Test func reportsA10MBLineWithoutKeepingIt() throws {
        let fixture = try Fixture()
        let long = [UInt8](repeating: UInt8(ascii: "a"), count: 10_485_760)
        let path = try fixture.write("long.tsv", bytes: Array("denial\tنفت الوزارة الخبر\n".utf8) + long
                                     + Array("\r\nnone\tوصل الوفد\n".utf8))
        #expect(throws: DataError.lineTooLong(at: SourceLocation(file: path, line: 2), length: 10_485_760, limit: 1_000_000)) {
            try DatasetReader().read(paths: [path])
        }
        let error = #expect(throws: DataError.self) { try DatasetReader().read(paths: [path]) }
        #expect(error?.description == "\(path):2: line is 10485760 bytes long; the limit is 1000000")
        let dataset = try DatasetReader(skipBadLines: true).read(paths: [path])
        #expect(dataset.examples.map(\.source.line) == [1, 3])
    }

    @Test func acceptsALineOfExactlyTheLimit() throws {
        let sentence = String(repeating: "a", count: DatasetReader.maximumLineLength - "none\t".utf8.count)
        let dataset = try Fixture().read("edge.tsv", "none\t" + sentence + "\r\n")
        #expect(dataset.examples.first?.text.utf8.count == sentence.utf8.count)
        #expect(try Fixture().error("over.tsv", "none\t" + sentence + "b\n")
                == "FILE:1: line is 1000001 bytes long; the limit is 1000000")
    }

    @Test(arguments: ["", "\n\n", "# only a comment\n", "\u{FEFF}"])
    func reportsAFileWithoutExamples(text: String) throws {
        #expect(try Fixture().error("empty.tsv", text) == "FILE: no examples")
    }

    @Test("lines parsed in parallel batches come out in order, the first bad one stopping the reading",
          arguments: ["tsv", "txt", "jsonl"])
    func batchesKeepLineOrder(format: String) throws {
        let count = 2 * DatasetReader.batchSize + 17
        // Bad lines in the second batch and in the last, partial one.
        let bad = [DatasetReader.batchSize + 5, DatasetReader.batchSize + 6, 2 * DatasetReader.batchSize + 3]
        func line(_ i: Int) -> String {
            let label = bad.contains(i) ? "denail" : ["denial", "accusation", "none"][i % 3]
            let text = "نفى المتحدث الخبر رقم \(i)"
            switch format {
            case "tsv": return "\(label)\t\(text)"
            case "txt": return "__label__\(label) \(text)"
            default: return "{\"text\": \"\(text)\", \"label\": \"\(label)\"}"
            }
        }
        let fixture = try Fixture()
        let path = try fixture.write("many.\(format)", (1...count).map(line).joined(separator: "\n") + "\n")
        let error = #expect(throws: DataError.self) { try DatasetReader().read(paths: [path]) }
        #expect(error?.description.hasPrefix("\(path):\(bad[0]): unknown label 'denail'") == true)
        let dataset = try DatasetReader(skipBadLines: true).read(paths: [path])
        #expect(dataset.examples.map(\.source.line) == (1...count).filter { !bad.contains($0) })
        #expect(dataset.examples.map(\.text) == (1...count).filter { !bad.contains($0) }.map { "نفى المتحدث الخبر رقم \($0)" })
        #expect(dataset.skipped.map { $0.location?.line } == bad)
    }

    @Test func skipsBadLinesWhenAsked() throws {
        let fixture = try Fixture()
        let path = try fixture.write("mixed.tsv", """
            denial\tنفت الوزارة الخبر
            denail\tنفى المتحدث الخبر
            none,denial\tنص
            none\tوصل الوفد

            """)
        let dataset = try DatasetReader(skipBadLines: true).read(paths: [path])
        #expect(dataset.examples.map(\.source.line) == [1, 4])
        #expect(dataset.skipped.map(\.description) == [
            "\(path):2: unknown label 'denail' (did you mean 'denial'?)",
            "\(path):3: 'none' combined with other labels in 'none,denial'; 'none' stands alone",
        ])
    }

    @Test func skippingEverythingIsStillAnError() throws {
        let fixture = try Fixture()
        let path = try fixture.write("bad.tsv", "denail\tنص\nnone نص\n")
        // The error reading stops at without skipping is the first one named.
        var first = ""
        do { _ = try DatasetReader().read(paths: [path]) } catch { first = error.description }
        #expect(first.hasPrefix("\(path):1: unknown label 'denail'"))
        #expect(throws: DataError.nothingRead(skipped: 2, first: first)) {
            try DatasetReader(skipBadLines: true).read(paths: [path])
        }
        #expect(DataError.nothingRead(skipped: 2, first: first).description == "no examples (2 bad lines skipped; the first: \(first))")
    }

    @Test func acceptsAnyLowercaseLabelWithoutAList() throws {
        let reader = DatasetReader(labels: nil)
        let dataset = try Fixture().read("a.tsv", "threat,demand\tهدد الرئيس\n", reader: reader)
        #expect(dataset.examples.first?.labels == ["threat", "demand"])
        #expect(try Fixture().error("b.tsv", "Threat-1\tهدد الرئيس\n", reader: reader) ==
            "FILE:1: invalid label 'Threat-1'; labels are made of the letters a–z and '_'")
        #expect(try Fixture().error("c.tsv", "none,threat\tهدد الرئيس\n", reader: reader) ==
            "FILE:1: 'none' combined with other labels in 'none,threat'; 'none' stands alone")
    }

    @Test func readsDirectoriesRecursivelyInPathOrder() throws {
        let fixture = try Fixture()
        let root = fixture.directory + "/data"
        try fixture.write("data/b.tsv", "denial\tب\n")
        try fixture.write("data/a/deep/y.jsonl", #"{"text": "ج", "label": "none"}"# + "\n")
        try fixture.write("data/a/x.csv", "text,labels\nأ,accusation\n")
        try fixture.write("data/a-z.txt", "__label__none د\n")
        try fixture.write("data/notes.md", "not data\n")
        try fixture.write("data/.hidden.tsv", "broken\n")
        try fixture.write("data/.git/c.tsv", "broken\n")
        let dataset = try DatasetReader().read(paths: [root + "/"])
        #expect(dataset.files == [root + "/a-z.txt", root + "/a/deep/y.jsonl", root + "/a/x.csv", root + "/b.tsv"])
        #expect(dataset.examples.map(\.text) == ["د", "ج", "أ", "ب"])
        #expect(dataset.examples.map(\.source.description) == [
            root + "/a-z.txt:1", root + "/a/deep/y.jsonl:1", root + "/a/x.csv:2", root + "/b.tsv:1",
        ])
    }

    @Test func readsSeveralPathsInOrder() throws {
        let fixture = try Fixture()
        let b = try fixture.write("b.tsv", "denial\tب\n")
        let a = try fixture.write("a.tsv", "none\tأ\n")
        let dataset = try DatasetReader().read(paths: [b, a])
        #expect(dataset.files == [b, a])
        #expect(dataset.examples.map(\.text) == ["ب", "أ"])
    }

    @Test func theGivenFormatOverridesTheExtension() throws {
        let dataset = try Fixture().read("a.data", "__label__none وصل الوفد\n", reader: DatasetReader(format: .fasttext))
        #expect(dataset.examples.map(\.text) == ["وصل الوفد"])
    }

    @Test func reportsPathProblems() throws {
        let fixture = try Fixture()
        let missing = fixture.directory + "/x.tsv"
        #expect(throws: DataError.noSuchFile(path: missing)) { try DatasetReader().read(paths: [missing]) }
        #expect(DataError.noSuchFile(path: "x.tsv").description == "cannot read 'x.tsv': no such file")

        let unknown = try fixture.write("notes.doc", "denial\tنص\n")
        let unknownError = #expect(throws: DataError.self) { try DatasetReader().read(paths: [unknown]) }
        #expect(unknownError?.description == "cannot tell the format of '\(unknown)' from its extension; "
                + "rename it to one of .tsv, .txt, .ft, .fasttext, .csv, .jsonl, .ndjson or name the format")

        let empty = fixture.directory + "/empty"
        try fixture.write("empty/readme.md", "nothing here\n")
        let emptyError = #expect(throws: DataError.self) { try DatasetReader().read(paths: [empty]) }
        #expect(emptyError?.description == "no data files (.tsv, .txt, .ft, .fasttext, .csv, .jsonl, .ndjson) in directory '\(empty)'")

        #expect(throws: DataError.noPaths) { try DatasetReader().read(paths: []) }
    }

    @Test func checksEveryPathBeforeReading() throws {
        let fixture = try Fixture()
        let good = try fixture.write("good.tsv", "denial\tنص\n")
        let missing = fixture.directory + "/missing.tsv"
        #expect(throws: DataError.noSuchFile(path: missing)) { try DatasetReader().read(paths: [good, missing]) }
    }

    @Test func standardInputIsTSVUnlessToldOtherwise() throws {
        let tsv = try DatasetReader.inputFiles(at: "-", format: nil)
        #expect(tsv.map(\.format) == [.tsv])
        let jsonl = try DatasetReader.inputFiles(at: "-", format: .jsonl)
        #expect(jsonl.map(\.format) == [.jsonl])
    }

    @Test func neverCrashesOnArbitraryBytes() throws {
        // Deterministic pseudo-random bytes rich in the characters the formats care about.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet: [UInt8] = Array("\t\n\r,\"{}[]:#_ abel".utf8) + [0xD9, 0x86, 0xFF, 0xEF, 0xBB, 0xBF, 0xC0]
        let fixture = try Fixture()
        for round in 0..<40 {
            var bytes: [UInt8] = []
            for _ in 0..<400 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            for format in DataFormat.allCases {
                let path = try fixture.write("fuzz\(round).\(format.fileExtensions[0])", bytes: bytes)
                _ = try? DatasetReader(labels: nil, skipBadLines: true).read(paths: [path])
                _ = try? DatasetReader().read(paths: [path])
            }
        }
    }
}
