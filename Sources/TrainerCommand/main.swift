// The `trainer` executable: everything but the exit lives in the Trainer library
// (`TrainerTool`), where it is tested.
import Foundation
import Trainer

exit(TrainerTool.main(Array(CommandLine.arguments.dropFirst())))
