// swift-tools-version:6.0
// Stance: statement-stance classification for Arabic political and diplomatic news.
// No package dependencies: the standard library, Foundation and the test frameworks only.
import PackageDescription

let package = Package(
    name: "Stance",
    products: [
        // The small inference library apps embed: text pipeline, features, scoring, model reading.
        .library(name: "Classifier", targets: ["Classifier"]),
        // The built-in default model, for apps that want it.
        .library(name: "DefaultModel", targets: ["DefaultModel"]),
        // Training as a library, for tools that fit models themselves.
        .library(name: "Trainer", targets: ["Trainer"]),
        // The command-line classifier.
        .executable(name: "stance", targets: ["StanceCommand"]),
        // Fitting, evaluation, data readers and model writing.
        .executable(name: "trainer", targets: ["TrainerCommand"]),
        // Release-mode throughput benchmark (never run by the tests).
        .executable(name: "stance-bench", targets: ["Benchmarks"]),
    ],
    targets: [
        // MARK: Inference
        .target(name: "Classifier"),
        // The built-in default model, trained from Data/, compiled in as base64.
        .target(name: "DefaultModel", dependencies: ["Classifier"]),

        // MARK: Training (kept out of the inference library so apps carry no training code)
        .target(name: "Trainer", dependencies: ["Classifier"]),

        // MARK: Executables: thin `main`s over the libraries
        .executableTarget(name: "StanceCommand", dependencies: ["Classifier", "DefaultModel"]),
        .executableTarget(name: "TrainerCommand", dependencies: ["Trainer", "Classifier"]),
        .executableTarget(name: "Benchmarks", dependencies: ["Classifier", "Trainer", "DefaultModel"]),

        // MARK: Tests (mirror the Sources folders; end-to-end tests run the built executables)
        .testTarget(name: "ClassifierTests", dependencies: ["Classifier"]),
        .testTarget(name: "TrainerTests", dependencies: ["Trainer", "Classifier"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Classifier", "DefaultModel", "Trainer"]),
    ]
)
