#!/bin/sh
# Regenerates the built-in default model from Data/ and the seed articles, byte-identically:
# the same Data/, seeds and settings below always give the same Swift source.
#
#   scripts/build-default-model.sh [OUTPUT]
#
# OUTPUT defaults to Sources/DefaultModel/DefaultModelData.swift. Set TRAINER to a built
# `trainer` to skip building one. Run it after changing Data/ or anything that changes
# training; a test fails while the shipped model is stale.
#
# Two steps: `trainer train` on Data/, then `trainer calibrate` on the seed articles (real
# news, ../shared/seeds, labelled by reference in seeds/labels.tsv), whose sentences are cut
# out of the articles into a scratch file that is deleted afterwards: they never enter the
# project. Without ../shared/seeds the second step is skipped, with a warning, and the model
# keeps the temperatures fitted on the held-out share of Data/.
set -eu
cd "$(dirname "$0")/.."
output=${1:-Sources/DefaultModel/DefaultModelData.swift}
seeds=../shared/seeds
if [ -z "${TRAINER:-}" ]; then
    swift build -c release --product trainer >/dev/null
    TRAINER="$(swift build -c release --show-bin-path)/trainer"
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The settings of the default model; see README.md, "The default model".
set -- --algorithm logreg --weighting tfidf --l2 0.000001 --iterations 300 --min-count 2 --char-ngrams 2-4 --no-stems \
    --hash-bits 18 --seed 1
if [ ! -d "$seeds" ]; then
    echo "warning: $seeds not found: the model is not calibrated on the seed articles and differs from the shipped one" >&2
    "$TRAINER" train Data/ -o "$scratch/default.stance" --swift-source "$output" "$@"
    exit 0
fi
"$TRAINER" train Data/ -o "$scratch/default.stance" "$@"
# The seed sentences as LABELS<TAB>SENTENCE. Offsets count Unicode scalars, so each article is
# converted once to UTF-32 (four bytes a scalar) and a sentence is bytes 4·start..4·end of it.
tab=$(printf '\t')
tail -n +2 seeds/labels.tsv | while IFS="$tab" read -r file start end labels holder; do
    wide="$scratch/$file.utf32"
    [ -f "$wide" ] || iconv -f UTF-8 -t UTF-32LE "$seeds/$file" > "$wide"
    printf '%s\t' "$labels"
    dd if="$wide" bs=4 skip="$start" count=$((end - start)) 2>/dev/null | iconv -f UTF-32LE -t UTF-8
    printf '\n'
done > "$scratch/seeds.tsv"
"$TRAINER" calibrate -m "$scratch/default.stance" "$scratch/seeds.tsv" -o "$scratch/default.stance" --swift-source "$output"
