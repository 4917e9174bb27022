import Foundation

/// Finding and opening the files a ``DatasetReader`` is given.
extension DatasetReader {
    /// The data files `path` names, with their formats: itself, the data files inside it if it
    /// is a directory (sorted by path), or standard input for `-`.
    static func inputFiles(at path: String, format: DataFormat?) throws(DataError) -> [(path: String, format: DataFormat)] {
        if path == standardInputPath { return [(path, format ?? .tsv)] }
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .noSuchFile(path: path) }
        guard isDirectory.boolValue else {
            guard let fileFormat = format ?? DataFormat(path: path) else { throw .unknownExtension(path: path) }
            return [(path, fileFormat)]
        }
        var found: [String] = []
        var visited: Set<String> = []
        try collect(in: path, into: &found, visited: &visited)
        guard !found.isEmpty else { throw .noDataFiles(directory: path) }
        return found.sorted().compactMap { file in
            guard let fileFormat = format ?? DataFormat(path: file) else { return nil }
            return (file, fileFormat)
        }
    }

    /// Appends the paths of the data files in `directory` and its subdirectories to `found`,
    /// skipping hidden entries and directories already visited (through a symbolic link).
    private static func collect(in directory: String, into found: inout [String], visited: inout Set<String>) throws(DataError) {
        let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else { return }
        let files = FileManager.default
        let names: [String]
        do {
            names = try files.contentsOfDirectory(atPath: directory)
        } catch {
            guard files.isReadableFile(atPath: directory) else { throw .permissionDenied(path: directory) }
            throw .readFailed(path: directory, detail: error.localizedDescription)
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for name in names where !name.hasPrefix(".") {
            let child = prefix + name
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: child, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                try collect(in: child, into: &found, visited: &visited)
            } else if DataFormat(path: name) != nil {
                found.append(child)
            }
        }
    }

    /// A handle for reading `path`, or standard input for `-`.
    static func open(_ path: String) throws(DataError) -> FileHandle {
        if path == standardInputPath { return FileHandle.standardInput }
        let files = FileManager.default
        guard files.fileExists(atPath: path) else { throw .noSuchFile(path: path) }
        guard files.isReadableFile(atPath: path) else { throw .permissionDenied(path: path) }
        do {
            return try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        } catch {
            throw .readFailed(path: path, detail: error.localizedDescription)
        }
    }
}
