import Classifier
import Testing
@testable import Trainer

@Suite struct UsageTests {
    @Test("every option a command accepts is in its help", arguments: Subcommand.allCases)
    func helpListsEveryOption(_ command: Subcommand) {
        let help = Usage.help(command)
        for name in Usage.optionNames(command) {
            #expect(help.contains(" \(name) ") || help.contains(" \(name),"),
                    "'\(name)' missing from the help of \(command.rawValue)")
        }
    }

    @Test("every option named in the help is accepted by the parser", arguments: Subcommand.allCases)
    func helpOptionsParse(_ command: Subcommand) throws {
        for name in Usage.optionNames(command) where name != "-h" && name != "--help" {
            // Either it parses, or it fails for its value or a missing required option, never as unknown.
            do throws(CommandError) {
                _ = try TrainerOptions.parse([command.rawValue, name, "1"])
            } catch {
                if case .usage(.unknownOption, _) = error { Issue.record("\(command.rawValue) rejects \(name)") }
            }
        }
    }

    @Test("every value option's help shows its default", arguments: Subcommand.allCases)
    func defaultsShown(_ command: Subcommand) {
        let lines = Usage.help(command).split(separator: "\n").filter { $0.hasPrefix("  -") }
        for line in lines {
            #expect(line.contains("(default: ") || line.contains("(required)") || line.contains("Show this help"),
                    "no default in: \(line)")
        }
    }

    @Test("small numbers are shown as a user types them", arguments: [
        (1e-6, "0.000001"), (2.5e-7, "0.00000025"), (0.15, "0.15"), (0.0001, "0.0001"), (0, "0.0"), (300, "300.0"),
    ])
    func decimal(value: Double, text: String) {
        #expect(Usage.decimal(value) == text)
    }

    @Test("the defaults shown are the defaults used")
    func defaultValues() {
        let help = Usage.help(.train)
        #expect(help.contains("--algorithm nb|cnb|logreg            Naive Bayes, complement naive Bayes or logistic regression (default: logreg)."))
        #expect(help.contains("--seed N                             Seed of the held-out split and of the folds (default: 1)."))
        #expect(help.contains("(default: 0.15)"))
        #expect(help.contains("Naive Bayes smoothing, above 0 (default: 0.1)."))
        #expect(help.contains("L2 strength, 0 or more (default: 0.000001)"))
        #expect(help.contains("most L-BFGS iterations (default: 300)."))
        #expect(help.contains("Character n-gram lengths, 1 to 8 (default: 2-4)."))
        #expect(help.contains("Add clitic stems (default: no stems)."))
        #expect(help.contains("0 to 16 (default: 3)."))
        #expect(help.contains("B from 8 to 26 (default: 18)."))
        #expect(Usage.help(.inspect).contains("--top N     Strongest features listed per label (default: 10)."))
        #expect(Usage.help(.evaluate).contains("--errors N                            List up to N misclassified sentences (default: 0)."))
    }

    @Test("the overview lists every command")
    func overview() {
        let help = Usage.help(nil)
        #expect(help.hasPrefix("OVERVIEW: Train, evaluate and inspect Stance models (version \(StanceVersion.current)).\n\n"
                               + "USAGE: trainer COMMAND [options]\n\nCOMMANDS:\n"))
        for command in Subcommand.allCases {
            #expect(help.contains("\n  \(command.rawValue)"))
        }
    }

    @Test("synopses")
    func synopsis() {
        #expect(Usage.synopsis(.train) == "usage: trainer train FILES… -o MODEL [options]\nSee 'trainer train --help' for the options.\n")
        #expect(Usage.synopsis(.inspect) == "usage: trainer inspect MODEL [--top N]\nSee 'trainer inspect --help' for the options.\n")
        #expect(Usage.synopsis(nil) == "usage: trainer COMMAND [options]   "
                + "(COMMAND: train, evaluate, cross-validate, calibrate, inspect, lint)\nSee 'trainer --help' for the options.\n")
    }
}
