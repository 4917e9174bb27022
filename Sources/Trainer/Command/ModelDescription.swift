import Classifier

/// The `trainer inspect` report: everything a model file says about how it was made.
public enum ModelDescription {
    /// The description of `model`, read from `path`, listing `top` strongest features per label.
    public static func text(_ model: StanceModel, path: String, top: Int) -> String {
        var text = "model: \(path)\n"
        text += "algorithm: \(model.algorithmName) (\(algorithmDescription(model.algorithm)))\n"
        text += "labels: \(model.labels.joined(separator: ", "))\n\n"

        let n = model.extractor.normalizer.settings
        text += "normaliser\n" + table([
            ("remove diacritics", yes(n.removeDiacritics)), ("remove tatweel", yes(n.removeTatweel)),
            ("unify alef forms", yes(n.unifyAlef)), ("alef maqsura to yeh", yes(n.alefMaqsuraToYeh)),
            ("teh marbuta to heh", yes(n.tehMarbutaToHeh)), ("unify hamza carriers", yes(n.unifyHamzaCarriers)),
            ("unify Persian letters", yes(n.unifyPersianLetters)), ("ASCII digits", yes(n.asciiDigits)),
            ("expand presentation forms", yes(n.expandPresentationForms)), ("lower-case Latin", yes(n.lowercaseLatin)),
        ]) + "\n"

        let f = model.extractor.settings
        text += "features\n" + table([
            ("word unigrams", yes(f.wordUnigrams)), ("word bigrams", yes(f.wordBigrams)),
            ("character n-grams", f.usesCharNgrams ? "\(f.charNgramMin)-\(f.charNgramMax)" : "off"),
            ("clitic stems", yes(f.cliticStems)),
            ("negation scope", f.negationScope == 0 ? "off" : "\(f.negationScope) \(f.negationScope == 1 ? "word" : "words")"),
            ("hash buckets", "2^\(f.hashBits) (\(model.extractor.bucketCount))"),
        ]) + "\n"

        var settings: [(String, String)] = []
        if case .naiveBayes(let nb) = model.algorithm {
            settings = [("alpha", String(nb.alpha)), ("class priors", nb.learnsPriors ? "learned" : "uniform"),
                        ("buckets seen", String(nb.counts.buckets.count))]
            text += "naive Bayes\n" + table(settings) + "\n"
        }

        let c = model.calibration
        text += "calibration\n" + table([
            ("softmax temperature", format(c.temperature)),
            ("one-vs-rest temperature", format(c.oneVsRestTemperature)),
            ("multi-label threshold", format(c.threshold, decimals: 2)),
        ]) + "\n"

        text += "metadata\n"
        text += model.metadata.entries.isEmpty ? "  (none)\n" : table(model.metadata.entries.map { ($0.key, $0.value) })

        let limit = max(0, top)
        text += "\nstrongest features per label (weight toward the label)\n"
        for (label, features) in zip(model.labels, model.topFeatures) {
            let shown = features.prefix(limit)
            text += "  \(label) (\(shown.count) of \(features.count))\n"
            for feature in shown { text += "    \(signed(feature.weight))  \(feature.name)\n" }
        }
        return text
    }

    private static func algorithmDescription(_ algorithm: StanceModel.Algorithm) -> String {
        switch algorithm {
        case .naiveBayes(let nb): nb.variant == .multinomial ? "multinomial naive Bayes" : "complement naive Bayes"
        case .logisticRegression: "multinomial logistic regression with one-vs-rest heads"
        }
    }

    private static func yes(_ flag: Bool) -> String { flag ? "yes" : "no" }

    private static func signed(_ value: Double) -> String { (value < 0 ? "" : "+") + format(value) }

    /// Indented, aligned `name  value` lines.
    private static func table(_ rows: [(String, String)]) -> String {
        var table = TextTable(leftColumns: [0, 1])
        for (name, value) in rows { table.append([name, value]) }
        return table.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .map { "  " + $0 + "\n" }.joined()
    }
}
