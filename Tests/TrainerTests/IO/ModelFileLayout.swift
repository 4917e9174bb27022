import Classifier

/// Reads and rewrites the sections of model-file bytes, for the robustness tests.
enum ModelFileLayout {
    struct Section {
        var tag: String
        /// Offset of the section's tag; its length follows at `+ 4`, its payload at `+ 12`.
        var offset: Int
        var payload: [UInt8]
        var payloadOffset: Int { offset + 12 }
    }

    static func uint(_ bytes: [UInt8], at offset: Int, size: Int) -> UInt64 {
        (0..<size).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
    }

    static func put<T: FixedWidthInteger>(_ value: T, into bytes: inout [UInt8], at offset: Int) {
        for k in 0..<(T.bitWidth / 8) { bytes[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) }
    }

    /// The sections of a well-formed file.
    static func sections(of bytes: [UInt8]) -> [Section] {
        var sections: [Section] = []
        var offset = ModelFileFormat.headerSize
        for _ in 0..<Int(uint(bytes, at: 12, size: 4)) {
            let length = Int(uint(bytes, at: offset + 4, size: 8))
            sections.append(Section(tag: String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self), offset: offset,
                                    payload: Array(bytes[(offset + 12)..<(offset + 12 + length)])))
            offset += 12 + length
        }
        return sections
    }

    /// `bytes` with its checksum recomputed, as a forger would.
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var copy = bytes
        let checksum = copy.dropLast(8).withUnsafeBufferPointer { ModelFileFormat.checksum($0) }
        put(checksum, into: &copy, at: copy.count - 8)
        return copy
    }

    /// `bytes` with section `tag`'s payload replaced by `edit` of it, and the lengths and the
    /// checksum made consistent again.
    static func editing(_ bytes: [UInt8], _ tag: String, _ edit: (inout [UInt8]) -> Void) -> [UInt8] {
        var parts = sections(of: bytes)
        let i = parts.firstIndex { $0.tag == tag }!
        edit(&parts[i].payload)
        var file = Array(bytes.prefix(ModelFileFormat.headerSize))
        for part in parts {
            file += Array(part.tag.utf8)
            file += (0..<8).map { UInt8(truncatingIfNeeded: UInt64(part.payload.count) >> (8 * $0)) }
            file += part.payload
        }
        file += [UInt8](repeating: 0, count: 8)
        put(UInt64(file.count), into: &file, at: 16)
        return resealed(file)
    }
}
