#!/bin/sh
# Fills fuzz/corpus/<target>/ (git-ignored) with seeds from the crate's data.
# Run from the fuzz/ folder: sh seed.sh
set -eu
mkdir -p corpus/json_corpus corpus/expressions corpus/vocabulary corpus/jsonl corpus/table
cp ../tests/data/scenarios/*.json corpus/json_corpus/
if [ -d ../tests/data/bad ]; then
    for f in ../tests/data/bad/*; do
        [ -f "$f" ] || continue
        case "$f" in *README.md|*/deep-nesting.json) ;; *) cp "$f" corpus/json_corpus/ ;; esac
    done
fi
cp ../data/vocabulary/*.json corpus/vocabulary/
# One seed per non-empty line of each article: sentences with numbers and dates.
n=0
for f in ../data/*.txt; do
    while IFS= read -r line; do
        [ -n "$line" ] || continue
        n=$((n + 1))
        printf '%s' "$line" > "corpus/expressions/line-$n"
    done < "$f"
done
cp ../tests/data/stream/*.jsonl corpus/jsonl/
cp ../tests/data/stream/*.csv ../tests/data/stream/*.tsv corpus/table/
