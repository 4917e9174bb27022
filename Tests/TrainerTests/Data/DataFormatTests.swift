import Testing
@testable import Trainer

@Suite("Data formats")
struct DataFormatTests {
    @Test(arguments: [
        ("Data/levant.tsv", DataFormat.tsv), ("train.txt", .fasttext), ("a.ft", .fasttext),
        ("a.fasttext", .fasttext), ("A.CSV", .csv), ("x.jsonl", .jsonl), ("x.ndjson", .jsonl),
    ])
    func isInferredFromTheExtension(path: String, format: DataFormat) {
        #expect(DataFormat(path: path) == format)
    }

    @Test(arguments: ["README", "notes.md", "dir.tsv/file", "tsv", ".tsv.bak"])
    func isNotInferredFromOtherNames(path: String) {
        #expect(DataFormat(path: path) == nil)
    }
}
