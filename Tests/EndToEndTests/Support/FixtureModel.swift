import Classifier
import Foundation

/// A small model trained, once per test run, by the built `trainer` on ``FixtureModel/sentences``,
/// so that the end-to-end tests depend neither on the built-in model nor on `Data/`.
enum FixtureModel {
    /// Ten short sentences per label, written for these tests.
    static let sentences: [(label: String, text: String)] = [
        ("denial", "نفت وزارة الخارجية بشكل قاطع وجود أي اتصالات سرية مع الجانب الآخر"),
        ("denial", "نفى المتحدث العسكري الأنباء عن سقوط قتلى في صفوف الجنود"),
        ("denial", "نفت الحكومة التقارير التي تحدثت عن إغلاق المعبر الحدودي"),
        ("denial", "وصف الوزير هذه الاتهامات بأنها عارية عن الصحة تماما"),
        ("denial", "نفى رئيس الوزراء أن تكون بلاده قد أرسلت أسلحة إلى المتمردين"),
        ("denial", "أكدت الرئاسة أن ما نشرته الصحيفة لا أساس له من الصحة"),
        ("denial", "ينفي الجيش أي مسؤولية عن قصف السوق الشعبي"),
        ("denial", "نفت الشركة علمها بصفقة بيع الطائرات المسيرة"),
        ("denial", "رفضت الوزارة الاتهامات ووصفتها بأنها مزاعم كاذبة"),
        ("denial", "نفى السفير وجود خلافات بين البلدين حول الاتفاق"),
        ("accusation", "اتهمت الحكومة الميليشيات بقصف الأحياء السكنية في المدينة"),
        ("accusation", "حمّل الوزير الجانب الآخر المسؤولية الكاملة عن انهيار المفاوضات"),
        ("accusation", "اتهم المتحدث باسم الجيش قوات المعارضة بخرق الهدنة"),
        ("accusation", "أدانت الخارجية بشدة الهجوم على القافلة الإنسانية"),
        ("accusation", "نددت المنظمة بقتل المدنيين في الغارة الجوية الأخيرة"),
        ("accusation", "اتهمت الرئاسة جهات خارجية بالوقوف وراء أعمال الشغب"),
        ("accusation", "يتهم البرلمان الحكومة السابقة بنهب أموال الدولة"),
        ("accusation", "اتهم الرئيس الدولة المجاورة بدعم الجماعات المسلحة"),
        ("accusation", "حمّلت النيابة العامة المسؤولين عن الميناء مسؤولية الانفجار"),
        ("accusation", "أدان المجلس الاعتداء على مقر البعثة الدبلوماسية"),
        ("call_for_restraint", "دعا الأمين العام جميع الأطراف إلى ضبط النفس وتجنب التصعيد"),
        ("call_for_restraint", "حث الاتحاد الأوروبي الجانبين على العودة إلى طاولة الحوار"),
        ("call_for_restraint", "طالب الوسطاء بوقف فوري لإطلاق النار في المنطقة"),
        ("call_for_restraint", "دعت الجامعة العربية إلى حل سياسي للأزمة بعيدا عن السلاح"),
        ("call_for_restraint", "ناشد البابا الأطراف المتحاربة تغليب لغة العقل والتهدئة"),
        ("call_for_restraint", "حذر الوزير من مغبة الانجرار إلى حرب إقليمية واسعة"),
        ("call_for_restraint", "دعت موسكو وواشنطن إلى خفض التصعيد على الحدود"),
        ("call_for_restraint", "حثت الصين الطرفين على حل خلافاتهما بالطرق الدبلوماسية"),
        ("call_for_restraint", "دعا المبعوث الأممي إلى التهدئة وضبط النفس"),
        ("call_for_restraint", "طالبت الأمم المتحدة بتجنب أي خطوات قد تؤدي إلى التصعيد"),
        ("none", "وصل الرئيس إلى العاصمة في زيارة رسمية تستغرق يومين"),
        ("none", "عقد مجلس الأمن جلسة طارئة لبحث الوضع في المنطقة"),
        ("none", "ارتفعت أسعار النفط في الأسواق العالمية صباح اليوم"),
        ("none", "وقع البلدان اتفاقية للتعاون الاقتصادي والتجاري"),
        ("none", "أعلنت وزارة الصحة تسجيل حالات جديدة من المرض"),
        ("none", "استقبل الملك وزير الخارجية الأمريكي في القصر"),
        ("none", "افتتح المعرض الدولي للكتاب أبوابه أمام الزوار"),
        ("none", "هدد الرئيس بفرض عقوبات جديدة على الشركات"),
        ("none", "بحث الجانبان سبل تعزيز العلاقات الثنائية"),
        ("none", "أجريت الانتخابات البلدية وسط إقبال متوسط"),
    ]

    /// The labels, as training sees them first.
    static let labels = ["denial", "accusation", "call_for_restraint", "none"]

    /// Where the trained model lies, trained on first use.
    static func path() throws -> String { try trained.get() }

    /// The trained model, loaded in-process to compute the answers `stance` must give.
    static func model() throws -> StanceModel { try loaded.get() }

    private static let loaded: Result<StanceModel, any Error> = Result { try StanceModel.load(path: try path()) }

    private static let workDirectory = Result { try TemporaryDirectory() }

    private static let trained: Result<String, any Error> = Result {
        let directory = try workDirectory.get()
        // A static is never released: remove the directory when the test process ends.
        atexit { if case .success(let directory) = FixtureModel.workDirectory { try? FileManager.default.removeItem(atPath: directory.path) } }
        let data = try directory.write("fixture.tsv", sentences.map { "\($0.label)\t\($0.text)\n" }.joined())
        let model = directory.file("fixture.stance")
        let run = try StanceRunner.run("trainer", ["train", data, "-o", model, "--seed", "1"])
        guard run.status == 0 else { throw FixtureError.trainingFailed(run.err) }
        return model
    }

    enum FixtureError: Error, CustomStringConvertible {
        case trainingFailed(String)
        var description: String {
            switch self {
            case .trainingFailed(let reason): "trainer could not train the fixture model: \(reason)"
            }
        }
    }
}
