import Foundation
import Testing
@testable import Classifier

/// Every check of the reader, on files written from the documented layout, with exact messages.
@Suite struct ModelFileDecoderTests {
    typealias Assembler = ModelFileAssembler

    /// The message of decoding `bytes` as a file named `m` (as compiled-in bytes, with
    /// `compiledIn`), or `nil` when it decodes.
    func error(_ bytes: [UInt8], compiledIn: Bool = false) -> String? {
        do {
            _ = try compiledIn ? StanceModel.decodeCompiledIn(bytes, source: "m") : StanceModel.decode(bytes, source: "m")
            return nil
        } catch {
            return error.description
        }
    }

    /// The message of the naive Bayes (or logistic regression) file after `edit`.
    func error(logistic: Bool = false, _ edit: (inout Assembler) -> Void) -> String? {
        var file = logistic ? Assembler.logisticRegression() : Assembler.naiveBayes()
        edit(&file)
        return error(file.bytes)
    }

    /// A `LABL` payload.
    func labels(_ names: [String]) -> [UInt8] {
        var w = Assembler.Writer()
        w.u32(UInt32(names.count))
        for name in names { w.string(name) }
        return w.bytes
    }

    func malformed(_ section: String, _ reason: String) -> String {
        "model 'm' is malformed in section \(section): \(reason)"
    }

    @Test("the unedited files decode")
    func valid() {
        #expect(error(Assembler.naiveBayes().bytes) == nil)
        #expect(error(Assembler.logisticRegression().bytes) == nil)
    }

    // MARK: Header and section table

    @Test("header: signature, version, length, checksum")
    func header() {
        let good = Assembler.naiveBayes().bytes
        #expect(error([]) == "'m' is not a Stance model file (it does not start with the model signature)")
        #expect(error(Array("STANCE\n".utf8)) == "'m' is not a Stance model file (it does not start with the model signature)")
        #expect(error(Array("label\ttext\n".utf8)) == "'m' is not a Stance model file (it does not start with the model signature)")
        var future = Assembler.naiveBayes()
        future.version = 2
        #expect(error(future.bytes) == "model 'm' has format version 2; this build reads version 1 (retrain the model or update stance)")
        #expect(error(good + [0]) == "model 'm' is damaged: its header declares \(good.count) bytes but the file has \(good.count + 1) (truncated or appended to)")
        var edited = good
        edited[40] ^= 0x10
        #expect(error(edited) == "model 'm' is damaged: its checksum does not match its content")
        edited = good
        edited[edited.count - 1] ^= 0x80
        #expect(error(edited) == "model 'm' is damaged: its checksum does not match its content")
    }

    @Test("bytes compiled into the program skip only the checksum comparison")
    func compiledIn() {
        let good = Assembler.naiveBayes().bytes
        var badChecksum = good
        badChecksum[badChecksum.count - 1] ^= 0x80
        #expect(error(badChecksum) == "model 'm' is damaged: its checksum does not match its content")
        #expect(error(badChecksum, compiledIn: true) == nil)
        // Everything else is still checked.
        #expect(error(good + [0], compiledIn: true) == error(good + [0]))
        #expect(error(Array(good.prefix(28)), compiledIn: true) == error(Array(good.prefix(28))))
        #expect(error(Array("STANCE\n".utf8), compiledIn: true) == error(Array("STANCE\n".utf8)))
        var empty = Assembler.naiveBayes()
        empty.sections.removeAll()
        #expect(error(empty.bytes, compiledIn: true) != nil)
        #expect(error(empty.bytes, compiledIn: true) == error(empty.bytes))
    }

    @Test("a file cut inside its header reports the length the header declares, when it has one")
    func cutHeader() {
        let good = Assembler.naiveBayes().bytes
        #expect(error(Array(good.prefix(12))) == "model 'm' is damaged: its header declares 0 bytes but the file has 12 (truncated or appended to)")
        #expect(error(Array(good.prefix(28))) == "model 'm' is damaged: its header declares \(good.count) bytes but the file has 28 (truncated or appended to)")
    }

