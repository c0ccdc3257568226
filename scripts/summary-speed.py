"""Speed of `brief summarize --jsonl` against sumy's LexRank, timed the way eval.py times them,
over several rounds, with medians; and the floor of that timing on this machine.

One eval.py run times each system once, and on a shared 2-core machine one timing of a 15 ms
command moves by ±15 % from run to run. This repeats eval.py's own timing functions (imported
from ../shared/eval/eval.py, not copied) and reports the median of each and their ratio.

Each round also times `cat > /dev/null` through the same function: a command that reads the
batch and answers nothing. Its time is what any command pays for being started by the harness
and fed the batch; on some days it alone is most of the 100× budget (see docs/bench/summary.md).

Usage: $PY scripts/summary-speed.py [DATASET.jsonl] [ROUNDS] [BRIEF [OTHER_BRIEF ...]]
  PY is the harness python from ../shared/eval/setup.sh; SHARED overrides ../shared.
  Further brief binaries (an older build, say) are timed in the same rounds, for comparison.
"""
import json
import os
import statistics
import sys

shared = os.environ.get("SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
sys.path.insert(0, os.path.join(shared, "eval"))
import eval as harness  # noqa: E402

data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(shared, "data", "summaries", "cnndm-dev.jsonl")
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 9
briefs = sys.argv[3:] or ["target/release/brief"]
spec = "fixed:3"
docs = [json.loads(line) for line in open(data, encoding="utf-8") if line.strip()]

lexrank = harness.make("sumy-lexrank", docs)
commands = [f"{b} summarize --jsonl" for b in briefs] + ["cat > /dev/null"]
rates = {c: [] for c in commands}
lexrank_rates = []
for round_number in range(rounds):
    # the first command after LexRank runs on a colder machine: each takes that turn in rotation
    shift = round_number % len(commands)
    for command in commands[shift:] + commands[:shift]:
        _, wall, _ = harness.run_command(command, docs, spec)
        rates[command].append(len(docs) / wall)
    _, seconds, _ = harness.run_builtin(lexrank, docs, spec)
    lexrank_rates.append(len(docs) / seconds)

l = statistics.median(lexrank_rates)
print(f"dataset {os.path.basename(data)}, {len(docs)} documents, {rounds} rounds, medians")
for command in commands:
    r = rates[command]
    name = command if len(briefs) > 1 or command.startswith("cat") else "brief"
    m = statistics.median(r)
    print(f"{name:40s} {m:9.1f} docs/s  (min {min(r):.1f}, max {max(r):.1f})  {m / l:6.1f}x")
print(f"{'sumy-lexrank':40s} {l:9.1f} docs/s  (min {min(lexrank_rates):.1f}, max {max(lexrank_rates):.1f})")
