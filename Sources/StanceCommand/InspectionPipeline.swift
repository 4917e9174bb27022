import Classifier

/// `stance --normalize` and `stance --features`: for each input line, what the model sees.
struct InspectionPipeline {
    let model: StanceModel
    let inspection: Inspection
    let format: OutputFormat

    /// Writes one result line for each sentence or line of `input`.
    func run(_ input: Input, into sink: inout OutputSink) throws(StanceError) {
        switch input {
        case .sentences(let sentences):
            for sentence in sentences { try write(sentence, into: &sink) }
        case .lines(let path):
            var reader = try LineReader(path: path)
            defer { reader.closeFile() }
            try reader.forEachBatch(limit: Stance.batchSize, beforeReading: { () throws(StanceError) in try sink.flush() }) {
                (bytes, lines) throws(StanceError) in
                for line in lines {
                    try write(String(decoding: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self), into: &sink)
                }
            }
        case .article:
            break  // rejected by the option parser
        }
    }

    private func write(_ text: String, into sink: inout OutputSink) throws(StanceError) {
        let normalized = model.extractor.normalizer.normalize(text)
        switch (inspection, format) {
        case (.normalize, .jsonl):
            sink.buffer += Array("{\"text\":".utf8)
            sink.buffer.appendJSONString(text)
            sink.buffer += Array(",\"normalized\":".utf8)
            sink.buffer.appendJSONString(normalized)
            sink.buffer.append(UInt8(ascii: "}"))
        case (.normalize, _):
            sink.buffer += Array(normalized.utf8)
        case (.features, .jsonl):
            sink.buffer += Array("{\"text\":".utf8)
            sink.buffer.appendJSONString(text)
            sink.buffer += Array(",\"normalized\":".utf8)
            sink.buffer.appendJSONString(normalized)
            sink.buffer += Array(",\"features\":[".utf8)
            for (i, feature) in model.extractor.namedFeatures(of: text).enumerated() {
                if i > 0 { sink.buffer.append(UInt8(ascii: ",")) }
                sink.buffer.appendJSONString(feature.name)
            }
            sink.buffer += Array("]}".utf8)
        case (.features, _):
            sink.buffer += Array(model.extractor.namedFeatures(of: text).map(\.name).joined(separator: "\t").utf8)
        }
        sink.buffer.append(UInt8(ascii: "\n"))
        try sink.endLine()
    }
}
