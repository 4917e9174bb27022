/// The version of Stance, written into every model's metadata.
public enum StanceVersion {
    public static let current = "0.1.0"
}
