/// What the ``Linter`` found in a dataset.
public struct LintReport: Sendable, Equatable {
    /// The problems, in dataset order of their main location.
    public var problems: [LintProblem]
    /// How many examples carry each label.
    public var classBalance: ClassBalance

    /// A report of `problems` with `classBalance`.
    public init(problems: [LintProblem], classBalance: ClassBalance) {
        self.problems = problems
        self.classBalance = classBalance
    }

    /// Whether anything was found.
    public var hasProblems: Bool { !problems.isEmpty }

    /// The problems of `kind`.
    public func problems(of kind: LintProblem.Kind) -> [LintProblem] {
        problems.filter { $0.kind == kind }
    }

    /// The report for a terminal: one `FILE:LINE: kind: message` line per problem, a summary
    /// counting them by kind, then the class balance table.
    public var text: String {
        var lines = problems.map(\.description)
        if problems.isEmpty {
            lines.append("no problems found")
        } else {
            let counts = LintProblem.Kind.allCases.compactMap { kind -> String? in
                let n = problems.count { $0.kind == kind }
                return n == 0 ? nil : "\(n) \(kind.rawValue)"
            }
            lines.append("")
            lines.append("\(problems.count) \(problems.count == 1 ? "problem" : "problems"): "
                         + counts.joined(separator: ", "))
        }
        lines.append("")
        lines.append(classBalance.text)
        return lines.joined(separator: "\n") + "\n"
    }
}
