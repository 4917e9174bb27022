import Foundation
@testable import Classifier

/// Writes model files from the layout documented in ``ModelFileFormat``, independently of the
/// trainer's encoder, so that the reader is checked against the documentation.
struct ModelFileAssembler {
    /// Little-endian writing.
    struct Writer {
        var bytes: [UInt8] = []
        mutating func u8(_ v: UInt8) { bytes.append(v) }
        mutating func u32(_ v: UInt32) { for k in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
        mutating func u64(_ v: UInt64) { for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
        mutating func f32(_ v: Float) { u32(v.bitPattern) }
        mutating func f64(_ v: Double) { u64(v.bitPattern) }
        mutating func string(_ s: String) { u32(UInt32(s.utf8.count)); bytes += Array(s.utf8) }
    }

    /// The sections in file order: tag and payload.
    var sections: [(tag: String, payload: [UInt8])]
    var version: UInt32 = 1

    /// A multinomial naive Bayes model over word unigrams and 2^8 buckets, two labels
    /// `yes` and `no`, with counts for buckets 3, 17 and 200.
    static func naiveBayes() -> ModelFileAssembler {
        var nbct = Writer()
        nbct.f64(3); nbct.f64(1)                         // examples per label
        nbct.u32(3)                                      // rows
        for (bucket, yes, no) in [(3, 5.0, 1.0), (17, 0.0, 2.0), (200, 1.5, 0.0)] as [(UInt32, Double, Double)] {
            nbct.u32(bucket); nbct.f64(yes); nbct.f64(no)
        }
        var assembler = common(algorithm: 0, alpha: 1, priors: 1, lengthNormalisation: 0)
        assembler.sections.insert(("NBCT", nbct.bytes), at: 6)
        return assembler
    }

    /// A logistic regression over the same settings: length-normalised, softmax table with
    /// squared scales, one-vs-rest table without.
    static func logisticRegression() -> ModelFileAssembler {
        var lrwt = Writer()
        lrwt.f64(0.25); lrwt.f64(-0.25)                  // biases
        lrwt.u8(1)                                       // rows carry a squared scale
        lrwt.u32(2)
        lrwt.u32(4); lrwt.f32(1.5); lrwt.f32(-1.5); lrwt.f32(2.25)
        lrwt.u32(9); lrwt.f32(-0.5); lrwt.f32(0.5); lrwt.f32(1)
        var ovrw = Writer()
        ovrw.f64(-1); ovrw.f64(-2)
        ovrw.u8(0)
        ovrw.u32(1)
        ovrw.u32(4); ovrw.f32(3); ovrw.f32(-3)
        var assembler = common(algorithm: 2, alpha: 0, priors: 0, lengthNormalisation: 1)
        assembler.sections.insert(("LRWT", lrwt.bytes), at: 6)
        assembler.sections.insert(("OVRW", ovrw.bytes), at: 7)
        return assembler
    }

    private static func common(algorithm: UInt8, alpha: Double, priors: UInt8, lengthNormalisation: UInt8) -> ModelFileAssembler {
        var meta = Writer()
        meta.u32(2); meta.string("tool"); meta.string("assembler"); meta.string("note"); meta.string("نموذج")
        var norm = Writer()
        norm.u32(NormalizerSettings.arabicNews.bits)
        let feat: [UInt8] = [1, 0, 0, 0, 0, 0, 8]      // word unigrams only, 2^8 buckets
        var labl = Writer()
        labl.u32(2); labl.string("yes"); labl.string("no")
        var algo = Writer()
        algo.u8(algorithm); algo.f64(alpha); algo.u8(priors); algo.u8(lengthNormalisation)
        var calb = Writer()
        calb.f64(1.25); calb.f64(0.75); calb.f64(0.35)
        var topf = Writer()
        topf.u32(1); topf.string("w:نعم"); topf.f64(2.5)
        topf.u32(0)
        return ModelFileAssembler(sections: [("META", meta.bytes), ("NORM", norm.bytes), ("FEAT", feat), ("LABL", labl.bytes),
                                             ("ALGO", algo.bytes), ("CALB", calb.bytes), ("TOPF", topf.bytes)])
    }

    /// The complete file: header, sections, checksum.
    var bytes: [UInt8] {
        var w = Writer()
        w.bytes += Array("STANCE\r\n".utf8)
        w.u32(version)
        w.u32(UInt32(sections.count))
        w.u64(UInt64(24 + sections.reduce(0) { $0 + 12 + $1.payload.count } + 8))
        for (tag, payload) in sections {
            w.bytes += Array(tag.utf8)
            w.u64(UInt64(payload.count))
            w.bytes += payload
        }
        w.u64(Self.fnv1a(w.bytes))
        return w.bytes
    }

    /// FNV-1a-64, written out here from its definition.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }

    /// `bytes` with its checksum recomputed after an edit.
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var body = Array(bytes.dropLast(8))
        var w = Writer()
        w.u64(fnv1a(body))
        body += w.bytes
        return body
    }

    /// The payload of section `tag`, edited by `edit`.
    mutating func edit(_ tag: String, _ edit: (inout [UInt8]) -> Void) {
        let i = sections.firstIndex { $0.tag == tag }!
        edit(&sections[i].payload)
    }
}

extension Array where Element == UInt8 {
    /// Overwrites the little-endian `value` of `size` bytes at `offset`.
    mutating func put<T: FixedWidthInteger>(_ value: T, at offset: Int) {
        for k in 0..<(T.bitWidth / 8) { self[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) }
    }
}
