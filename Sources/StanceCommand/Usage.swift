import Classifier

/// The usage and help texts of `stance`.
enum Usage {
    /// The synopsis printed after a usage error.
    static let synopsis = """
        usage: stance [options] [SENTENCE ...]
               stance [options] --input FILE
               stance [options] --article FILE
        Run 'stance --help' for the options.
        """

    /// `stance --version`.
    static let version = "stance \(StanceVersion.current)"

    /// The full help, showing the defaults on this machine.
    static func help(defaultThreads: Int) -> String {
        """
        stance \(StanceVersion.current): the stance of Arabic news sentences (denial, accusation, call for restraint…)

        usage: stance [options] [SENTENCE ...]
               stance [options] --input FILE
               stance [options] --article FILE

        Classifies each SENTENCE argument; with none, each line of standard input. Writes one
        result line per input line, in order; an empty line gives an empty result.

        Input:
          --input FILE        Classify each line of FILE ('-' for standard input).
          --article FILE      Split the article in FILE ('-' for standard input) into sentences,
                              classify each with its offsets (in Unicode scalars), then summarise.
                              At most \(Stance.articleLimit >> 20) MiB.
        Model:
          --model FILE        Model file made by 'trainer train' (default: the built-in model).
        Output:
          --format FORMAT     text, tsv or jsonl (default: text).
                                text   label, probability, sentence in aligned columns
                                tsv    label<TAB>probability<TAB>sentence (start, end first in
                                       article mode; summary lines start with '#')
                                jsonl  {"text", "label", "labels", "probabilities", …} per line
          --top K             Report the K most probable labels (default: the most probable only).
          --multi-label       Report every label whose one-vs-rest probability reaches the
                              threshold (the most probable one when none does); probabilities
                              are then one-vs-rest ones, which need not sum to 1.
          --threshold P       Threshold of --multi-label, from 0 to 1 (default: the model's
                              calibrated threshold).
          --explain N         Also show the N features that moved each decision most
                              (text and jsonl only).
        What the model sees:
          --normalize         Write each input line normalised, as the model reads it.
          --features          Write each input line's features, tab-separated (in jsonl: the
                              text, its normalised form and the list of features).
        Speed:
          --threads N         Classify on N threads, keeping the input order (default: \(defaultThreads),
                              the number of active processors).
        Other:
          -h, --help          Show this help.
          --version           Show the version.
          --                  End of options: every later argument is a sentence.

        Exit status: 0 on success, 64 on a usage error, 1 on any other failure (unreadable input,
        missing or damaged model, unwritable output).
        """
    }
}
