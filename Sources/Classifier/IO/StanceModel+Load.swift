#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension StanceModel {
    /// Loads the model file at `path`, validating all of it (see ``ModelFileFormat``).
    public static func load(path: String) throws(ModelFileError) -> StanceModel {
        try decode(try readFile(path), source: path)
    }

    /// Reads a whole file without Foundation, refusing anything that is not a regular file.
    static func readFile(_ path: String) throws(ModelFileError) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw .cannotRead(path: path, reason: errno == ENOENT ? "no such file" : String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var info = stat()
        guard fstat(fileno(file), &info) == 0 else { throw .cannotRead(path: path, reason: String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .cannotRead(path: path, reason: "not a regular file") }
        let size = Int(info.st_size)
        guard size <= 1 << 31 else { throw .cannotRead(path: path, reason: "file of \(size) bytes is too large for a model") }
        var bytes = [UInt8](repeating: 0, count: size)
        let read = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, size, file) }
        guard read == size else { throw .cannotRead(path: path, reason: "short read") }
        return bytes
    }

    /// Decodes a model from the bytes of a model file; `source` names it in errors.
    public static func decode(_ bytes: [UInt8], source: String) throws(ModelFileError) -> StanceModel {
        var decoder = ModelFileDecoder(bytes: bytes, source: source)
        return try decoder.decode()
    }

    /// ``decode(_:source:)`` without comparing the checksum, for bytes compiled into the
    /// program (the built-in model), which a test checks once: the serial checksum of 4 MB was
    /// a fifth of the start-up of every `stance` process. The structure is checked as always,
    /// so no bytes can make decoding crash.
    package static func decodeCompiledIn(_ bytes: [UInt8], source: String) throws(ModelFileError) -> StanceModel {
        var decoder = ModelFileDecoder(bytes: bytes, source: source, verifiesChecksum: false)
        return try decoder.decode()
    }
}
