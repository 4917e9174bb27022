import Testing
@testable import Trainer

@Suite("JSON Lines files")
struct JSONLinesReaderTests {
    @Test func readsObjectsWithLabelsOrLabel() throws {
        let fixture = try Fixture()
        let path = try fixture.write("a.jsonl", """
            {"text": "نفت الوزارة الاتهامات", "labels": ["denial"]}

            {"id": 7, "label": "none", "text": "  التقى الوزير نظيره  "}
            {"text": "قال \\"لا\\" للاتهامات\\nوندد بالهجوم", "labels": ["denial", "accusation"], "source": {"agency": "x"}}
            """)
        let dataset = try DatasetReader().read(paths: [path])
        #expect(dataset.examples == [
            Example(text: "نفت الوزارة الاتهامات", labels: ["denial"], source: SourceLocation(file: path, line: 1)),
            Example(text: "التقى الوزير نظيره", labels: ["none"], source: SourceLocation(file: path, line: 3)),
            Example(text: "قال \"لا\" للاتهامات\nوندد بالهجوم", labels: ["denial", "accusation"],
                    source: SourceLocation(file: path, line: 4)),
        ])
    }

    @Test func acceptsTheNDJSONExtensionAndCRLF() throws {
        let dataset = try Fixture().read("a.ndjson", "\u{FEFF}{\"text\": \"نص\", \"label\": \"none\"}\r\n")
        #expect(dataset.examples.map(\.text) == ["نص"])
    }

    @Test(arguments: [
        (#"{"text": "نفت الوزارة", "labels": ["denial"]"#, #"FILE:1: invalid JSON in '{"text": "نفت الوزارة", "labels": ["denial"]'"#),
        (#"{text: "نفت"}"#, #"FILE:1: invalid JSON in '{text: "نفت"}'"#),
        (#"["denial", "نفت"]"#, #"FILE:1: expected an object like {"text": "…", "labels": ["…"]} in '["denial", "نفت"]'"#),
        (#"{"labels": ["denial"]}"#, #"FILE:1: missing "text" in '{"labels": ["denial"]}'"#),
        (#"{"text": "نفت"}"#, #"FILE:1: missing "labels" in '{"text": "نفت"}'"#),
        (#"{"text": 5, "label": "none"}"#, #"FILE:1: "text" is not a string in '{"text": 5, "label": "none"}'"#),
        (#"{"text": "نفت", "labels": "denial"}"#, #"FILE:1: "labels" is not an array of strings in '{"text": "نفت", "labels": "denial"}'"#),
        (#"{"text": "نفت", "labels": ["denial", 1]}"#, #"FILE:1: "labels" is not an array of strings in '{"text": "نفت", "labels": ["denial", 1]}'"#),
        (#"{"text": "نفت", "label": ["denial"]}"#, #"FILE:1: "label" is not a string in '{"text": "نفت", "label": ["denial"]}'"#),
        (#"{"text": "نفت", "label": "none", "labels": ["none"]}"#, #"FILE:1: both "labels" and "label" in '{"text": "نفت", "label": "none", "labels": ["none"]}'; give one"#),
        (#"{"text": "نفت", "labels": []}"#, #"FILE:1: no labels in '{"text": "نفت", "labels": []}'"#),
        (#"{"text": " ", "labels": ["none"]}"#, #"FILE:1: empty sentence in '{"text": " ", "labels": ["none"]}'"#),
        (#"{"text": "نفت", "labels": ["denail"]}"#, "FILE:1: unknown label 'denail' (did you mean 'denial'?)"),
        (#"{"text": "نفت", "labels": ["none", "denial"]}"#, "FILE:1: 'none' combined with other labels in 'none,denial'; 'none' stands alone"),
    ])
    func reportsBadLines(line: String, message: String) throws {
        #expect(try Fixture().error("bad.jsonl", line + "\n") == message)
    }

    @Test func rejectsDeepNestingWithoutRecursing() throws {
        let line = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let message = try Fixture().error("deep.jsonl", line + "\n")
        #expect(message == "FILE:1: invalid JSON in '" + String(repeating: "[", count: 60) + "…'")
    }
}
