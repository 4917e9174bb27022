#!/usr/bin/env python3
"""Compares the shape of two labelled sets without printing a single sentence: for each main label,
sentence length and the share of sentences with quotation marks, parentheses, a leading و, a
reporting verb, or the cue words of each stance. This is how the long, quoted and cue-word files
of Data/ were chosen: from aggregate differences with real news, never from its sentences.

Run from the package root:
    python3 scripts/compare-shape.py ../shared/eval/dev.tsv            # against Data/*.tsv
    python3 scripts/compare-shape.py OTHER.tsv data-candidates/*.tsv   # against the given files
Each cell is OTHER / OURS."""
import glob, re, statistics, sys

LABELS = ["denial", "accusation", "call_for_restraint", "none"]
# Matched on text without diacritics or tatweel, with the alef forms unified.
FEATURES = {
    "denial verbs": r"نف[يتى]|ينف|تنف|نافي",
    "denial phrases": r"اساس له|عار عن|عارية عن|مزاعم|ادعاءات|افتراء|كاذب|مفبرك|لا صحة",
    "accuse": r"اتهم|يتهم|تتهم|متهم|اتهام",
    "condemn": r"ادان|يدين|تدين|ندد|استنكر|شجب",
    "responsibility": r"مسؤولي|حمل|يحمل|تحمل",
    "crime words": r"جريم|مجزر|ارهاب|عدوان|انتهاك",
    "call verbs": r"دعا|دعت|يدعو|تدعو|داعي|دعوة",
    "urge": r"حث|يحث|تحث|ناشد|طالب",
    "calm words": r"تصعيد|التهدئة|ضبط النفس|وقف اطلاق|الحوار|الحل السياسي|الدبلوماسي",
    "reporting verb": r"قال|اضاف|اكد|اوضح|ذكر|بيان",
    "quotation marks": r"[\"«“]",
    "starts with و": r"^و",
    "parentheses": r"\(",
}


def read(paths):
    rows = []
    for path in paths:
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if not line or line.startswith("#") or "\t" not in line:
                continue
            labels, text = line.split("\t", 1)
            rows.append((labels.split(",")[0], text.strip()))
    return rows


def plain(text):
    text = re.sub("[\u064b-\u0652\u0640]", "", text)
    return text.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")


def shape(rows, label):
    texts = [plain(t) for l, t in rows if l == label]
    if not texts:
        return None
    words = [len(t.split()) for t in texts]
    result = {"sentences": len(texts), "mean words": statistics.mean(words),
              "90th percentile words": sorted(words)[int(0.9 * (len(words) - 1))]}
    for name, pattern in FEATURES.items():
        result[name] = sum(1 for t in texts if re.search(pattern, t)) / len(texts)
    return result


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    other = read([sys.argv[1]])
    ours = read(sys.argv[2:] or sorted(glob.glob("Data/*.tsv")))
    print(f"{'':24}" + "".join(f"{label[:18]:>20}" for label in LABELS))
    shapes = [(shape(other, label), shape(ours, label)) for label in LABELS]
    for key in ["sentences", "mean words", "90th percentile words", *FEATURES]:
        cells = []
        for a, b in shapes:
            if a is None or b is None:
                cells.append(f"{'-':>20}")
            elif key == "sentences" or key.startswith("90th"):
                cells.append(f"{a[key]:>9.0f} / {b[key]:<8.0f}")
            elif key == "mean words":
                cells.append(f"{a[key]:>9.1f} / {b[key]:<8.1f}")
            else:
                cells.append(f"{a[key]:>9.2f} / {b[key]:<8.2f}")
        print(f"{key:24}" + "".join(cells))


if __name__ == "__main__":
    main()
