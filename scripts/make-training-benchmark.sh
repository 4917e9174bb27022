#!/bin/sh
# Writes the training-time benchmark of issue 4: Data/ as of commit b5233a1 (10,112 sentences,
# the end of the first session) repeated ten times with the repetition number appended, so
# that no two lines are equal: 101,120 lines. Needs the git history.
#   scripts/make-training-benchmark.sh [OUTPUT]   (default: /tmp/train100k.tsv)
#   trainer train OUTPUT -o /tmp/m.stance --algorithm nb        # and without --algorithm
set -eu
cd "$(dirname "$0")/.."
output=${1:-/tmp/train100k.tsv}
scratch=$(mktemp)
trap 'rm -f "$scratch"' EXIT
for f in $(git show b5233a1:Data | grep '\.tsv$'); do git show "b5233a1:Data/$f"; done | grep -v '^#' | grep . > "$scratch"
for r in 1 2 3 4 5 6 7 8 9 10; do awk -v r="$r" '{print $0 " " r}' "$scratch"; done > "$output"
wc -l "$output"
