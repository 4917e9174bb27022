import Testing
@testable import Trainer

@Suite("Error messages")
struct DataErrorTests {
    @Test func excerptsKeepShortTextAndShowControlCharacters() {
        #expect(DataError.excerpt("denial\tنفت\r") == "denial\\tنفت\\r")
        #expect(DataError.excerpt("") == "")
        let sixty = String(repeating: "ن", count: 60)
        #expect(DataError.excerpt(sixty) == sixty)
    }

    @Test func excerptsCutLongTextAtAWordNearTheLimit() {
        let words = Array(repeating: "كلمة", count: 30).joined(separator: " ")  // 149 scalars
        let excerpt = DataError.excerpt(words)
        #expect(excerpt == Array(repeating: "كلمة", count: 12).joined(separator: " ") + "…")
        let unbroken = String(repeating: "ن", count: 100)
        #expect(DataError.excerpt(unbroken) == String(repeating: "ن", count: 60) + "…")
    }

    @Test func lineErrorsStartWithTheirLocation() {
        let at = SourceLocation(file: "Data/x.tsv", line: 12)
        #expect(at.description == "Data/x.tsv:12")
        let error = DataError.missingTab(at: at, excerpt: DataError.excerpt("denial نفت الوزارة"))
        #expect(error.description == "Data/x.tsv:12: missing TAB between labels and sentence in 'denial نفت الوزارة'")
        #expect(error.location == at)
        #expect(error.reason == "missing TAB between labels and sentence in 'denial نفت الوزارة'")
        #expect(DataError.noExamples(file: "a.tsv").location == nil)
    }

    @Test func unknownLabelsSuggestTheClosestKnownLabel() {
        let known = DatasetReader.standardLabels
        #expect(EditDistance.closest(to: "denail", among: known) == "denial")
        #expect(EditDistance.closest(to: "accustion", among: known) == "accusation")
        #expect(EditDistance.closest(to: "call", among: known) == "call_for_restraint")
        #expect(EditDistance.closest(to: "non", among: known) == "none")
        #expect(EditDistance.closest(to: "threat", among: known) == nil)
    }

    @Test(arguments: [("", "", 0), ("abc", "", 3), ("denail", "denial", 1), ("kitten", "sitting", 3),
                      ("ca", "abc", 3), ("نفى", "نفي", 1)])
    func editDistance(a: String, b: String, distance: Int) {
        #expect(EditDistance.distance(a, b) == distance)
        #expect(EditDistance.distance(b, a) == distance)
    }
}
