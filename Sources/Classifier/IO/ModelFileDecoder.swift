/// Validates and decodes the bytes of a model file, one section at a time.
struct ModelFileDecoder {
    let bytes: [UInt8]
    let source: String
    /// Whether the checksum is compared; every other check runs either way.
    let verifiesChecksum: Bool
    private var section = "header"

    init(bytes: [UInt8], source: String, verifiesChecksum: Bool = true) {
        self.bytes = bytes
        self.source = source
        self.verifiesChecksum = verifiesChecksum
    }

    private func malformed(_ reason: String) -> ModelFileError {
        .malformed(path: source, section: section, reason: reason)
    }

    /// Runs `body`, turning a read past the end of the section into a clear error.
    private func reading<T>(_ body: () throws(ByteReader.Overrun) -> T) throws(ModelFileError) -> T {
        do { return try body() } catch { throw malformed("ends before its declared content") }
    }

    mutating func decode() throws(ModelFileError) -> StanceModel {
        let f = ModelFileFormat.self
        guard bytes.count >= f.magic.count, Array(bytes[0..<f.magic.count]) == f.magic else { throw .notAModel(path: source) }
        var header = ByteReader(bytes, from: f.magic.count)
        guard bytes.count >= f.headerSize + f.checksumSize else {
            // A file cut after its header still says how long it should be.
            var length = ByteReader(bytes, from: f.headerSize - 8)
            let declared = bytes.count >= f.headerSize ? (try? length.uint64()) ?? 0 : 0
            throw .lengthMismatch(path: source, declared: declared, actual: bytes.count)
        }
        let (version, sectionCount, declared) = try reading { () throws(ByteReader.Overrun) in
            (try header.uint32(), try header.uint32(), try header.uint64())
        }
        guard version == f.version else { throw .unsupportedVersion(path: source, version: version) }
        guard declared == UInt64(bytes.count) else {
            throw .lengthMismatch(path: source, declared: declared, actual: bytes.count)
        }
        let body = bytes.count - f.checksumSize
        var tail = ByteReader(bytes, from: body)
        let stored = try reading { () throws(ByteReader.Overrun) in try tail.uint64() }
        if verifiesChecksum {
            let actual = bytes.withUnsafeBufferPointer { f.checksum(UnsafeBufferPointer(rebasing: $0[0..<body])) }
            guard stored == actual else { throw .checksumMismatch(path: source) }
        }

        // Locate the sections.
        var sections: [ModelFileFormat.Tag: (start: Int, end: Int)] = [:]
        var reader = ByteReader(bytes, from: f.headerSize, to: body)
        guard sectionCount <= UInt32(ModelFileFormat.Tag.allCases.count) else { throw malformed("declares \(sectionCount) sections") }
        for _ in 0..<sectionCount {
            let (tagBytes, length) = try reading { () throws(ByteReader.Overrun) in
                ([try reader.uint8(), try reader.uint8(), try reader.uint8(), try reader.uint8()], try reader.uint64())
            }
            let name = String(decoding: tagBytes, as: UTF8.self)
            guard let tag = ModelFileFormat.Tag(rawValue: name) else { throw malformed("unknown section '\(name)'") }
            guard sections[tag] == nil else { throw malformed("section \(name) appears twice") }
            guard length <= UInt64(reader.remaining) else {
                section = name
                throw malformed("declares \(length) bytes but only \(reader.remaining) remain")
            }
            let start = reader.offset
            try reading { () throws(ByteReader.Overrun) in try reader.skip(Int(length)) }
            sections[tag] = (start, reader.offset)
        }
        guard reader.remaining == 0 else { throw malformed("\(reader.remaining) stray bytes after the last section") }

        return try decodeSections(sections)
    }

