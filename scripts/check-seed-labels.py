#!/usr/bin/env python3
"""Checks seeds/labels.tsv against the seed articles kept outside the project (../shared/seeds).

Every row must point at a span of its seed file (offsets in Unicode code points, i.e. Python
string indices) that is non-empty, trimmed of surrounding whitespace and free of line breaks;
rows must not overlap; labels must be known, not repeated, and `none` must stand alone; the
holder must be `-` exactly when the label is `none`. Text of a seed not covered by any row may
only be whitespace or list bullets, so every sentence has a row. Prints the counts per label.

Run from the package root: python3 scripts/check-seed-labels.py [LABELS.tsv [SEEDS_DIR]]
Exits 0 when all is well (or when the seeds directory is absent, which it reports), 1 otherwise.
"""
import os
import sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEADER = ["file", "start", "end", "labels", "holder"]
LABELS = ["denial", "accusation", "call_for_restraint", "none"]
# Characters that may sit between labelled sentences: whitespace and list bullets.
FILLER = {"\u2022"}


def check_labels(tsv_path, seeds_dir):
    errors = []
    texts = {}
    spans = {}
    per_label = Counter()
    main_label = Counter()
    rows = 0

    with open(tsv_path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].split("\t") != HEADER:
        return [f"line 1 of '{tsv_path}': header must be {chr(9).join(HEADER)!r}"], rows, per_label, main_label

    for number, line in enumerate(lines[1:], start=2):
        where = f"line {number} of '{tsv_path}'"
        fields = line.split("\t")
        if len(fields) != len(HEADER):
            errors.append(f"{where}: expected {len(HEADER)} tab-separated fields, found {len(fields)}")
            continue
        name, start, end, labels, holder = fields
        if name not in texts:
            path = os.path.join(seeds_dir, name)
            if os.path.basename(name) != name or not os.path.isfile(path):
                errors.append(f"{where}: no seed file '{name}' in '{seeds_dir}'")
                continue
            with open(path, encoding="utf-8") as seed:
                texts[name] = seed.read()
            spans[name] = []
        text = texts[name]
        try:
            start, end = int(start), int(end)
        except ValueError:
            errors.append(f"{where}: start and end must be integers, got {start!r} and {end!r}")
            continue
        if not 0 <= start < end <= len(text):
            errors.append(f"{where}: span {start}..{end} is outside '{name}' ({len(text)} code points) or empty")
            continue
        span = text[start:end]
        if span != span.strip():
            errors.append(f"{where}: span {start}..{end} has surrounding whitespace; trim it")
        if "\n" in span or "\r" in span:
            errors.append(f"{where}: span {start}..{end} contains a line break; split it")
        spans[name].append((start, end, number))

        parts = labels.split(",")
        unknown = [p for p in parts if p not in LABELS]
        if unknown:
            errors.append(f"{where}: unknown label(s) {', '.join(map(repr, unknown))}; use {', '.join(LABELS)}")
            continue
        if len(set(parts)) != len(parts):
            errors.append(f"{where}: label repeated in {labels!r}")
        if "none" in parts and len(parts) > 1:
            errors.append(f"{where}: 'none' cannot be combined with other labels ({labels!r})")
        if not holder.strip() or holder != holder.strip():
            errors.append(f"{where}: holder must be non-empty and trimmed ('-' for none)")
        elif (holder == "-") != (parts == ["none"]):
            errors.append(f"{where}: holder must be '-' exactly when the label is 'none' (got {holder!r} for {labels!r})")
        rows += 1
        main_label[parts[0]] += 1
        per_label.update(set(parts))

    for name, found in spans.items():
        text = texts[name]
        found.sort()
        covered_to = 0
        for start, end, number in found:
            if start < covered_to:
                errors.append(f"line {number} of '{tsv_path}': span {start}..{end} overlaps the previous row of '{name}'")
            gap = text[covered_to:start]
            if any(not (c.isspace() or c in FILLER) for c in gap):
                errors.append(f"'{name}': text at {covered_to}..{start} is not covered by any row")
            covered_to = max(covered_to, end)
        if any(not (c.isspace() or c in FILLER) for c in text[covered_to:]):
            errors.append(f"'{name}': text after {covered_to} is not covered by any row")
    for name in sorted(os.listdir(seeds_dir)):
        if name.endswith(".txt") and name not in texts:
            errors.append(f"seed '{name}' has no rows in '{tsv_path}'")
    return errors, rows, per_label, main_label


def main(argv):
    tsv_path = argv[1] if len(argv) > 1 else os.path.join(ROOT, "seeds", "labels.tsv")
    seeds_dir = argv[2] if len(argv) > 2 else os.path.join(ROOT, "..", "shared", "seeds")
    if not os.path.isdir(seeds_dir):
        print(f"skipped: seeds directory '{seeds_dir}' not found", file=sys.stderr)
        return 0
    errors, rows, per_label, main_label = check_labels(tsv_path, os.path.normpath(seeds_dir))
    for error in errors:
        print(error, file=sys.stderr)
    print(f"{rows} rows in {tsv_path}")
    print(f"{'label':<20}{'rows with label':>16}{'as main label':>15}")
    for label in LABELS:
        print(f"{label:<20}{per_label[label]:>16}{main_label[label]:>15}")
    if errors:
        print(f"{len(errors)} error(s)", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
