#!/usr/bin/env bash
# `brief schedule --once` over N unchanged feed sources served locally with 304s: the cost of
# a scheduler pass when nothing changed (conditional GETs + build-key check).
# Usage: scripts/bench-schedule-feeds.sh [FEEDS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
feeds=${1:-100}
runs=${2:-5}
port=${BENCH_PORT:-23400}
cargo build --release -q --bin brief
bin=$PWD/target/release/brief
tmp=$(mktemp -d)
python3 scripts/feed_server.py "$feeds" "$port" > "$tmp/server.log" &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$tmp"' EXIT
until grep -q ready "$tmp/server.log"; do sleep 0.1; done
mkdir -p "$tmp/feeds"
{
  echo 'title = "Feed benchmark"'
  echo 'outputs = ["md", "json"]'
  echo '[schedule]'
  echo 'every = "1s"'
  for k in $(seq 0 $((feeds - 1))); do
    printf '[[sources]]\nid = "feed-%s"\nfeed = "http://127.0.0.1:%s/feed.xml"\nmax_items = 5\n' "$k" $((port + k))
  done
  printf '[[sections]]\nplugin = "summary"\n[[sections]]\nplugin = "recommendations"\n[[sections]]\nplugin = "risk-matrix"\n'
} > "$tmp/feeds/brief.toml"
python3 - "$bin" "$tmp/feeds" "$runs" "$port" <<'PY'
import json, statistics, subprocess, sys, time, urllib.request
bin, brief, runs, port = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
def once():
    t = time.perf_counter()
    out = subprocess.run([bin, "schedule", "--once", brief], check=True, capture_output=True, text=True)
    return (time.perf_counter() - t) * 1000, out.stdout
first, out = once()
print(f"first pass (every feed 200, full build): {first:.0f} ms; {out.strip().splitlines()[-1][:80]}")
times = []
for _ in range(runs):
    time.sleep(1.1)  # the next `every = "1s"` slot
    ms, out = once()
    assert "up to date" in out, out
    times.append(ms)
stats = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/stats"))
n304 = sum(s["304"] for s in stats.values())
n200 = sum(s["200"] for s in stats.values())
print(f"unchanged pass (every feed 304, up to date): median {statistics.median(times):.0f} ms "
      f"(min {min(times):.0f}, max {max(times):.0f}, n={len(times)})")
print(f"server saw {n200} x 200 and {n304} x 304 over {len(stats)} feeds")
PY
