/// Reads little-endian values from a byte array, checking every read against the bytes left.
struct ByteReader {
    /// Thrown when a read would pass the end; the caller turns it into a ``ModelFileError``.
    struct Overrun: Error {}

    let bytes: [UInt8]
    private(set) var offset: Int
    let end: Int

    init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.offset = start
        self.end = end ?? bytes.count
    }

    var remaining: Int { end - offset }

    mutating func skip(_ count: Int) throws(Overrun) {
        guard count >= 0, count <= remaining else { throw Overrun() }
        offset += count
    }

    mutating func uint8() throws(Overrun) -> UInt8 {
        guard remaining >= 1 else { throw Overrun() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint32() throws(Overrun) -> UInt32 {
        guard remaining >= 4 else { throw Overrun() }
        var value: UInt32 = 0
        for k in 0..<4 { value |= UInt32(bytes[offset + k]) << (8 * UInt32(k)) }
        offset += 4
        return value
    }

    mutating func uint64() throws(Overrun) -> UInt64 {
        guard remaining >= 8 else { throw Overrun() }
        var value: UInt64 = 0
        for k in 0..<8 { value |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
        offset += 8
        return value
    }

    mutating func float32() throws(Overrun) -> Float { Float(bitPattern: try uint32()) }
    mutating func float64() throws(Overrun) -> Double { Double(bitPattern: try uint64()) }

    /// A length-prefixed UTF-8 string; `nil` when its bytes are not valid UTF-8.
    mutating func string(maximumLength: Int) throws(Overrun) -> String? {
        let length = Int(try uint32())
        guard length <= maximumLength, length <= remaining else { throw Overrun() }
        let slice = bytes[offset..<(offset + length)]
        offset += length
        return String(validating: slice, as: UTF8.self)
    }
}
