import Testing
@testable import Trainer

@Suite("Lint")
struct LinterTests {
    /// A dataset of `(labels, text)` pairs on consecutive lines of `file`.
    func dataset(_ rows: [(String, String)], file: String = "a.tsv") -> Dataset {
        Dataset(examples: rows.enumerated().map { i, row in
            Example(text: row.1, labels: row.0.split(separator: ",").map(String.init),
                    source: SourceLocation(file: file, line: i + 1))
        }, files: [file])
    }

    let denial = "نفت وزارة الخارجية الإيرانية بشكل قاطع التقارير التي تحدثت عن إرسال طائرات مسيرة إلى روسيا"
    let meeting = "التقى وزير الخارجية الفرنسي نظيره الألماني في برلين لبحث العلاقات الثنائية"
    let call = "دعا الأمين العام للأمم المتحدة جميع الأطراف إلى ضبط النفس وتجنب التصعيد في المنطقة"

    @Test func aCleanDatasetHasNoProblems() {
        let report = Linter().lint(dataset([("denial", denial), ("none", meeting), ("call_for_restraint", call)]))
        #expect(!report.hasProblems)
        #expect(report.problems.isEmpty)
    }

    @Test func findsExactDuplicatesAfterNormalisation() {
        // The copy differs only in diacritics, alef and yeh forms, spacing and punctuation.
        let copy = "نَفَت وزارة الخارجية الإيرانية بشكل قاطع  التقارير، التي تحدثت عن ارسال طائرات مسيرة الى روسيا."
        let report = Linter().lint(dataset([("denial", denial), ("none", meeting), ("denial", copy)]))
        #expect(report.problems.map(\.kind) == [.duplicate])
        #expect(report.problems.first?.locations == [SourceLocation(file: "a.tsv", line: 1), SourceLocation(file: "a.tsv", line: 3)])
        #expect(report.problems.first?.description ==
            "a.tsv:1: duplicate: 'نفت وزارة الخارجية الإيرانية بشكل قاطع التقارير التي تحدثت…' appears twice; again at a.tsv:3")
    }

    @Test func findsTheSameSentenceWithConflictingLabels() {
        let report = Linter().lint(dataset([("denial", denial), ("none", meeting), ("accusation,denial", denial), ("denial", denial)]))
        #expect(report.problems.map(\.kind) == [.conflictingLabels])
        #expect(report.problems.first?.locations.map(\.line) == [1, 3, 4])
        #expect(report.problems.first?.message.hasSuffix(
            "has different labels: denial at a.tsv:1; accusation,denial at a.tsv:3; denial at a.tsv:4") == true)
    }

    @Test func labelOrderDoesNotMakeAConflict() {
        let report = Linter().lint(dataset([("accusation,denial", denial), ("denial,accusation", denial)]))
        #expect(report.problems.map(\.kind) == [.duplicate])
    }

    @Test func findsNearDuplicates() {
        // One word of 15 changed: 14 shared of 16 distinct words, similarity 0.875.
        let near = denial.replacingOccurrences(of: "روسيا", with: "موسكو")
        // Five words replaced by four: similarity 10 / 19 = 0.53, not reported.
        let far = "نفت وزارة الخارجية الإيرانية بشكل قاطع التقارير التي تحدثت عن بيع صواريخ باليستية لموسكو"
        let report = Linter().lint(dataset([("denial", denial), ("none", meeting), ("denial", near), ("denial", far)]))
        #expect(report.problems.map(\.kind) == [.nearDuplicate])
        #expect(report.problems.first?.locations.map(\.line) == [1, 3])
        #expect(report.problems.first?.message ==
            "'نفت وزارة الخارجية الإيرانية بشكل قاطع التقارير التي تحدثت…' and a.tsv:3 are near copies (word-set similarity ≥ 0.87)")
    }

    @Test func nearDuplicatesWithDifferentLabelsSaySo() {
        let near = denial.replacingOccurrences(of: "روسيا", with: "موسكو")
        let report = Linter().lint(dataset([("denial", denial), ("none", near)]))
        #expect(report.problems.map(\.kind) == [.nearDuplicate])
        #expect(report.problems.first?.message.hasSuffix("; labelled denial / none") == true)
    }

    @Test func chainsOfNearCopiesMakeOneGroup() {
        let a = denial
        let b = a.replacingOccurrences(of: "روسيا", with: "موسكو")
        let c = b.replacingOccurrences(of: "قاطع", with: "حاسم")
        let report = Linter().lint(dataset([("denial", a), ("denial", b), ("denial", c)]))
        #expect(report.problems.map(\.kind) == [.nearDuplicate])
        #expect(report.problems.first?.locations.map(\.line) == [1, 2, 3])
    }

    @Test func findsShortAndLongSentences() {
        let long = Array(repeating: "كلمة", count: 121).joined(separator: " ")
        let limit = Array(repeating: "جملة", count: 120).joined(separator: " ")
        let report = Linter().lint(dataset([("none", "وصل الوفد أمس."), ("none", "وصل الوفد الرسمي أمس"),
                                           ("none", long), ("none", limit)]))
        #expect(report.problems.map(\.kind) == [.tooShort, .tooLong])
        #expect(report.problems.map(\.description) == [
            "a.tsv:1: too-short: 3 words (fewer than 4) in 'وصل الوفد أمس.'; a fragment?",
            "a.tsv:3: too-long: 121 words (more than 120) in '\(DataError.excerpt(long))'; several sentences?",
        ])
    }

    @Test func findsNoneCombinedInADatasetBuiltInCode() {
        let report = Linter().lint(dataset([("none,denial", denial)]))
        #expect(report.problems.map(\.description) ==
            ["a.tsv:1: none-combined: 'none' combined with other labels in 'none,denial'; 'none' stands alone"])
    }

    @Test func reportsRareLabelsAsPossibleTypos() {
        let rows: [(String, String)] = [
            ("denial", denial), ("denial", "نفى الكرملين استخدام الجيش الروسي أسلحة إيرانية"),
            ("denial", "نفت الحركة مسؤوليتها عن انفجار المستشفى في المدينة"),
            ("denail", "نفى المتحدث العسكري سقوط قتلى في صفوف المدنيين"),
            ("threat", "هدد الرئيس بالرد على أي هجوم يستهدف بلاده"),
            ("threat", "توعد قائد الجيش بالرد القاسي على المهاجمين"),
        ]
        let report = Linter(labels: nil).lint(dataset(rows))
        #expect(report.problems.map(\.description) == [
            "a.tsv:4: rare-label: label 'denail' used only once (did you mean 'denial'?)",
            "a.tsv:5: rare-label: label 'threat' used only twice; a typo?",
        ])
        #expect(report.problems.last?.locations.map(\.line) == [5, 6])
        // Labels on the expected list are never typos, however rare.
        #expect(Linter(labels: DatasetReader.standardLabels + ["threat"]).lint(dataset(rows)).problems.count == 1)
    }

    @Test func ordersProblemsByPositionInTheDataset() {
        let report = Linter().lint(dataset([("none", "قصير"), ("denial", denial), ("none", "أقصر"), ("denial", denial)]))
        #expect(report.problems.map(\.kind) == [.tooShort, .duplicate, .tooShort])
    }

    @Test func rendersAReport() {
        let report = Linter().lint(dataset([("denial", denial), ("none", "قصير"), ("denial,accusation", denial),
                                           ("call_for_restraint", call)]))
        #expect(report.text == """
            a.tsv:1: conflicting-labels: 'نفت وزارة الخارجية الإيرانية بشكل قاطع التقارير التي تحدثت…' has different labels: denial at a.tsv:1; denial,accusation at a.tsv:3
            a.tsv:2: too-short: 1 word (fewer than 4) in 'قصير'; a fragment?

            2 problems: 1 conflicting-labels, 1 too-short

            label               count   share
            denial                  2   50.0%
            accusation              1   25.0%
            call_for_restraint      1   25.0%
            none                    1   25.0%
            4 examples, 1 with more than one label

            """)
    }

    @Test func aCleanReportSaysSo() {
        let report = Linter().lint(dataset([("none", meeting)]))
        #expect(report.text == "no problems found\n\nlabel  count   share\nnone       1  100.0%\n1 example\n")
    }
}
