/// Why a model file could not be loaded. All wording lives in ``description``.
public enum ModelFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case cannotRead(path: String, reason: String)
    /// The file does not start with the model magic.
    case notAModel(path: String)
    /// The file is a model of a format version this library does not read.
    case unsupportedVersion(path: String, version: UInt32)
    /// The file is shorter or longer than its header declares (truncated or appended to).
    case lengthMismatch(path: String, declared: UInt64, actual: Int)
    /// The content does not match its checksum (corrupted or edited).
    case checksumMismatch(path: String)
    /// A section is malformed.
    case malformed(path: String, section: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotRead(path, reason):
            "cannot read model '\(path)': \(reason)"
        case let .notAModel(path):
            "'\(path)' is not a Stance model file (it does not start with the model signature)"
        case let .unsupportedVersion(path, version):
            "model '\(path)' has format version \(version); this build reads version \(ModelFileFormat.version) (retrain the model or update stance)"
        case let .lengthMismatch(path, declared, actual):
            "model '\(path)' is damaged: its header declares \(declared) bytes but the file has \(actual) (truncated or appended to)"
        case let .checksumMismatch(path):
            "model '\(path)' is damaged: its checksum does not match its content"
        case let .malformed(path, section, reason):
            "model '\(path)' is malformed in section \(section): \(reason)"
        }
    }
}
