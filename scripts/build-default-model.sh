#!/bin/sh
# Regenerates the built-in default model from Data/, byte-identically: the same Data/ and the
# same settings below always give the same Swift source.
#
#   scripts/build-default-model.sh [OUTPUT]
#
# OUTPUT defaults to Sources/DefaultModel/DefaultModelData.swift. Set TRAINER to a built
# `trainer` to skip building one. Run it after changing Data/ or anything that changes
# training; a test fails while the shipped model is stale.
set -eu
cd "$(dirname "$0")/.."
output=${1:-Sources/DefaultModel/DefaultModelData.swift}
if [ -z "${TRAINER:-}" ]; then
    swift build -c release --product trainer >/dev/null
    TRAINER="$(swift build -c release --show-bin-path)/trainer"
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The settings of the default model; see README.md, "The default model".
"$TRAINER" train Data/ -o "$scratch/default.stance" --swift-source "$output" \
    --algorithm logreg --weighting tfidf --l2 0.000001 --iterations 300 --min-count 2 --char-ngrams 2-4 --no-stems --hash-bits 18 --seed 1
