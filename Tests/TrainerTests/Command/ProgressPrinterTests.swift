import Testing
@testable import Trainer

@Suite struct ProgressPrinterTests {
    @Test("an iteration report gives its phase, iteration and total")
    func iteration() {
        let parsed = ProgressPrinter.iteration(in: "fold 1/3: softmax: iteration 10/300, held-out loss 0.5")
        #expect(parsed?.phase == "fold 1/3: softmax: ")
        #expect(parsed?.done == 10)
        #expect(parsed?.total == 300)
        #expect(ProgressPrinter.iteration(in: "fitting on all 40 examples") == nil)
        #expect(ProgressPrinter.iteration(in: "iteration x/3") == nil)
    }

    @Test("durations read as seconds, minutes or hours")
    func durations() {
        #expect(ProgressPrinter.duration(.milliseconds(4_240)) == "4.2s")
        #expect(ProgressPrinter.duration(.seconds(65)) == "1m 05s")
        #expect(ProgressPrinter.duration(.seconds(3_725)) == "1h 02m")
    }

    @Test("each line carries the elapsed time, iteration lines an ETA")
    func lines() {
        let captured = CapturedConsole()
        let printer = ProgressPrinter(captured.console.writeError)
        printer.report("extracting features of 40 examples")
        printer.report("softmax: iteration 10/20")
        let lines = captured.stderr.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("[") && lines[0].hasSuffix("s] extracting features of 40 examples"))
        #expect(lines[1].contains("] softmax: iteration 10/20, ETA "))
    }
}