    @Test("section table: count, tags, duplicates, lengths, stray bytes, missing sections")
    func sectionTable() {
        var bytes = Assembler.naiveBayes().bytes
        bytes.put(UInt32(11), at: 12)
        #expect(error(Assembler.resealed(bytes)) == malformed("header", "declares 11 sections"))
        #expect(error { $0.sections[1].tag = "ABCD" } == malformed("header", "unknown section 'ABCD'"))
        #expect(error { $0.sections.append($0.sections[1]) } == malformed("header", "section NORM appears twice"))
        #expect(error { $0.sections.removeLast() } == malformed("TOPF", "section is missing"))
        #expect(error { $0.sections.remove(at: 6) } == malformed("NBCT", "section is missing"))
        #expect(error(logistic: true) { $0.sections.remove(at: 7) } == malformed("OVRW", "section is missing"))

        // The first section (META, at 24) declares more bytes than the file holds.
        let good = Assembler.naiveBayes().bytes
        for length in [UInt64.max, 1 << 40, UInt64(good.count)] {
            bytes = good
            bytes.put(length, at: 28)
            #expect(error(Assembler.resealed(bytes)) == malformed("META", "declares \(length) bytes but only \(good.count - 8 - 36) remain"))
        }
        // Fewer sections declared than written: the rest are stray bytes.
        let file = Assembler.naiveBayes()
        bytes = file.bytes
        bytes.put(UInt32(3), at: 12)
        let stray = file.sections.dropFirst(3).reduce(0) { $0 + 12 + $1.payload.count }
        #expect(error(Assembler.resealed(bytes)) == malformed("header", "\(stray) stray bytes after the last section"))
    }

    // MARK: Sections

    @Test("metadata, normaliser and feature settings")
    func settings() {
        #expect(error { $0.edit("META") { $0.put(UInt32.max, at: 0) } } == malformed("META", "declares 4294967295 entries"))
        #expect(error { $0.edit("META") { $0.put(UInt32.max, at: 4) } } == malformed("META", "ends before its declared content"))
        #expect(error { $0.edit("META") { $0[8] = 0xFF } } == malformed("META", "an entry is not valid UTF-8"))
        #expect(error { $0.edit("META") { $0 += [0] } } == malformed("META", "1 unexpected bytes at the end of the section"))
        #expect(error { $0.edit("NORM") { $0.put(UInt32(1 << 10), at: 0) } } == malformed("NORM", "unknown normaliser rules 1024"))
        #expect(error { $0.edit("NORM") { $0.removeLast() } } == malformed("NORM", "ends before its declared content"))
        #expect(error { $0.edit("FEAT") { $0[0] = 2 } } == malformed("FEAT", "a switch is neither 0 nor 1"))
        #expect(error { $0.edit("FEAT") { $0[2] = 3; $0[3] = 2 } } == malformed("FEAT", "character n-gram range 3-2 is empty"))
        #expect(error { $0.edit("FEAT") { $0[3] = 9 } } == malformed("FEAT", "character n-gram lengths must lie in 0...8"))
        #expect(error { $0.edit("FEAT") { $0[5] = 17 } } == malformed("FEAT", "negation scope must lie in 0...16"))
        for bits: UInt8 in [0, 7, 27, 40, 64, 255] {
            #expect(error { $0.edit("FEAT") { $0[6] = bits } } == malformed("FEAT", "hash bits must lie in 8...26"))
        }
    }

