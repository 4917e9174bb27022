import Classifier

/// Writes models in the format that ``StanceModel/load(path:)`` reads (see ``ModelFileFormat``).
public enum ModelFileEncoder {
    /// The bytes of the model file of `model`. Deterministic: the same model gives the same bytes.
    public static func encode(_ model: StanceModel) -> [UInt8] {
        var sections: [(ModelFileFormat.Tag, ByteWriter)] = []
        func section(_ tag: ModelFileFormat.Tag, _ body: (inout ByteWriter) -> Void) {
            var w = ByteWriter()
            body(&w)
            sections.append((tag, w))
        }
        let classes = model.labels.count
        section(.metadata) { w in
            w.uint32(UInt32(model.metadata.entries.count))
            for (key, value) in model.metadata.entries { w.string(key); w.string(value) }
        }
        section(.normalizer) { $0.uint32(model.extractor.normalizer.settings.bits) }
        section(.features) { w in
            let f = model.extractor.settings
            for v in [f.wordUnigrams ? 1 : 0, f.wordBigrams ? 1 : 0, f.charNgramMin, f.charNgramMax, f.cliticStems ? 1 : 0,
                      f.negationScope, f.hashBits] { w.uint8(UInt8(v)) }
        }
        section(.labels) { w in
            w.uint32(UInt32(classes))
            for label in model.labels { w.string(label) }
        }
        section(.algorithm) { w in
            switch model.algorithm {
            case .naiveBayes(let nb):
                w.uint8(nb.variant.rawValue); w.float64(nb.alpha); w.uint8(nb.learnsPriors ? 1 : 0); w.uint8(0)
            case .logisticRegression(let lr):
                w.uint8(2); w.float64(0); w.uint8(0); w.uint8(lr.linear.normalizesLength ? 1 : 0)
            }
        }
        section(.calibration) { w in
            w.float64(model.calibration.temperature)
            w.float64(model.calibration.oneVsRestTemperature)
            w.float64(model.calibration.threshold)
        }
        switch model.algorithm {
        case .naiveBayes(let nb):
            section(.naiveBayesCounts) { w in
                w.bytes.reserveCapacity(classes * 8 + 4 + nb.counts.buckets.count * (4 + classes * 8))
                for d in nb.counts.documents { w.float64(d) }
                w.uint32(UInt32(nb.counts.buckets.count))
                for (r, bucket) in nb.counts.buckets.enumerated() {
                    w.uint32(bucket)
                    for c in 0..<classes { w.float64(nb.counts.values[r * classes + c]) }
                }
            }
        case .logisticRegression(let lr):
            section(.weights) { table(&$0, lr.linear) }
            section(.oneVsRestWeights) { table(&$0, lr.oneVsRest) }
        }
        section(.topFeatures) { w in
            for list in model.topFeatures {
                w.uint32(UInt32(list.count))
                for feature in list { w.string(feature.name); w.float64(feature.weight) }
            }
        }

        var file = ByteWriter()
        file.bytes.reserveCapacity(ModelFileFormat.headerSize + sections.reduce(0) { $0 + 12 + $1.1.bytes.count } + ModelFileFormat.checksumSize)
        file.bytes += ModelFileFormat.magic
        file.uint32(ModelFileFormat.version)
        file.uint32(UInt32(sections.count))
        let total = ModelFileFormat.headerSize + sections.reduce(0) { $0 + 12 + $1.1.bytes.count } + ModelFileFormat.checksumSize
        file.uint64(UInt64(total))
        for (tag, body) in sections {
            file.bytes += Array(tag.rawValue.utf8)
            file.uint64(UInt64(body.bytes.count))
            file.bytes += body.bytes
        }
        let checksum = file.bytes.withUnsafeBufferPointer { ModelFileFormat.checksum($0) }
        file.uint64(checksum)
        return file.bytes
    }

    private static func table(_ w: inout ByteWriter, _ t: LinearScorer) {
        for b in t.bias { w.float64(b) }
        let scaled = !t.squaredScales.isEmpty
        w.uint8(scaled ? 1 : 0)
        let used = t.usedBuckets
        w.bytes.reserveCapacity(w.bytes.count + 4 + used.count * (4 + 4 * (t.classCount + (scaled ? 1 : 0))))
        w.uint32(UInt32(used.count))
        for bucket in used {
            w.uint32(bucket)
            for c in 0..<t.classCount { w.float32(t.weights[Int(bucket) * t.classCount + c]) }
            if scaled { w.float32(t.squaredScales[Int(bucket)]) }
        }
    }
}

/// Appends little-endian values to a byte array.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func uint8(_ v: UInt8) { bytes.append(v) }
    // One append of the little-endian bytes, not one a byte (a model has millions of numbers).
    mutating func uint32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func uint64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func float32(_ v: Float) { uint32(v.bitPattern) }
    mutating func float64(_ v: Double) { uint64(v.bitPattern) }
    mutating func string(_ s: String) {
        let utf8 = Array(s.utf8)
        uint32(UInt32(utf8.count))
        bytes += utf8
    }
}
