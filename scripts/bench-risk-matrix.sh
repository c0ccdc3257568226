#!/usr/bin/env bash
# Risk-matrix check and benchmark: the risks found in the project's own news fixtures and in the
# real article with their placements and cue words, then the plugin's speed (release) on 1 MB
# of text three ways: the article repeated, the first 1 MB of the shared BBC news set (540
# sources), and synthetic policy prose.
#
# Usage: scripts/bench-risk-matrix.sh
# Env: SHARED (default ../shared). Without the shared folder only the synthetic run happens.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
article=$shared/corpus/sino-russian-alliance.txt
news=$shared/data/summaries/bbc.jsonl

cargo build --release -q -p brief-plugin-risk-matrix --example risk_matrix_bench --example risk_matrix_list
bench=target/release/examples/risk_matrix_bench
list=target/release/examples/risk_matrix_list

echo "# risk-matrix benchmark ($(date +%F), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
# news recall on original texts in the repo (each brief's sources read together)
for brief in tests/briefs/basic briefs/baltic-cables tests/briefs/multi-source; do
  echo "## $brief"
  "$list" "$brief"/sources/*
done
args=()
[[ -f $article ]] && args+=("$article")
[[ -f $news ]] && args+=("$news")
if [[ ${#args[@]} -eq 0 ]]; then
  echo "note: $shared not found; synthetic run only"
fi
"$bench" "${args[@]}"

echo
echo "## real-article placements pinned by the test"
BRIEF_SHARED=$shared cargo test -q --release -p brief-plugin-risk-matrix --test real_article 2>&1 | tail -3
