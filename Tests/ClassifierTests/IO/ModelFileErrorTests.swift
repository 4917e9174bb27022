import Testing
@testable import Classifier

/// The exact wording of every model-file error.
@Suite struct ModelFileErrorTests {
    @Test("every message names the file and says what is wrong", arguments: [
        (ModelFileError.cannotRead(path: "m.stance", reason: "no such file"), "cannot read model 'm.stance': no such file"),
        (.notAModel(path: "notes.txt"), "'notes.txt' is not a Stance model file (it does not start with the model signature)"),
        (.unsupportedVersion(path: "new.stance", version: 7),
         "model 'new.stance' has format version 7; this build reads version 1 (retrain the model or update stance)"),
        (.lengthMismatch(path: "m", declared: 4096, actual: 100),
         "model 'm' is damaged: its header declares 4096 bytes but the file has 100 (truncated or appended to)"),
        (.checksumMismatch(path: "m"), "model 'm' is damaged: its checksum does not match its content"),
        (.malformed(path: "m", section: "LABL", reason: "labels repeat"), "model 'm' is malformed in section LABL: labels repeat"),
    ])
    func description(error: ModelFileError, expected: String) {
        #expect(error.description == expected)
        #expect("\(error)" == expected)
    }
}
