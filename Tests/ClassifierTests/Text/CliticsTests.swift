import Testing
@testable import Classifier

@Suite struct CliticsTests {
    /// The stem of `word` after default normalisation, or `nil` when nothing is stripped.
    static func stem(_ word: String) -> String? {
        let bytes = Array(Normalizer().normalize(word).utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            Clitics.stemStart(buffer).map { String(decoding: buffer[$0...], as: UTF8.self) }
        }
    }

    @Test("proclitics are stripped",
          arguments: [
              ("ونفت", "نفت"), ("ودعا", "دعا"), ("فدعا", "دعا"), ("وقال", "قال"),
              ("للتهدئة", "تهدئة"), ("والحوار", "حوار"), ("بالاتفاق", "اتفاق"), ("فالحكومة", "حكومة"),
              ("كالعادة", "عادة"), ("الحوار", "حوار"), ("وبالتالي", "تالي"), ("وللحكومة", "حكومة"),
              ("فبالحوار", "حوار"), ("وكالعادة", "عادة"), ("فللحكومة", "حكومة"), ("ولروسيا", "روسيا"),
              ("وبتصعيد", "تصعيد"), ("لروسيا", "روسيا"), ("بتزويد", "تزويد"), ("الصين", "صين"),
          ])
    func stripped(_ word: String, _ stem: String) {
        #expect(Self.stem(word) == stem)
    }

    @Test("short stems are never cut",
          arguments: ["نفى", "نفت", "دعا", "ولم", "ولا", "ولن", "فقد", "وقف", "كان", "لها", "بل", "لن", "ال", "و",
                      "بال", "الى", "إلى", "الي", "لم"])
    func shortStemsStayWhole(_ word: String) {
        #expect(Self.stem(word) == nil)
    }

    @Test("words without proclitics are left alone", arguments: ["طهران", "موسكو", "اتهم", "security", "2024", "تنفي"])
    func noProclitic(_ word: String) {
        #expect(Self.stem(word) == nil)
    }

    @Test("an article keeps two letters, a bare conjunction or preposition three")
    func minimumStems() {
        #expect(Self.stem("الري") == "ري")
        #expect(Self.stem("الم") == nil)
        #expect(Self.stem("وسلم") == "سلم")
        #expect(Self.stem("ولد") == nil)
    }

    @Test("the stem is a byte offset into the word")
    func byteOffset() {
        let word = Array("للتهدئة".utf8)
        #expect(word.withUnsafeBufferPointer { Clitics.stemStart($0) } == 4)
    }
}
