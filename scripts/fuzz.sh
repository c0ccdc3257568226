#!/usr/bin/env bash
# Runs brief's cargo-fuzz targets (tests/fuzz) on the stable toolchain.
#
#   scripts/fuzz.sh                      every target, 600 s each, one after another
#   scripts/fuzz.sh feed                 one target, 600 s
#   scripts/fuzz.sh feed 60              one target, 60 s
#   scripts/fuzz.sh all 60               every target, 60 s each
#   scripts/fuzz.sh --list               the target names
#
# Environment:
#   FUZZ_SANITIZER  address (default) or none. AddressSanitizer works on stable x86_64
#                   Linux; use none where its runtime is missing, or for ~2x more executions.
#   FUZZ_ARGS       extra libFuzzer flags, appended (e.g. "-max_len=65536").
#
# New corpus entries go to tests/fuzz/corpus/<target>, crashes to tests/fuzz/artifacts/<target>
# (both git-ignored); tests/fuzz/seeds/<target> is the committed, read-only seed corpus.
# Each run's log is tests/fuzz/artifacts/<target>/last-run.log; its last lines hold
# libFuzzer's final statistics. See docs/fuzzing.md.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
fuzz_dir="$root/tests/fuzz"
targets=(ingest_text ingest_markdown html_article feed brief_toml plugin_response plugin_frame)

if [[ "${1:-}" == "--list" ]]; then
    printf '%s\n' "${targets[@]}"
    exit 0
fi
target="${1:-all}"
seconds="${2:-600}"
sanitizer="${FUZZ_SANITIZER:-address}"

dict_for() {
    case "$1" in
        ingest_text | ingest_markdown) echo markdown ;;
        html_article | feed) echo html ;;
        brief_toml) echo toml ;;
        plugin_response) echo json ;;
        plugin_frame) echo frame ;;
    esac
}

if ! command -v cargo-fuzz >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi
# libFuzzer instrumentation needs -Z flags; RUSTC_BOOTSTRAP lets the stable compiler accept
# them, so no nightly toolchain is needed.
export RUSTC_BOOTSTRAP=1
# Fuzz with the same dependency versions as the shipped workspace.
if [[ ! -f "$fuzz_dir/Cargo.lock" ]]; then
    cp "$root/Cargo.lock" "$fuzz_dir/Cargo.lock"
fi

run_one() {
    local name="$1"
    local corpus="$fuzz_dir/corpus/$name" artifacts="$fuzz_dir/artifacts/$name"
    mkdir -p "$corpus" "$artifacts"
    echo "== $name: ${seconds}s, sanitizer $sanitizer" >&2
    # One process, one thread: libFuzzer's default. (-jobs=1 -workers=1 would mean the same
    # but switch libFuzzer to its multi-process driver, which hides the run's output in a
    # fuzz-0.log in the current folder.) -timeout 10: an input slower than 10 s is a hang
    # worth fixing; -rss_limit_mb 2048: more is an OOM worth fixing.
    set +e
    # shellcheck disable=SC2086
    (cd "$root" && cargo fuzz run --fuzz-dir tests/fuzz -s "$sanitizer" "$name" \
        "$corpus" "$fuzz_dir/seeds/$name" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
        -dict="$fuzz_dir/dicts/$(dict_for "$name").dict" \
        -artifact_prefix="$artifacts/" -print_final_stats=1 ${FUZZ_ARGS:-}) \
        2>&1 | tee "$artifacts/last-run.log" |
        grep --line-buffered -E '^(#[0-9]+.*(DONE|pulse)|Done|stat::|==[0-9]+==|thread .* panicked|SUMMARY|Test unit written)'
    local status="${PIPESTATUS[0]}"
    set -e
    echo "== $name: corpus $(find "$corpus" -type f | wc -l) files; log $artifacts/last-run.log" >&2
    return "$status"
}

if [[ "$target" == "all" ]]; then
    failed=()
    for name in "${targets[@]}"; do
        run_one "$name" || failed+=("$name")
    done
    if ((${#failed[@]})); then
        echo "failed: ${failed[*]}" >&2
        exit 1
    fi
else
    if [[ ! " ${targets[*]} " == *" $target "* ]]; then
        echo "unknown target \`$target\`; one of: ${targets[*]}, all" >&2
        exit 2
    fi
    run_one "$target"
fi
