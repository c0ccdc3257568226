#!/usr/bin/env bash
# Cost of a user plugin beyond its own work: starting its host process, load + describe, and
# one call over the host's socket.
# Usage: scripts/bench-plugin-abi.sh [SOURCE...]   (default: the example brief's sources)
set -euo pipefail
cd "$(dirname "$0")/.."
target=$PWD/target/plugin-bench
(cd tests/plugins/misbehave && CARGO_TARGET_DIR="$target" cargo build --release --offline --quiet)
lib=$target/release/libbrief_plugin_misbehave.so
if [ $# -eq 0 ]; then set -- briefs/baltic-cables/sources/*; fi
cargo build --release --quiet --bin brief
cargo run --release --quiet -p brief-engine --example plugin_overhead -- "$PWD/target/release/brief" "$lib" "$@"