    private mutating func decodeSections(_ sections: [ModelFileFormat.Tag: (start: Int, end: Int)]) throws(ModelFileError) -> StanceModel {
        let (bytes, source) = (self.bytes, self.source)
        func open(_ tag: ModelFileFormat.Tag) throws(ModelFileError) -> ByteReader {
            guard let range = sections[tag] else { throw .malformed(path: source, section: tag.rawValue, reason: "section is missing") }
            return ByteReader(bytes, from: range.start, to: range.end)
        }
        let maxString = ModelFileFormat.maximumStringLength

        section = "META"
        var r = try open(.metadata)
        var entries: [(key: String, value: String)] = []
        let entryCount = try reading { () throws(ByteReader.Overrun) in Int(try r.uint32()) }
        guard entryCount <= r.remaining / 8 else { throw malformed("declares \(entryCount) entries") }
        for _ in 0..<entryCount {
            let pair = try reading { () throws(ByteReader.Overrun) in
                (try r.string(maximumLength: maxString), try r.string(maximumLength: maxString))
            }
            guard let key = pair.0, let value = pair.1 else { throw malformed("an entry is not valid UTF-8") }
            entries.append((key, value))
        }
        try finished(r)

        section = "NORM"
        r = try open(.normalizer)
        let normBits = try reading { () throws(ByteReader.Overrun) in try r.uint32() }
        guard let normalizer = NormalizerSettings(bits: normBits) else { throw malformed("unknown normaliser rules \(normBits)") }
        try finished(r)

        section = "FEAT"
        r = try open(.features)
        let raw = try reading { () throws(ByteReader.Overrun) in try (0..<7).map { _ throws(ByteReader.Overrun) in try r.uint8() } }
        guard raw[0] <= 1, raw[1] <= 1, raw[4] <= 1 else { throw malformed("a switch is neither 0 nor 1") }
        let features = FeatureSettings(wordUnigrams: raw[0] == 1, wordBigrams: raw[1] == 1, charNgramMin: Int(raw[2]),
                                       charNgramMax: Int(raw[3]), cliticStems: raw[4] == 1, negationScope: Int(raw[5]),
                                       hashBits: Int(raw[6]))
        if let problem = features.problem { throw malformed(problem) }
        try finished(r)
        let bucketCount = 1 << features.hashBits

        section = "LABL"
        r = try open(.labels)
        let labelCount = try reading { () throws(ByteReader.Overrun) in Int(try r.uint32()) }
        guard (2...ModelFileFormat.maximumLabels).contains(labelCount) else { throw malformed("declares \(labelCount) labels") }
        var labels: [String] = []
        for _ in 0..<labelCount {
            guard let label = try reading({ () throws(ByteReader.Overrun) in try r.string(maximumLength: 256) }), !label.isEmpty else {
                throw malformed("a label is empty or not valid UTF-8")
            }
            labels.append(label)
        }
        guard Set(labels).count == labels.count else { throw malformed("labels repeat") }
        try finished(r)
        let classes = labelCount
        // Tables are dense, so a few bytes of settings could otherwise ask for gigabytes.
        guard classes * bucketCount <= ModelFileFormat.maximumTableSize else {
            throw malformed(ModelFileFormat.tableTooLarge(labels: classes, hashBits: features.hashBits))
        }

        section = "ALGO"
        r = try open(.algorithm)
        let (kind, alpha, priors, lengthNorm) = try reading { () throws(ByteReader.Overrun) in
            (try r.uint8(), try r.float64(), try r.uint8(), try r.uint8())
        }
        guard kind <= 2 else { throw malformed("unknown algorithm \(kind)") }
        guard alpha.isFinite, alpha > 0 || kind == 2, priors <= 1, lengthNorm <= 1 else { throw malformed("bad smoothing, priors or length normalisation") }
        try finished(r)

        section = "CALB"
        r = try open(.calibration)
        let (t, tOvR, threshold) = try reading { () throws(ByteReader.Overrun) in (try r.float64(), try r.float64(), try r.float64()) }
        guard t.isFinite, t > 0, tOvR.isFinite, tOvR > 0, threshold.isFinite, (0...1).contains(threshold) else {
            throw malformed("temperatures must be positive and the threshold within 0...1")
        }
        try finished(r)

        let algorithm: StanceModel.Algorithm
        if kind == 2 {
            section = "LRWT"
            r = try open(.weights)
            let linear = try table(&r, classes: classes, bucketCount: bucketCount, normalizesLength: lengthNorm == 1)
            try finished(r)
            section = "OVRW"
            r = try open(.oneVsRestWeights)
            let heads = try table(&r, classes: classes, bucketCount: bucketCount, normalizesLength: lengthNorm == 1)
            try finished(r)
            algorithm = .logisticRegression(LogisticRegression(linear: linear, oneVsRest: heads))
        } else {
            section = "NBCT"
            r = try open(.naiveBayesCounts)
            let counts = try naiveBayesCounts(&r, classes: classes, bucketCount: bucketCount)
            try finished(r)
            algorithm = .naiveBayes(NaiveBayes(counts: counts, variant: kind == 0 ? .multinomial : .complement,
                                               alpha: alpha, learnsPriors: priors == 1, bucketCount: bucketCount))
        }

        section = "TOPF"
        r = try open(.topFeatures)
        var top: [[WeightedFeature]] = []
        for _ in 0..<classes {
            let count = try reading { () throws(ByteReader.Overrun) in Int(try r.uint32()) }
            guard count <= r.remaining / 12 else { throw malformed("declares \(count) features") }
            var list: [WeightedFeature] = []
            for _ in 0..<count {
                let (name, weight) = try reading { () throws(ByteReader.Overrun) in (try r.string(maximumLength: maxString), try r.float64()) }
                guard let name, weight.isFinite else { throw malformed("a feature name is not UTF-8 or its weight not finite") }
                list.append(WeightedFeature(name: name, weight: weight))
            }
            top.append(list)
        }
        try finished(r)

        let extractor = FeatureExtractor(normalizer: normalizer, features: features)
        return StanceModel(labels: labels, extractor: extractor, algorithm: algorithm,
                           calibration: Calibration(temperature: t, oneVsRestTemperature: tOvR, threshold: threshold),
                           metadata: ModelMetadata(entries), topFeatures: top)
    }

