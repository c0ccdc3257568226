#!/usr/bin/env bash
# Measures the recommendations plugin: the seed article (when ../shared is present), recall on
# the government-report fixtures, and speed on 1 MB of text (release build).
# Usage: scripts/bench-recommendations.sh [OUTPUT.md]   (default: docs/bench/recommendations.md)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/bench/recommendations.md}"
mkdir -p "$(dirname "$out")"
report="$(cargo run --quiet --release -p brief-plugin-recommendations --example bench)"
{
  echo "## Recommendations plugin"
  echo
  echo "Measured $(date +%Y-%m-%d) on $(uname -m), $(nproc) cores, $(rustc --version)."
  echo
  echo "Command: \`scripts/bench-recommendations.sh\` (runs \`cargo run --release -p brief-plugin-recommendations --example bench\`)."
  echo
  echo "Datasets: the seed article \`\${BRIEF_SHARED:-../shared}/corpus/sino-russian-alliance.txt\` (expected advice in"
  echo "\`plugins/recommendations/tests/fixtures/sino-russian-alliance.expected\`); the original government-report fixtures"
  echo "\`plugins/recommendations/tests/fixtures/*.txt\` with one expected phrase per formal recommendation in \`*.expected\`."
  echo "An item *finds* an expected recommendation when one of its provenance passages contains the phrase; an *extra* is an"
  echo "item that supports no expected recommendation."
  echo
  echo "Speed: wall-clock time of \`RecommendationsPlugin::build\` on one already-ingested source (ingest timed separately),"
  echo "fastest and median of 9 runs; the machine is shared, so the fastest run is the least disturbed. The 1 MB inputs are"
  echo "the fixtures repeated (years shifted per copy), a plain descriptive text, and a text where every sentence advises"
  echo "(worst case: ~10,000 candidates to merge). Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "$report"
} > "$out"
cat "$out"
