#!/usr/bin/env bash
# Soak: one long-running `brief schedule` over FEEDS local feeds (briefs of 100 feeds each,
# `every = INTERVAL`) for SECONDS. Records the scheduler's RSS after its first pass and at the
# end, and checks from the server's log that every feed was polled within its interval.
# Usage: scripts/soak-schedule.sh [FEEDS] [SECONDS] [INTERVAL_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
feeds=${1:-1000}
seconds=${2:-120}
interval=${3:-20}
port=${SOAK_PORT:-24000}
cargo build --release -q --bin brief
bin=$PWD/target/release/brief
tmp=$(mktemp -d)
# one feed in a hundred changes every 45 s, so some passes rebuild
python3 scripts/feed_server.py "$feeds" "$port" 5 45 > "$tmp/server.log" &
server=$!
trap 'kill $server 2>/dev/null || true; kill $sched 2>/dev/null || true; rm -rf "$tmp"' EXIT
sched=
until grep -q ready "$tmp/server.log"; do sleep 0.1; done
per=100
briefs=()
for b in $(seq 0 $(((feeds + per - 1) / per - 1))); do
  dir="$tmp/briefs/soak-$b"
  mkdir -p "$dir"
  {
    echo "title = \"Soak $b\""
    echo 'outputs = ["md", "json"]'
    echo '[schedule]'
    echo "every = \"${interval}s\""
    for k in $(seq $((b * per)) $(((b + 1) * per - 1))); do
      [ "$k" -lt "$feeds" ] || break
      printf '[[sources]]\nid = "feed-%s"\nfeed = "http://127.0.0.1:%s/feed.xml"\nmax_items = 3\n' "$k" $((port + k))
    done
    printf '[[sections]]\nplugin = "summary"\n[[sections]]\nplugin = "risk-matrix"\n'
  } > "$dir/brief.toml"
  briefs+=("$dir")
done
"$bin" schedule "${briefs[@]}" > "$tmp/schedule.log" 2>&1 &
sched=$!
rss() { awk '/VmRSS/ {print $2}' "/proc/$sched/status"; }
# the first pass fetches everything and builds every brief
until [ "$(grep -c '^built' "$tmp/schedule.log" || true)" -ge "${#briefs[@]}" ]; do sleep 0.5; done
rss_start=$(rss)
t_start=$(date +%s)
sleep "$seconds"
rss_end=$(rss)
alive=yes; kill -0 "$sched" 2>/dev/null || alive=no
python3 - "$port" "$interval" "$rss_start" "$rss_end" "$alive" "$tmp/schedule.log" "$seconds" <<'PY'
import json, sys, urllib.request
port, interval, rss0, rss1, alive, log, seconds = sys.argv[1:8]
interval, rss0, rss1, seconds = float(interval), int(rss0), int(rss1), int(seconds)
stats = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/stats"))
gaps, polls = [], []
for s in stats.values():
    t = s["times"]
    polls.append(len(t))
    gaps += [b - a for a, b in zip(t, t[1:])]
lines = open(log).read().splitlines()
errors = [l for l in lines if l.startswith("error")]
rebuilds = sum(1 for l in lines if l.startswith("built"))
import os
if os.environ.get("SOAK_LOG"): print("\n".join(lines[-15:]))
print(f"feeds polled: {len(stats)}; polls per feed: min {min(polls)}, max {max(polls)}")
print(f"largest gap between two polls of one feed: {max(gaps):.1f} s (interval {interval:.0f} s)")
print(f"scheduler RSS after the first pass: {rss0/1024:.1f} MiB; after {seconds} s more: {rss1/1024:.1f} MiB")
print(f"builds (first pass included): {rebuilds}")
print(f"scheduler still running: {alive}; error lines: {len(errors)}; 200s: {sum(s['200'] for s in stats.values())}, 304s: {sum(s['304'] for s in stats.values())}")
ok = alive == "yes" and not errors and max(gaps) <= interval * 1.5 + 5
print("result:", "PASS" if ok else "FAIL")
sys.exit(0 if ok else 1)
PY
