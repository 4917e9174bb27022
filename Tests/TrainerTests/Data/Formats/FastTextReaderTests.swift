import Testing
@testable import Trainer

@Suite("fastText files")
struct FastTextReaderTests {
    @Test func readsLabelsThenSentence() throws {
        let fixture = try Fixture()
        let path = try fixture.write("train.txt", """
            __label__accusation __label__denial اتهمت لندن موسكو بالهجوم، لكن موسكو نفت ذلك

            __label__none\tالتقى الوزير نظيره
            __label__call_for_restraint  دعا الأمين العام إلى ضبط النفس __label__none

            """)
        let dataset = try DatasetReader().read(paths: [path])
        #expect(dataset.examples == [
            Example(text: "اتهمت لندن موسكو بالهجوم، لكن موسكو نفت ذلك", labels: ["accusation", "denial"],
                    source: SourceLocation(file: path, line: 1)),
            Example(text: "التقى الوزير نظيره", labels: ["none"], source: SourceLocation(file: path, line: 3)),
            // Only leading `__label__` words are labels.
            Example(text: "دعا الأمين العام إلى ضبط النفس __label__none", labels: ["call_for_restraint"],
                    source: SourceLocation(file: path, line: 4)),
        ])
    }

    @Test(arguments: ["train.ft", "train.fasttext", "TRAIN.TXT"])
    func isInferredFromTheExtension(name: String) throws {
        let dataset = try Fixture().read(name, "__label__denial نفت الوزارة الخبر\n")
        #expect(dataset.examples.map(\.labels) == [["denial"]])
    }

    @Test(arguments: [
        ("نفت الوزارة الخبر", "FILE:1: no '__label__NAME' before the sentence in 'نفت الوزارة الخبر'"),
        ("__label__denail نفت الوزارة الخبر", "FILE:1: unknown label 'denail' (did you mean 'denial'?)"),
        ("__label__ نفت الوزارة الخبر", "FILE:1: empty label in '__label__ نفت الوزارة الخبر'"),
        ("__label__none __label__denial نفت الوزارة الخبر",
         "FILE:1: 'none' combined with other labels in 'none,denial'; 'none' stands alone"),
        ("__label__denial   ", "FILE:1: empty sentence in '__label__denial   '"),
    ])
    func reportsBadLines(line: String, message: String) throws {
        #expect(try Fixture().error("bad.txt", line + "\n") == message)
    }
}
