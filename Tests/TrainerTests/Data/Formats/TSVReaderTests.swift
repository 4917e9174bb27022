import Foundation
import Testing
@testable import Trainer

@Suite("TSV files")
struct TSVReaderTests {
    @Test func readsExamplesSkippingCommentsAndBlankLines() throws {
        let fixture = try Fixture()
        let text = """
            # نفي — اختبار
            denial\tنفت الوزارة الاتهامات جملة وتفصيلا

            \t   \t
            accusation,denial\tاتهمت كييف طهران بتزويد موسكو بمسيرات، وهو ما تنفيه إيران
            none\t  التقى الوزير نظيره الفرنسي في باريس  \n
            """
        let path = try fixture.write("a.tsv", text)
        let dataset = try DatasetReader().read(paths: [path])
        #expect(dataset.examples == [
            Example(text: "نفت الوزارة الاتهامات جملة وتفصيلا", labels: ["denial"],
                    source: SourceLocation(file: path, line: 2)),
            Example(text: "اتهمت كييف طهران بتزويد موسكو بمسيرات، وهو ما تنفيه إيران",
                    labels: ["accusation", "denial"], source: SourceLocation(file: path, line: 5)),
            Example(text: "التقى الوزير نظيره الفرنسي في باريس", labels: ["none"],
                    source: SourceLocation(file: path, line: 6)),
        ])
        #expect(dataset.skipped.isEmpty)
        #expect(dataset.files == [path])
    }

    @Test func keepsLabelOrderAndTrimsSpacesAroundLabels() throws {
        let dataset = try Fixture().read("a.tsv", "call_for_restraint , accusation\tدعت باريس إلى ضبط النفس\n")
        #expect(dataset.examples.first?.labels == ["call_for_restraint", "accusation"])
    }

    @Test func handlesByteOrderMarkAndCRLF() throws {
        let fixture = try Fixture()
        let path = try fixture.write("bom.tsv", "\u{FEFF}denial\tنفت الوزارة الخبر\r\n# تعليق\r\nnone\tعقد الاجتماع أمس\r\n")
        let dataset = try DatasetReader().read(paths: [path])
        #expect(dataset.examples.map(\.labels) == [["denial"], ["none"]])
        #expect(dataset.examples.map(\.text) == ["نفت الوزارة الخبر", "عقد الاجتماع أمس"])
        #expect(dataset.examples.map(\.source.line) == [1, 3])
    }

    @Test func readsALastLineWithoutNewline() throws {
        let dataset = try Fixture().read("a.tsv", "denial\tنفى المتحدث الخبر\nnone\tوصل الوفد")
        #expect(dataset.examples.map(\.text) == ["نفى المتحدث الخبر", "وصل الوفد"])
    }

    @Test func readsTheRepositoryData() throws {
        // The real `Data/` directory, when the tests run from the package root.
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../Data").standardized.path
        guard FileManager.default.fileExists(atPath: data) else { return }
        let dataset = try DatasetReader().read(paths: [data])
        #expect(dataset.examples.count > 1000)
        #expect(dataset.files.allSatisfy { $0.hasSuffix(".tsv") })
    }

    @Test(arguments: [
        ("denial نفت الوزارة الاتهامات",
         "FILE:1: missing TAB between labels and sentence in 'denial نفت الوزارة الاتهامات'"),
        ("denail\tنفت الوزارة الاتهامات",
         "FILE:1: unknown label 'denail' (did you mean 'denial'?)"),
        ("Denial\tنفت الوزارة الاتهامات",
         "FILE:1: unknown label 'Denial' (did you mean 'denial'?)"),
        ("call_for_restrain\tدعا إلى التهدئة",
         "FILE:1: unknown label 'call_for_restrain' (did you mean 'call_for_restraint'?)"),
        ("threat\tهدد الرئيس بالرد",
         "FILE:1: unknown label 'threat' (the labels are denial, accusation, call_for_restraint, none)"),
        ("none,denial\tنفت الوزارة الاتهامات",
         "FILE:1: 'none' combined with other labels in 'none,denial'; 'none' stands alone"),
        ("denial,none\tنفت الوزارة الاتهامات",
         "FILE:1: 'none' combined with other labels in 'denial,none'; 'none' stands alone"),
        ("denial,,accusation\tنفت الوزارة الاتهامات",
         "FILE:1: empty label in 'denial,,accusation\\tنفت الوزارة الاتهامات'"),
        ("denial,denial\tنفت الوزارة الاتهامات",
         "FILE:1: label 'denial' given twice"),
        ("\tنفت الوزارة الاتهامات",
         "FILE:1: no labels before the TAB in '\\tنفت الوزارة الاتهامات'"),
        ("denial\t   ",
         "FILE:1: empty sentence in 'denial\\t   '"),
        ("denial\tنفت الوزارة\tالاتهامات",
         "FILE:1: more than one TAB in 'denial\\tنفت الوزارة\\tالاتهامات'; a line is LABELS<TAB>SENTENCE"),
    ])
    func reportsBadLines(line: String, message: String) throws {
        #expect(try Fixture().error("bad.tsv", line + "\n") == message)
    }

    @Test func quotesLongLinesShortened() throws {
        let line = "denial نفى المتحدث باسم الخارجية الإيرانية في مؤتمر صحفي أسبوعي صباح الإثنين ما أوردته وسائل إعلام غربية"
        #expect(try Fixture().error("bad.tsv", "# x\n" + line) ==
            "FILE:2: missing TAB between labels and sentence in 'denial نفى المتحدث باسم الخارجية الإيرانية في مؤتمر صحفي…'")
    }

    @Test func stopsAtTheFirstBadLine() throws {
        let text = "denial\tنفت الوزارة\nnone نص بلا فاصل\ndenail\tنص\n"
        #expect(try Fixture().error("bad.tsv", text) == "FILE:2: missing TAB between labels and sentence in 'none نص بلا فاصل'")
    }
}
