#!/usr/bin/env bash
# Cost of a plugin loaded at run time beyond its own work: load + describe, and one call.
# Usage: scripts/bench-plugin-abi.sh [SOURCE...]   (default: the example brief's sources)
set -euo pipefail
cd "$(dirname "$0")/.."
target=$PWD/target/plugin-bench
(cd tests/plugins/misbehave && CARGO_TARGET_DIR="$target" cargo build --release --offline --quiet)
lib=$target/release/libbrief_plugin_misbehave.so
if [ $# -eq 0 ]; then set -- briefs/baltic-cables/sources/*; fi
cargo run --release --quiet -p brief-engine --example plugin_overhead -- "$lib" "$@"
