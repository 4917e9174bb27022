/// Trimming by Unicode scalar properties, without the cost of `Character`.
extension Substring {
    /// This text without leading and trailing Unicode white space.
    func trimmingWhitespace() -> Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else {
            return self[endIndex...]
        }
        return Substring(scalars[first...last])
    }

    /// Whether this text is empty or only white space.
    var isBlank: Bool { unicodeScalars.allSatisfy(\.properties.isWhitespace) }
}

extension String {
    /// This text without leading and trailing Unicode white space.
    func trimmingWhitespace() -> Substring { self[...].trimmingWhitespace() }

    /// Whether this text is empty or only white space.
    var isBlank: Bool { self[...].isBlank }
}
