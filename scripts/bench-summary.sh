#!/usr/bin/env bash
# Summary benchmark: ROUGE and speed of `brief summarize --jsonl` next to Lead-3 and the
# sumy / summa / lexrank peers in one eval.py run, the median speed of brief and sumy-lexrank
# over 9 rounds of eval.py's own timing, then the scale run of the summary plugin.
# The eval.py table ends with a `floor` row: `cat > /dev/null`, which reads the batch and
# answers nothing (so its ROUGE is 0 and every document "missing"). Its docs/s is the most any
# command can score in that run on this machine: the cost of being started and fed the batch.
#
# Usage: scripts/bench-summary.sh [DATASET.jsonl] [LENGTH]
#   DATASET  default ../shared/data/summaries/cnndm-dev.jsonl
#   LENGTH   eval.py --length rule, default fixed:3
# Env: SHARED (default ../shared), SCALE_DATA (default $SHARED/data/summaries/bbc.jsonl),
#      SKIP_SCALE=1 to skip the scale run.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
data=${1:-$shared/data/summaries/cnndm-dev.jsonl}
length=${2:-fixed:3}
scale_data=${SCALE_DATA:-$shared/data/summaries/bbc.jsonl}

cargo build --release -q -p brief-cli -p brief-plugin-summary --examples
PY=$("$shared/eval/setup.sh")

echo "## quality and speed: $(basename "$data"), --length $length ($(date +%F))"
"$PY" "$shared/eval/eval.py" "$data" --length "$length" \
  --systems lead3,oracle,sumy-lexrank,sumy-textrank,sumy-lsa,sumy-luhn,sumy-kl,sumy-edmundson,sumy-sumbasic,summa-textrank,lexrank-pkg \
  --cmd "brief=target/release/brief summarize --jsonl" \
  --cmd "floor=cat > /dev/null"

# one eval.py run times each system once; medians over rounds of the same timing
echo
echo "## speed, medians: eval.py's timing of brief and sumy-lexrank, 9 rounds"
SHARED="$shared" "$PY" scripts/summary-speed.py "$data" 9

[[ ${SKIP_SCALE:-} == 1 ]] && exit 0
echo
echo "## scale: one brief over the first N articles of $(basename "$scale_data")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in 225 2225; do
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -o "$tmp/time" -f "N=$n: wall %e s, peak RSS %M KB" \
      target/release/examples/scale "$scale_data" "$n" > "$tmp/out"
    sed -n 1p "$tmp/out"
    cat "$tmp/time"
  else
    "$PY" - "$scale_data" "$n" <<'PYEOF'
import resource, subprocess, sys, time
t = time.perf_counter()
out = subprocess.run(["target/release/examples/scale", sys.argv[1], sys.argv[2]], capture_output=True, text=True).stdout
print(out.splitlines()[0])
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"N={sys.argv[2]}: wall {time.perf_counter() - t:.2f} s, peak RSS {rss} KB")
PYEOF
  fi
done
