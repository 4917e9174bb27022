#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

// `stance`: parse the command line, run, and turn any error into a message and an exit status.
let defaultThreads = ProcessInfo.processInfo.activeProcessorCount
do {
    switch try StanceOptions.parse(Array(CommandLine.arguments.dropFirst()), defaultThreads: defaultThreads) {
    case .help: print(Usage.help(defaultThreads: defaultThreads))
    case .version: print(Usage.version)
    case .run(let options): try Stance.run(options)
    }
} catch {
    let usage = error.isUsageError ? Usage.synopsis + "\n" : ""
    let message = Array("stance: \(error)\n\(usage)".utf8)
    _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(error.exitStatus)
}