    private func finished(_ r: ByteReader) throws(ModelFileError) {
        guard r.remaining == 0 else { throw malformed("\(r.remaining) unexpected bytes at the end of the section") }
    }

    /// Row count, then `(bucket, classes × value)` rows with strictly increasing buckets.
    private func rows<Value>(_ r: inout ByteReader, classes: Int, bucketCount: Int, valueSize: Int,
                             _ value: (UnsafeRawPointer) -> Value,
                             isValid: (Value) -> Bool) throws(ModelFileError) -> (buckets: [UInt32], values: [Value]) {
        let count = try reading { () throws(ByteReader.Overrun) in Int(try r.uint32()) }
        let rowSize = 4 + classes * valueSize
        guard count <= bucketCount, count <= r.remaining / rowSize else {
            throw malformed("declares \(count) rows but has room for \(r.remaining / rowSize)")
        }
        // Every row is in bounds now; read them straight from the bytes (little-endian hosts
        // load in place, as the format is little-endian).
        var buckets = [UInt32](repeating: 0, count: count)
        var values: [Value] = []
        values.reserveCapacity(count * classes)
        var problem: String? = nil
        let start = r.offset
        r.bytes.withUnsafeBytes { raw in
            var p = raw.baseAddress! + start
            var previous: UInt32? = nil
            for row in 0..<count {
                let bucket = UInt32(littleEndian: p.loadUnaligned(as: UInt32.self))
                guard Int(bucket) < bucketCount, previous.map({ $0 < bucket }) ?? true else {
                    problem = "bucket \(bucket) is out of range or out of order"
                    return
                }
                previous = bucket
                buckets[row] = bucket
                p += 4
                for _ in 0..<classes {
                    let v = value(p)
                    guard isValid(v) else { problem = "a value is not finite or negative"; return }
                    values.append(v)
                    p += valueSize
                }
            }
        }
        if let problem { throw malformed(problem) }
        try reading { () throws(ByteReader.Overrun) in try r.skip(count * rowSize) }
        return (buckets, values)
    }

    private mutating func table(_ r: inout ByteReader, classes: Int, bucketCount: Int, normalizesLength: Bool) throws(ModelFileError) -> LinearScorer {
        var bias: [Double] = []
        for _ in 0..<classes {
            let b = try reading { () throws(ByteReader.Overrun) in try r.float64() }
            guard b.isFinite else { throw malformed("a bias is not finite") }
            bias.append(b)
        }
        let scaled = try reading { () throws(ByteReader.Overrun) in try r.uint8() }
        guard scaled <= 1 else { throw malformed("the scale flag is neither 0 nor 1") }
        // A scaled row stores its squared scale after its weights, as one more value.
        let width = classes + Int(scaled)
        let (buckets, values) = try rows(&r, classes: width, bucketCount: bucketCount, valueSize: 4,
                                         { Float(bitPattern: UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) }, isValid: { $0.isFinite })
        // Straight into the dense tables: one pass, no per-row arrays (loading the built-in
        // model is on every `stance` start).
        var weights = [Float](repeating: 0, count: bucketCount * classes)
        var squares = [Float](repeating: 0, count: scaled == 1 ? bucketCount : 0)
        var negativeSquare = false
        weights.withUnsafeMutableBufferPointer { table in
            squares.withUnsafeMutableBufferPointer { square in
                values.withUnsafeBufferPointer { v in
                    // `rows` checked every bucket against `bucketCount` and sized `values` to
                    // `buckets.count * width`.
                    for (row, bucket) in buckets.enumerated() {
                        let from = row * width, to = Int(bucket) * classes
                        for c in 0..<classes { table[to + c] = v[from + c] }
                        if scaled == 1 {
                            let value = v[from + classes]
                            if value < 0 { negativeSquare = true }
                            square[Int(bucket)] = value
                        }
                    }
                }
            }
        }
        guard !negativeSquare else { throw malformed("a squared scale is negative") }
        return LinearScorer(classCount: classes, bucketCount: bucketCount, weights: weights, bias: bias,
                            normalizesLength: normalizesLength, squaredScales: squares)
    }

    private mutating func naiveBayesCounts(_ r: inout ByteReader, classes: Int, bucketCount: Int) throws(ModelFileError) -> NaiveBayes.Counts {
        var documents: [Double] = []
        for _ in 0..<classes {
            let d = try reading { () throws(ByteReader.Overrun) in try r.float64() }
            guard d.isFinite, d > 0 else { throw malformed("every label needs a positive number of examples") }
            documents.append(d)
        }
        let (buckets, values) = try rows(&r, classes: classes, bucketCount: bucketCount, valueSize: 8,
                                         { Double(bitPattern: UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self))) },
                                         isValid: { $0.isFinite && $0 >= 0 })
        return NaiveBayes.Counts(classCount: classes, documents: documents, buckets: buckets, values: values)
    }
}
