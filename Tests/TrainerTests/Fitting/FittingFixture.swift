import Classifier
@testable import Trainer

/// A tiny training set of Arabic news sentences written for these tests, and small settings
/// (2^10 buckets, character 2–3-grams) so that every fit takes milliseconds.
enum FittingFixture {
    static let sentences: [(String, [String])] = [
        ("نفت الوزارة صحة التقارير التي تحدثت عن اتفاق سري مع الجانب الآخر", ["denial"]),
        ("نفى المتحدث باسم الحكومة وجود أي مفاوضات مباشرة", ["denial"]),
        ("أكد المكتب الإعلامي أن هذه الأنباء عارية عن الصحة تماما", ["denial"]),
        ("نفت السفارة في بيان رسمي ما نسب إلى السفير من تصريحات", ["denial"]),
        ("لم يصدر عن الرئاسة أي قرار بهذا الشأن بحسب المصدر", ["denial"]),
        ("كذب الجيش الرواية المتداولة عن انسحاب قواته من المنطقة", ["denial"]),
        ("اتهم الوزير الطرف الآخر بخرق الهدنة وقصف المدنيين", ["accusation"]),
        ("حملت الخارجية الحكومة المجاورة مسؤولية التصعيد الأخير", ["accusation"]),
        ("اتهمت المعارضة السلطات بتزوير نتائج الانتخابات", ["accusation"]),
        ("قال البرلمان إن الميليشيات ارتكبت انتهاكات جسيمة بحق السكان", ["accusation"]),
        ("وجه المندوب اتهامات مباشرة إلى الدولة بدعم الجماعات المسلحة", ["accusation"]),
        ("اتهم الناطق العسكري القوات المعادية باستهداف المستشفى ودعا إلى التهدئة", ["accusation", "call_for_restraint"]),
        ("دعا الأمين العام جميع الأطراف إلى ضبط النفس وتغليب لغة الحوار", ["call_for_restraint"]),
        ("طالبت الجامعة العربية بوقف فوري لإطلاق النار وحماية المدنيين", ["call_for_restraint"]),
        ("حث الاتحاد الأوروبي الجانبين على التهدئة والعودة إلى المفاوضات", ["call_for_restraint"]),
        ("ناشدت المنظمة الدولية الحكومتين الامتناع عن أي خطوات تصعيدية", ["call_for_restraint"]),
        ("دعت الخارجية إلى التحلي بالحكمة وتجنب الانزلاق نحو الحرب", ["call_for_restraint"]),
        ("طالب المبعوث الأممي بضبط النفس وفتح ممرات إنسانية", ["call_for_restraint"]),
        ("وصل الرئيس إلى العاصمة في زيارة رسمية تستغرق يومين", ["none"]),
        ("عقد مجلس الوزراء جلسته الأسبوعية برئاسة رئيس الحكومة", ["none"]),
        ("افتتح الوزير معرض الكتاب الدولي بمشاركة خمسين دولة", ["none"]),
        ("ارتفعت أسعار النفط في تعاملات اليوم بنسبة طفيفة", ["none"]),
        ("استقبل وزير الخارجية نظيره الياباني وبحثا العلاقات الثنائية", ["none"]),
        ("أعلنت الأرصاد الجوية عن موجة حر تضرب البلاد الأسبوع المقبل", ["none"]),
    ]

    static let examples: [Example] = sentences.enumerated().map { i, sentence in
        Example(text: sentence.0, labels: sentence.1, source: SourceLocation(file: "fixture.tsv", line: i + 1))
    }

    /// Small settings for `algorithm`; everything else at its default.
    static func configuration(_ algorithm: TrainingConfiguration.Algorithm) -> TrainingConfiguration {
        var config = TrainingConfiguration()
        config.algorithm = algorithm
        config.features = FeatureSettings(charNgramMin: 2, charNgramMax: 3, hashBits: 10)
        config.minimumCount = 1
        config.maximumIterations = 60
        config.topFeatureCount = 5
        config.seed = 42
        config.heldOutFraction = 0.25
        return config
    }

    static func train(_ algorithm: TrainingConfiguration.Algorithm, examples: [Example] = examples,
                      configure: (inout TrainingConfiguration) -> Void = { _ in }) throws -> StanceModel {
        var config = configuration(algorithm)
        configure(&config)
        return try ModelTrainer(configuration: config).train(examples).model
    }

    /// Sentences none of the examples contains, to compare predictions on.
    static let unseen = [
        "نفت الحكومة الاتهامات الموجهة إليها", "اتهم المتحدث الجيش بقصف القرى", "دعا الرئيس إلى وقف التصعيد",
        "افتتح رئيس الوزراء مستشفى جديدا", "", "Reuters", "لا تعليق ٢٠٢٤", "اتهم ونفى ودعا",
    ]
}
