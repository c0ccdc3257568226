#!/usr/bin/env bash
# Soak: one long-running `brief schedule` over FEEDS local feeds (briefs of 100 feeds each,
# `every = INTERVAL`) for SECONDS. Records the scheduler's RSS after its first pass and at the
# end, and checks from the server's log that every feed was polled within its interval
# (SOAK_TOLERANCE seconds of slack, default 5), up to the end of the run.
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
started=$(date +%s%N)
"$bin" schedule "${briefs[@]}" > "$tmp/schedule.log" 2>&1 &
sched=$!
rss() { awk '/VmRSS/ {print $2}' "/proc/$sched/status"; }
# the first pass fetches everything and builds every brief
until [ "$(grep -c '^built' "$tmp/schedule.log" || true)" -ge "${#briefs[@]}" ]; do
  kill -0 "$sched" 2>/dev/null || { echo "the scheduler died:"; tail -20 "$tmp/schedule.log"; exit 1; }
  sleep 0.5
done
first_pass=$((($(date +%s%N) - started) / 1000000))
rss_start=$(rss)
# a sample every 10 s shows a trend that two end points could hide
end=$((SECONDS + seconds))
samples=()
while [ "$SECONDS" -lt "$end" ]; do
  sleep $((end - SECONDS < 10 ? end - SECONDS : 10))
  samples+=("$(rss)")
done
rss_end=$(rss)
alive=yes; kill -0 "$sched" 2>/dev/null || alive=no
python3 - "$port" "$interval" "$rss_start" "$rss_end" "$alive" "$tmp/schedule.log" "$seconds" "$tmp/briefs" "$feeds" "${SOAK_TOLERANCE:-5}" "${samples[*]}" "$first_pass" <<'PY'
import glob, json, sys, urllib.request
port, interval, rss0, rss1, alive, log, seconds, briefs, feeds, tolerance, samples, first = sys.argv[1:13]
samples = [int(x) / 1024 for x in samples.split()]
interval, rss0, rss1, seconds = float(interval), int(rss0), int(rss1), int(seconds)
feeds, tolerance = int(feeds), float(tolerance)
answer = urllib.request.urlopen(f"http://127.0.0.1:{port}/stats")
now = float(answer.headers["X-Now"])
stats = json.load(answer)
gaps, polls, tails = [], [], []
for s in stats.values():
    t = s["times"]
    polls.append(len(t))
    gaps += [b - a for a, b in zip(t, t[1:])]
    tails.append(now - t[-1])
# a scheduler that stopped polling shows as a long time since a feed's last poll
gaps.append(max(tails))
passes = [json.load(open(p))["runs"] for p in glob.glob(f"{briefs}/*/.brief/schedule.json")]
# a pass is a burst of polls; bursts are split where the server heard nothing for a while
times = sorted(t for s in stats.values() for t in s["times"])
bursts, start = [], times[0]
for a, b in zip(times, times[1:] + [float("inf")]):
    if b - a > min(1.0, interval / 4):
        bursts.append(a - start)
        start = b
lines = open(log).read().splitlines()
errors = [l for l in lines if l.startswith("error")]
rebuilds = sum(1 for l in lines if l.startswith("built"))
import os
if os.environ.get("SOAK_LOG"): print("\n".join(lines[-15:]))
print(f"feeds polled: {len(stats)} of {feeds}; polls per feed: min {min(polls)}, max {max(polls)}")
print(f"passes per brief (schedule.json runs): min {min(passes)}, max {max(passes)} over {len(passes)} briefs")
print(f"first pass (fetch all, build all) took {int(first) / 1000:.1f} s; later passes "
      f"{min(bursts[1:] or [0]):.2f}-{max(bursts[1:] or [0]):.2f} s from first poll to last")
print(f"largest gap between two polls of one feed, or since its last poll: {max(gaps):.1f} s "
      f"(interval {interval:.0f} s, allowed {interval + tolerance:.0f} s)")
print(f"scheduler RSS after the first pass: {rss0/1024:.1f} MiB; after {seconds} s more: {rss1/1024:.1f} MiB")
print("RSS every 10 s (MiB): " + " ".join(f"{x:.1f}" for x in samples))
print(f"builds (first pass included): {rebuilds}")
print(f"scheduler still running: {alive}; error lines: {len(errors)}; 200s: {sum(s['200'] for s in stats.values())}, 304s: {sum(s['304'] for s in stats.values())}")
# "flat": a quarter more than after the first pass would be a leak worth a look
ok = (alive == "yes" and not errors and len(stats) == feeds
      and max(gaps) <= interval + tolerance and rss1 <= rss0 * 1.25)
print("result:", "PASS" if ok else "FAIL")
sys.exit(0 if ok else 1)
PY
