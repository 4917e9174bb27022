/// A checksum of training data as the model saw it: FNV-1a-64 over every example's labels and
/// text in order, so a model records exactly which data made it.
public enum DataChecksum {
    /// Hex checksum of `examples`.
    public static func of(_ examples: [Example]) -> String {
        var h: UInt64 = 14_695_981_039_346_656_037
        func absorb(_ bytes: some Sequence<UInt8>) { for b in bytes { h = (h ^ UInt64(b)) &* 1_099_511_628_211 } }
        for example in examples {
            absorb(example.labels.joined(separator: ",").utf8)
            absorb([0x09])
            // Through a buffer: iterating a string's UTF-8 view is several times slower.
            var text = example.text
            text.withUTF8 { absorb($0) }
            absorb([0x0A])
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
