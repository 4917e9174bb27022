import Foundation

/// A scratch directory holding the data files of one test, removed afterwards.
final class TrainerScratch: Sendable {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trainer-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The path of `name` in the directory.
    func file(_ name: String) -> String { path + "/" + name }

    /// Writes `bytes` to `name`; returns its path.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: URL(fileURLWithPath: file(name)))
        return file(name)
    }

    /// Writes `text` to `name`; returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, bytes: Array(text.utf8)) }

    /// The bytes of `path`.
    func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// The names in the directory, sorted.
    func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }
}

/// Labelled sentences written for these tests: ten per label, one with two labels.
enum TrainerFixture {
    static let tsv = """
        # نفي
        denial\tنفت وزارة الخارجية وجود أي اتصالات سرية مع الطرف الآخر
        denial\tالحكومة تنفي الأنباء عن استقالة الوزير
        denial\tنفى المتحدث العسكري سقوط قتلى في الهجوم
        denial\tالشركة تنفي تسريح مئات العمال
        denial\tنفى الرئيس صحة التقارير عن مرضه
        denial\tالبنك المركزي ينفي نيته خفض قيمة العملة
        denial\tنفت الشرطة اعتقال الصحفي أمس
        denial\tالوزارة تنفي وجود نقص في الأدوية
        denial\tنفى السفير أن تكون بلاده قد أرسلت أسلحة
        denial\tالمكتب الإعلامي ينفي ما نشر عن لقاء الوفدين
        # اتهام
        accusation\tاتهمت المعارضة الحكومة بتزوير نتائج الانتخابات
        accusation\tالجيش يتهم المتمردين بقصف الأحياء السكنية
        accusation\tاتهم الوزير دولة مجاورة بدعم الإرهاب
        accusation\tالحزب يتهم خصومه بنشر الشائعات
        accusation\tاتهمت منظمة حقوقية قوات الأمن بتعذيب المعتقلين
        accusation\tالرئاسة تتهم جهات خارجية بإثارة الفوضى
        accusation\tاتهم النائب الشركة بالفساد وسرقة المال العام
        accusation\tالخارجية تتهم السفارة بالتدخل في الشؤون الداخلية
        accusation\tاتهمت النقابة الإدارة بخرق الاتفاق
        accusation,call_for_restraint\tالمتحدث يتهم الطرف الآخر بانتهاك الهدنة ويدعو إلى ضبط النفس
        # دعوة إلى ضبط النفس
        call_for_restraint\tدعا الأمين العام الأطراف إلى ضبط النفس
        call_for_restraint\tالاتحاد الأوروبي يدعو إلى التهدئة ووقف التصعيد
        call_for_restraint\tطالبت الجامعة العربية بوقف إطلاق النار فورا
        call_for_restraint\tالوزير يدعو الجميع إلى الحوار وتجنب العنف
        call_for_restraint\tدعت الأمم المتحدة إلى ممارسة أقصى درجات ضبط النفس
        call_for_restraint\tالرئيس يحث الطرفين على التهدئة
        call_for_restraint\tدعا البابا إلى نبذ العنف والعودة إلى الحوار
        call_for_restraint\tالمنظمة تطالب بخفض التوتر على الحدود
        call_for_restraint\tدعت الصين جميع الأطراف إلى الهدوء وضبط النفس
        call_for_restraint\tالسفير يدعو إلى حل الخلاف بالطرق السلمية
        # بلا موقف
        none\tافتتح الوزير معرضا للكتاب في العاصمة
        none\tارتفعت أسعار النفط في التعاملات الصباحية
        none\tوصل الرئيس إلى باريس في زيارة رسمية
        none\tيعقد البرلمان جلسته الأسبوعية يوم الأحد
        none\tأعلنت الوزارة نتائج امتحانات الثانوية العامة
        none\tفاز المنتخب الوطني في مباراة الأمس
        none\tتستضيف المدينة مؤتمرا دوليا حول المناخ
        none\tبدأ موسم حصاد القمح في المحافظات الشمالية
        none\tالتقى وزير الخارجية نظيره الفرنسي في القاهرة
        none\tسجلت البورصة مكاسب طفيفة في ختام التداول

        """

    /// Small feature tables keep debug-build training fast.
    static let fast = ["--hash-bits", "12"]

    /// Trains a model on ``tsv`` in `scratch`; returns the data and model paths.
    static func trained(in scratch: TrainerScratch, _ extra: [String] = []) throws -> (data: String, model: String) {
        let data = try scratch.write("train.tsv", tsv)
        let model = scratch.file("model.stance")
        let run = try runExecutable("trainer", ["train", data, "-o", model] + fast + extra)
        guard run.status == 0 else { throw ExecutableError(description: "training the fixture failed: \(run.stderr)") }
        return (data, model)
    }

    /// The lines of `text` with runs of spaces collapsed, for checking aligned tables.
    static func collapsed(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
    }
}
