import Classifier

/// The built-in default model, trained from `Data/` and compiled into the binary so that
/// `stance` works on a fresh clone without a training step.
///
/// Regenerate it, byte-identically, with `scripts/build-default-model.sh`.
public enum DefaultModel {
    /// The name errors use for the built-in model.
    public static let source = "<built-in model>"

    /// The model file's bytes.
    public static var bytes: [UInt8] { Base64.decode(DefaultModelData.base64) ?? [] }

    /// Loads the built-in model. Its checksum is not compared at each start (a test does, once):
    /// the bytes are part of the program.
    public static func load() throws(ModelFileError) -> StanceModel {
        try StanceModel.decodeCompiledIn(bytes, source: source)
    }
}