    @Test("labels")
    func labels() {
        #expect(error { $0.edit("LABL") { $0.put(UInt32(1), at: 0) } } == malformed("LABL", "declares 1 labels"))
        #expect(error { $0.edit("LABL") { $0.put(UInt32(65), at: 0) } } == malformed("LABL", "declares 65 labels"))
        #expect(error { $0.edit("LABL") { $0.put(UInt32(1) << 31, at: 0) } } == malformed("LABL", "declares 2147483648 labels"))
        #expect(error { $0.edit("LABL") { $0.put(UInt32.max, at: 4) } } == malformed("LABL", "ends before its declared content"))
        #expect(error { $0.edit("LABL") { $0.put(UInt32(257), at: 4) } } == malformed("LABL", "ends before its declared content"))
        #expect(error { $0.edit("LABL") { $0 = labels(["yes", "yes"]) } } == malformed("LABL", "labels repeat"))
        #expect(error { $0.edit("LABL") { $0 = [2, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0x6E, 0x6F] } }
                == malformed("LABL", "a label is empty or not valid UTF-8"))
        #expect(error { $0.edit("LABL") { $0[8] = 0xC0 } } == malformed("LABL", "a label is empty or not valid UTF-8"))
    }

    @Test("a table of labels × buckets too large to allocate is refused before anything is allocated")
    func tableSize() {
        // 2^26 buckets × 5 labels: a few hundred bytes of file would ask for gigabytes.
        let message = error { file in
            file.edit("FEAT") { $0[6] = 26 }
            file.edit("LABL") { $0 = labels(["a", "b", "c", "d", "e"]) }
        }
        #expect(message == malformed("LABL", "5 labels × 2^26 buckets exceed the largest table of 2^28 weights (use fewer hash bits)"))
        #expect(error { file in
            file.edit("FEAT") { $0[6] = 23 }
            file.edit("LABL") { $0 = labels((0..<64).map { "label\($0)" }) }
        } == malformed("LABL", "64 labels × 2^23 buckets exceed the largest table of 2^28 weights (use fewer hash bits)"))
        // 4 labels × 2^26 is the largest table: accepted (the file then fails, before any table is made, on its algorithm).
        #expect(error { file in
            file.edit("FEAT") { $0[6] = 26 }
            file.edit("LABL") { $0 = labels(["a", "b", "c", "d"]) }
            file.edit("ALGO") { $0[0] = 3 }
        } == malformed("ALGO", "unknown algorithm 3"))
    }

    @Test("algorithm and calibration")
    func algorithm() {
        #expect(error { $0.edit("ALGO") { $0[0] = 3 } } == malformed("ALGO", "unknown algorithm 3"))
        for alpha in [0, -1, Double.nan, .infinity] {
            #expect(error { $0.edit("ALGO") { $0.put(alpha.bitPattern, at: 1) } } == malformed("ALGO", "bad smoothing, priors or length normalisation"))
        }
        #expect(error { $0.edit("ALGO") { $0[9] = 2 } } == malformed("ALGO", "bad smoothing, priors or length normalisation"))
        #expect(error { $0.edit("ALGO") { $0[10] = 2 } } == malformed("ALGO", "bad smoothing, priors or length normalisation"))
        let calibration = "temperatures must be positive and the threshold within 0...1"
        for (offset, value) in [(0, 0.0), (0, -1), (0, .nan), (8, .infinity), (8, 0), (16, 1.5), (16, -0.1), (16, .nan)] {
            #expect(error { $0.edit("CALB") { $0.put(value.bitPattern, at: offset) } } == malformed("CALB", calibration))
        }
    }

    @Test("naive Bayes counts: examples, row count, buckets, values")
    func naiveBayesCounts() {
        // Layout: 2 × Float64 examples, UInt32 row count at 16, rows of 20 bytes from 20.
        #expect(error { $0.edit("NBCT") { $0.put(Double(0).bitPattern, at: 8) } } == malformed("NBCT", "every label needs a positive number of examples"))
        #expect(error { $0.edit("NBCT") { $0.put(Double.nan.bitPattern, at: 0) } } == malformed("NBCT", "every label needs a positive number of examples"))
        #expect(error { $0.edit("NBCT") { $0.put(UInt32.max, at: 16) } } == malformed("NBCT", "declares 4294967295 rows but has room for 3"))
        #expect(error { $0.edit("NBCT") { $0.put(UInt32(4), at: 16) } } == malformed("NBCT", "declares 4 rows but has room for 3"))
        #expect(error { $0.edit("NBCT") { $0.put(UInt32(2), at: 16) } } == malformed("NBCT", "20 unexpected bytes at the end of the section"))
        #expect(error { $0.edit("NBCT") { $0.put(UInt32(256), at: 60) } } == malformed("NBCT", "bucket 256 is out of range or out of order"))
        #expect(error { $0.edit("NBCT") { $0.put(UInt32.max, at: 60) } } == malformed("NBCT", "bucket 4294967295 is out of range or out of order"))
        #expect(error { $0.edit("NBCT") { $0.put(UInt32(2), at: 40) } } == malformed("NBCT", "bucket 2 is out of range or out of order"))
        #expect(error { $0.edit("NBCT") { $0.put(UInt32(3), at: 40) } } == malformed("NBCT", "bucket 3 is out of range or out of order"))
        for value in [-1, Double.nan, .infinity, -.infinity] {
            #expect(error { $0.edit("NBCT") { $0.put(value.bitPattern, at: 52) } } == malformed("NBCT", "a value is not finite or negative"))
        }
    }

    @Test("logistic regression tables: biases, scale flag, rows, values, scales")
    func logisticTables() {
        // LRWT layout: 2 × Float64 biases, UInt8 flag at 16, UInt32 rows at 17, rows of 16 bytes from 21.
        #expect(error(logistic: true) { $0.edit("LRWT") { $0.put(Double.nan.bitPattern, at: 8) } } == malformed("LRWT", "a bias is not finite"))
        #expect(error(logistic: true) { $0.edit("LRWT") { $0[16] = 2 } } == malformed("LRWT", "the scale flag is neither 0 nor 1"))
        #expect(error(logistic: true) { $0.edit("LRWT") { $0.put(UInt32.max, at: 17) } } == malformed("LRWT", "declares 4294967295 rows but has room for 2"))
        #expect(error(logistic: true) { $0.edit("LRWT") { $0.put(Float.nan.bitPattern, at: 25) } } == malformed("LRWT", "a value is not finite or negative"))
        #expect(error(logistic: true) { $0.edit("LRWT") { $0.put(Float.infinity.bitPattern, at: 29) } } == malformed("LRWT", "a value is not finite or negative"))
        #expect(error(logistic: true) { $0.edit("LRWT") { $0.put(Float(-1).bitPattern, at: 33) } } == malformed("LRWT", "a squared scale is negative"))
        #expect(error(logistic: true) { $0.edit("LRWT") { $0.put(UInt32(4), at: 37) } } == malformed("LRWT", "bucket 4 is out of range or out of order"))
        // Without the scale flag the rows are 4 bytes narrower: the first scale is read as the next bucket.
        #expect(error(logistic: true) { $0.edit("LRWT") { $0[16] = 0 } }
                == malformed("LRWT", "bucket \(Float(2.25).bitPattern) is out of range or out of order"))
        #expect(error(logistic: true) { $0.edit("OVRW") { $0.put(Float.nan.bitPattern, at: 25) } } == malformed("OVRW", "a value is not finite or negative"))
        // A negative weight is fine; only squared scales must not be.
        #expect(error(logistic: true) { $0.edit("LRWT") { $0.put(Float(-100).bitPattern, at: 25) } } == nil)
    }

    @Test("strongest features")
    func topFeatures() {
        #expect(error { $0.edit("TOPF") { $0.put(UInt32.max, at: 0) } } == malformed("TOPF", "declares 4294967295 features"))
        #expect(error { $0.edit("TOPF") { $0.put(UInt32.max, at: 4) } } == malformed("TOPF", "ends before its declared content"))
        #expect(error { $0.edit("TOPF") { $0.put(Double.nan.bitPattern, at: 16) } } == malformed("TOPF", "a feature name is not UTF-8 or its weight not finite"))
        #expect(error { $0.edit("TOPF") { $0.removeLast(4) } } == malformed("TOPF", "ends before its declared content"))
    }
}
