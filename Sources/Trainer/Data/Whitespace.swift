/// Trimming by Unicode scalar properties, without the cost of `Character`.
extension Substring {
    /// This text without leading and trailing Unicode white space.
    func trimmingWhitespace() -> Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.isWhitespace }) else {
            return self[endIndex...]
        }
        return Substring(scalars[first...last])
    }

    /// Whether this text is empty or only white space.
    var isBlank: Bool { unicodeScalars.allSatisfy(\.isWhitespace) }
}

extension String {
    /// This text without leading and trailing Unicode white space.
    func trimmingWhitespace() -> Substring { self[...].trimmingWhitespace() }

    /// Whether this text is empty or only white space.
    var isBlank: Bool { self[...].isBlank }
}

extension Unicode.Scalar {
    /// Whether this is Unicode white space; ASCII is answered without looking up the property
    /// (the lookup was a tenth of the time of reading a TSV file).
    @inline(__always)
    fileprivate var isWhitespace: Bool {
        isASCII ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }
}
