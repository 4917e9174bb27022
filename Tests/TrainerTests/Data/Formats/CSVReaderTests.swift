import Testing
@testable import Trainer

@Suite("CSV files")
struct CSVReaderTests {
    @Test func readsQuotedFieldsAcrossLines() throws {
        let fixture = try Fixture()
        let path = try fixture.write("a.csv", [
            "id,text,labels",
            "1,نفت الوزارة الاتهامات,denial",
            "2,\"قال \"\"لا\"\" للاتهامات، وندد بالهجوم\",\"denial,accusation\"",
            "",
            "3,\"سطر أول",
            "سطر ثان, بفاصلة\",none",
            "4,التقى الوزير نظيره,\"none\"",
        ].joined(separator: "\r\n") + "\r\n")
        let dataset = try DatasetReader().read(paths: [path])
        #expect(dataset.examples == [
            Example(text: "نفت الوزارة الاتهامات", labels: ["denial"], source: SourceLocation(file: path, line: 2)),
            Example(text: "قال \"لا\" للاتهامات، وندد بالهجوم", labels: ["denial", "accusation"],
                    source: SourceLocation(file: path, line: 3)),
            Example(text: "سطر أول\nسطر ثان, بفاصلة", labels: ["none"], source: SourceLocation(file: path, line: 5)),
            Example(text: "التقى الوزير نظيره", labels: ["none"], source: SourceLocation(file: path, line: 7)),
        ])
    }

    @Test func findsNamedColumnsInAnyOrder() throws {
        let reader = DatasetReader(csvTextColumn: "sentence", csvLabelColumn: "stance")
        let dataset = try Fixture().read("a.csv", "\u{FEFF}stance, sentence\naccusation,ندد الوزير بالهجوم\n", reader: reader)
        #expect(dataset.examples.map(\.text) == ["ندد الوزير بالهجوم"])
        #expect(dataset.examples.map(\.labels) == [["accusation"]])
    }

    @Test(arguments: [
        ("text,labels\n\"نفت الوزارة,denial\nnone,نص\n",
         "FILE:2: unbalanced quote: the quoted field opened in '\"نفت الوزارة,denial' is never closed"),
        ("text,labels\nنفت \"الوزارة\",denial\n",
         "FILE:2: quote inside an unquoted field in 'نفت \"الوزارة\",denial'; quote the whole field and double the quotes in it"),
        ("text,labels\n\"نفت\" الوزارة,denial\n",
         "FILE:2: text after a closing quote in '\"نفت\" الوزارة,denial'; double the quotes inside a quoted field"),
        ("sentence,labels\nنفت,denial\n",
         "FILE:1: no column 'text' in the header (columns: 'sentence', 'labels')"),
        ("text,label\nنفت,denial\n",
         "FILE:1: no column 'labels' in the header (columns: 'text', 'label')"),
        ("text,labels\nنفت,denial,extra\n",
         "FILE:2: record has 3 fields; the header has 2"),
        ("text,labels\n\"نفت\nالوزارة\"\n",
         "FILE:2: record has 1 field; the header has 2"),
        ("text,labels\nنفت الوزارة,denail\n",
         "FILE:2: unknown label 'denail' (did you mean 'denial'?)"),
        ("text,labels\nنفت الوزارة,\"none,denial\"\n",
         "FILE:2: 'none' combined with other labels in 'none,denial'; 'none' stands alone"),
        ("text,labels\n,denial\n",
         "FILE:2: empty sentence in ',denial'"),
        ("text,labels\nنفت الوزارة,\n",
         "FILE:2: no labels in 'نفت الوزارة,'"),
        ("text,labels\n",
         "FILE: no examples"),
    ])
    func reportsBadRecords(text: String, message: String) throws {
        #expect(try Fixture().error("bad.csv", text) == message)
    }

    @Test func skipsABadRecordAndGoesOn() throws {
        let fixture = try Fixture()
        let path = try fixture.write("a.csv", "text,labels\nنفت \"الوزارة\",denial\n\"ندد\nالوزير\",accusation\nوصل الوفد,none\n")
        let dataset = try DatasetReader(skipBadLines: true).read(paths: [path])
        #expect(dataset.examples.map(\.source.line) == [3, 5])
        #expect(dataset.skipped.map(\.location?.line) == [2])
    }
}
