#!/usr/bin/env bash
# Builds crates/brief-text/src/terms/common-words.txt: the N words found in the most documents
# of a JSONL corpus ({"text": ...} per line), each with the term brief gives it. TermIndex looks
# these up in a table built at compile time instead of classifying and stemming them again in
# every process and every worker. Only speed depends on the list: a word missing from it is
# classified at run time to the same term.
#
# Usage: scripts/common-words.sh [CORPUS.jsonl] [N]
#   CORPUS  default ../shared/data/summaries/bbc.jsonl (the speed and scale set, not the quality set)
#   N       default 10000
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/data/summaries/bbc.jsonl}
n=${2:-10000}
python3 - "$corpus" "$n" <<'PYEOF' |
import collections, json, re, sys
word = re.compile(r"[A-Za-z]+")
documents = collections.Counter()
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        text = json.loads(line)["text"]
        documents.update({w.lower() for w in word.findall(text) if 2 <= len(w) <= 15})
# by document frequency, ties alphabetically, so the list is the same on every run
ranked = sorted(documents.items(), key=lambda kv: (-kv[1], kv[0]))
for w, _ in ranked[: int(sys.argv[2])]:
    print(w)
PYEOF
cargo run -q --release -p brief-text --example common_words > crates/brief-text/src/terms/common-words.txt
wc -l crates/brief-text/src/terms/common-words.txt
