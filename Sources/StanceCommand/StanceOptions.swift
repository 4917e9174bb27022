/// How results are written.
enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned, readable columns: label, probability, sentence.
    case text
    /// Tab-separated: label, probability, sentence (offsets first in article mode).
    case tsv
    /// One JSON object per line.
    case jsonl
}

/// Where the sentences come from.
enum Input: Equatable, Sendable {
    /// The command-line arguments, one sentence each.
    case sentences([String])
    /// The lines of a file, `-` for standard input.
    case lines(path: String)
    /// An article to split into sentences, `-` for standard input.
    case article(path: String)
}

/// What to write for each sentence instead of its stance, for users who want to see what the
/// model sees.
enum Inspection: String, Equatable, Sendable {
    /// The sentence normalised as the model normalises it.
    case normalize
    /// The sentence's features as the model extracts them.
    case features
}

/// Everything a run of `stance` needs to know, parsed from the command line.
struct StanceOptions: Equatable, Sendable {
    var input: Input = .lines(path: "-")
    /// Model file; `nil` for the built-in model.
    var modelPath: String? = nil
    var format: OutputFormat = .text
    /// Report every label whose one-vs-rest probability reaches the threshold.
    var multiLabel = false
    /// Multi-label threshold; `nil` for the model's calibrated one.
    var threshold: Double? = nil
    /// Report the `top` most probable labels.
    var top: Int? = nil
    /// Explain each decision by its `explain` strongest features.
    var explain: Int? = nil
    /// Worker threads.
    var threads: Int
    /// Show what the model sees instead of classifying.
    var inspection: Inspection? = nil

    /// Largest accepted `--threads`, `--top` and `--explain`.
    static let maximumThreads = 1024, maximumTop = 64, maximumExplain = 1000
}

/// What the command line asks for.
enum Invocation: Equatable, Sendable {
    case help
    case version
    case run(StanceOptions)
}

extension StanceOptions {
    /// Options that take a value, and flags, by their long names.
    static let valued = ["--input", "--article", "--model", "--format", "--threshold", "--top", "--explain", "--threads"]
    static let flags = ["--multi-label", "--normalize", "--features", "--help", "--version"]

    /// Parses the arguments after the program name.
    ///
    /// Accepts `--name value` and `--name=value`; `--` ends the options, and everything after
    /// it (or any argument not starting with `-`, or `-` itself) is a sentence.
    static func parse(_ arguments: [String], defaultThreads: Int) throws(StanceError) -> Invocation {
        var options = StanceOptions(threads: defaultThreads)
        var sentences: [String] = []
        var inputPath: String? = nil, articlePath: String? = nil
        var optionsEnded = false
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                sentences.append(argument)
                continue
            }
            if argument == "--" { optionsEnded = true; continue }
            var name = argument, inline: String? = nil
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            if name == "-h" || name == "--help" || name == "--version" || name == "--multi-label" || name == "--normalize"
                || name == "--features" {
                if let inline { throw .unexpectedValue(option: name, value: inline) }
                switch name {
                case "--version": return .version
                case "--multi-label": options.multiLabel = true
                case "--normalize", "--features":
                    let inspection = Inspection(rawValue: String(name.dropFirst(2)))
                    if let previous = options.inspection, previous != inspection {
                        throw .conflictingOptions("--normalize", "--features")
                    }
                    options.inspection = inspection
                default: return .help
                }
                continue
            }
            guard valued.contains(name) else { throw .unknownOption(name, suggestion: closestOption(to: name)) }
            let value: String
            if let inline {
                value = inline
            } else if i < arguments.count, !arguments[i].hasPrefix("--") {
                value = arguments[i]
                i += 1
            } else {
                throw .missingValue(option: name)
            }
            guard !value.isEmpty else { throw .missingValue(option: name) }
            switch name {
            case "--input": inputPath = value
            case "--article": articlePath = value
            case "--model": options.modelPath = value
            case "--format":
                guard let format = OutputFormat(rawValue: value) else {
                    throw .invalidValue(option: name, value: value, expected: "text, tsv or jsonl")
                }
                options.format = format
            case "--threshold":
                guard let p = Double(value), p.isFinite, (0...1).contains(p) else {
                    throw .invalidValue(option: name, value: value, expected: "a probability from 0 to 1")
                }
                options.threshold = p
            case "--top": options.top = try count(value, for: name, upTo: maximumTop)
            case "--explain": options.explain = try count(value, for: name, upTo: maximumExplain)
            default: options.threads = try count(value, for: name, upTo: maximumThreads)
            }
        }

        if inputPath != nil && articlePath != nil { throw .conflictingOptions("--input", "--article") }
        if !sentences.isEmpty, inputPath != nil || articlePath != nil {
            throw .sentencesWithInput(option: inputPath != nil ? "--input" : "--article")
        }
        if let articlePath { options.input = .article(path: articlePath) }
        else if let inputPath { options.input = .lines(path: inputPath) }
        else if !sentences.isEmpty { options.input = .sentences(sentences) }

        if options.threshold != nil && !options.multiLabel { throw .needsOption("--threshold", needs: "--multi-label") }
        if options.multiLabel && options.top != nil { throw .conflictingOptions("--multi-label", "--top") }
        if options.multiLabel && options.explain != nil { throw .conflictingOptions("--multi-label", "--explain") }
        if options.explain != nil && options.format == .tsv { throw .explainNeedsFormat(.tsv) }
        if let inspection = options.inspection {
            let flag = "--" + inspection.rawValue
            if articlePath != nil { throw .conflictingOptions(flag, "--article") }
            if options.multiLabel { throw .conflictingOptions(flag, "--multi-label") }
            if options.top != nil { throw .conflictingOptions(flag, "--top") }
            if options.explain != nil { throw .conflictingOptions(flag, "--explain") }
        }
        return .run(options)
    }

    /// A whole number from 1 to `maximum`.
    private static func count(_ value: String, for option: String, upTo maximum: Int) throws(StanceError) -> Int {
        guard let n = Int(value), (1...maximum).contains(n) else {
            throw .invalidValue(option: option, value: value, expected: "a whole number from 1 to \(maximum)")
        }
        return n
    }

    /// The known option closest to a mistyped one, if it is close enough to be a typo.
    static func closestOption(to name: String) -> String? {
        let typed = Array(name.utf8)
        var best: (option: String, distance: Int)? = nil
        for option in valued + flags {
            let d = editDistance(typed, Array(option.utf8))
            if d <= 2, d < best?.distance ?? .max { best = (option, d) }
        }
        return best?.option
    }

    /// Levenshtein distance (insertions, deletions and substitutions each cost 1).
    private static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count), current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
