"""Speed of `brief summarize --jsonl` against sumy's LexRank, timed the way eval.py times them,
over several rounds, with medians.

One eval.py run times each system once, and on a shared 2-core machine one timing of a 15 ms
command moves by ±15 % from run to run. This repeats eval.py's own timing functions (imported
from ../shared/eval/eval.py, not copied) and reports the median of each and their ratio.

Usage: $PY scripts/summary-speed.py [DATASET.jsonl] [ROUNDS] [BRIEF]
  PY is the harness python from ../shared/eval/setup.sh; SHARED overrides ../shared.
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
brief = sys.argv[3] if len(sys.argv) > 3 else "target/release/brief"
spec = "fixed:3"
docs = [json.loads(line) for line in open(data, encoding="utf-8") if line.strip()]

lexrank = harness.make("sumy-lexrank", docs)
command = f"{brief} summarize --jsonl"
brief_rates, lexrank_rates = [], []
for _ in range(rounds):
    _, wall, _ = harness.run_command(command, docs, spec)
    brief_rates.append(len(docs) / wall)
    _, seconds, _ = harness.run_builtin(lexrank, docs, spec)
    lexrank_rates.append(len(docs) / seconds)

b = statistics.median(brief_rates)
print(f"dataset {os.path.basename(data)}, {len(docs)} documents, {rounds} rounds, medians")
print(f"brief        {b:9.1f} docs/s  (min {min(brief_rates):.1f}, max {max(brief_rates):.1f})")
l = statistics.median(lexrank_rates)
print(f"sumy-lexrank {l:9.1f} docs/s  (min {min(lexrank_rates):.1f}, max {max(lexrank_rates):.1f})")
print(f"ratio        {b / l:9.1f}x")
