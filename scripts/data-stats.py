#!/usr/bin/env python3
"""Counts of Data/: examples per file, per label (every label of an example) and per main label,
multi-label examples, and a rough count of distinct holders (the two words after the first
reporting verb of each sentence). Run from the package root: python3 scripts/data-stats.py"""
import collections, glob, re

VERBS = set("""نفى نفت ينفي تنفي نفوا اتهم اتهمت يتهم تتهم اتهموا دعا دعت يدعو تدعو دعوا أدان أدانت يدين تدين
ندد نددت يندد تندد حث حثت يحث تحث ناشد ناشدت حمل حملت حمّل حمّلت استنكر استنكرت طالب طالبت قال قالت أكد أكدت
كذب كذبت رفض رفضت وبخ حذر حذرت شجب شجبت""".split())

files, labels, main, holders = collections.Counter(), collections.Counter(), collections.Counter(), set()
multi = total = 0
for path in sorted(glob.glob("Data/*.tsv")):
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        label_field, text = line.split("\t", 1)
        names = label_field.split(",")
        total += 1
        files[path] += 1
        main[names[0]] += 1
        multi += len(names) > 1
        for name in names:
            labels[name] += 1
        words = re.sub(r"[^\w\s]", " ", text).split()
        for i, word in enumerate(words[:-1]):
            if word in VERBS or (word[:1] in "وف" and word[1:] in VERBS):
                holders.add(" ".join(words[i + 1:i + 3]))
                break

print(f"{total} examples in {len(files)} files, {multi} with more than one label")
for path, count in files.items():
    print(f"  {path:34} {count:5}")
print("label                 every label   main label")
for name in ["denial", "accusation", "call_for_restraint", "none"]:
    print(f"  {name:20} {labels[name]:11} {main[name]:12}")
print(f"distinct holder phrases (rough): {len(holders)}")
