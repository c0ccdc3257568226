#!/usr/bin/env bash
# Build speed: a full build of a one-article brief, a no-op rebuild, and edit-to-output latency
# in `brief watch`. Wall-clock times of the whole process, median of N runs.
# Usage: scripts/bench-build.sh [ARTICLE] [RUNS]
#   ARTICLE default ../shared/corpus/sino-russian-alliance.txt (falls back to the example brief's source)
set -euo pipefail
cd "$(dirname "$0")/.."
article=${1:-../shared/corpus/sino-russian-alliance.txt}
[ -f "$article" ] || article=briefs/baltic-cables/sources/harbour-gazette-cables.txt
runs=${2:-30}
cargo build --release -q --bin brief
bin=$PWD/target/release/brief
tmp=$(mktemp -d)
trap 'pkill -f "$bin watch $tmp" 2>/dev/null || true; rm -rf "$tmp"' EXIT
"$bin" new "$tmp/seed" --from "$article" >/dev/null
"$bin" build "$tmp/seed" >/dev/null
python3 - "$bin" "$tmp/seed" "$runs" "$article" <<'PY'
import os, statistics, subprocess, sys, time
bin, brief, runs, article = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
def timed(args):
    t = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - t) * 1000
def med(xs): return f"median {statistics.median(xs):.1f} ms (min {min(xs):.1f}, max {max(xs):.1f}, n={len(xs)})"
print(f"article: {article} ({os.path.getsize(article)} bytes)")
print("process start only (brief --version):", med([timed([bin, "--version"]) for _ in range(runs)]))
print("full build, md+json (--force):         ", med([timed([bin, "build", brief, "--force"]) for _ in range(runs)]))
full = [timed([bin, "build", brief, "--force"]) for _ in range(runs)]
pdf = [timed([bin, "build", brief, "--force", "--format", "md,json,pdf"]) for _ in range(runs)]
print("full build, md+json+pdf (--force):     ", med(pdf))
print(f"PDF extra time (median difference):     {statistics.median(pdf) - statistics.median(full):.1f} ms")
print("no-op rebuild (up to date):            ", med([timed([bin, "build", brief]) for _ in range(runs)]))
# watch: time from a source edit to the rebuild being done ("built" printed after the writes;
# an edit that changes no section leaves the Markdown untouched, so the line is the signal)
src = [os.path.join(brief, "sources", f) for f in os.listdir(os.path.join(brief, "sources"))][0]
md = os.path.join(brief, "out", os.path.basename(brief) + ".md")
w = subprocess.Popen([bin, "watch", brief], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
while "watching" not in w.stdout.readline():
    pass
lat = []
for i in range(10):
    t = time.perf_counter()
    with open(src, "a") as f:
        f.write(f"\nThe ministry said on day {i} that it would publish new figures on grain exports soon.\n")
    while not w.stdout.readline().startswith("built"):
        pass
    lat.append((time.perf_counter() - t) * 1000)
    time.sleep(0.3)
w.kill()
print("watch: edit → rebuilt outputs:         ", med(lat))
PY
