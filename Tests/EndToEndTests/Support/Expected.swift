import Classifier
import Foundation

/// The output `stance` must give, computed in-process from the same model file, so that the
/// tests check exact bytes without hard-coding what training produced.
enum Expected {
    /// `x` with `decimals` decimals, rounded half away from zero as `stance` rounds.
    static func fixed(_ x: Double, _ decimals: Int) -> String {
        let scale = pow(10, Double(decimals))
        let rounded = (x.magnitude * scale).rounded() / scale
        return String(format: "%.\(decimals)f", x < 0 && rounded != 0 ? -rounded : rounded)
    }

    /// A text or TSV column: invalid UTF-8 repaired, control characters as spaces.
    static func column(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }

    /// The TSV line of `text` (`stance --format tsv`), with `offsets` in article mode.
    static func tsv(_ text: String, _ model: StanceModel, offsets: (Int, Int)? = nil) -> String {
        guard !text.isEmpty else { return "" }
        let p = model.classify(text)
        let label = model.labels.firstIndex(of: p.label)!
        let prefix = offsets.map { "\($0.0)\t\($0.1)\t" } ?? ""
        return prefix + "\(p.label)\t\(fixed(p.probabilities[label], 4))\t\(column(text))"
    }

    /// The text line of `text` (`stance`, default format).
    static func text(_ text: String, _ model: StanceModel, offsets: String? = nil, offsetsWidth: Int = 0) -> String {
        guard !text.isEmpty else { return "" }
        let p = model.classify(text)
        let label = model.labels.firstIndex(of: p.label)!
        let width = model.labels.map(\.count).max()!
        let prefix = offsets.map { $0.padding(toLength: offsetsWidth + 2, withPad: " ", startingAt: 0) } ?? ""
        return prefix + p.label.padding(toLength: width + 2, withPad: " ", startingAt: 0)
            + fixed(p.probabilities[label], 2) + "  " + column(text)
    }

    /// The JSON Lines object of `text` (Arabic without characters JSON escapes).
    static func jsonl(_ text: String, _ model: StanceModel) -> String {
        guard !text.isEmpty else { return #"{"text":""}"# }
        let p = model.classify(text)
        let probabilities = zip(model.labels, p.probabilities).map { "\"\($0)\":\(fixed($1, 4))" }.joined(separator: ",")
        return #"{"text":"\#(text)","label":"\#(p.label)","labels":["\#(p.label)"],"probabilities":{\#(probabilities)}}"#
    }
}

/// A line of JSON as a dictionary.
func jsonObject(_ line: String) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
    guard let object = value as? [String: Any] else { throw JSONShapeError.notAnObject(line) }
    return object
}

enum JSONShapeError: Error {
    case notAnObject(String)
}
