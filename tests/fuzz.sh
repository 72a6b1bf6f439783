#!/usr/bin/env bash
# Fuzzes the whole ingest for SECONDS (default 60) with cargo-fuzz (libFuzzer).
# Installs cargo-fuzz when missing and seeds the corpus from ../shared/samples at run time
# (fuzz/corpus, fuzz/artifacts and fuzz/target are git-ignored). Exits non-zero on a crash;
# the crashing input is then in fuzz/artifacts/ingest/.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
samples="$root/../shared/samples"
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz
corpus="$root/fuzz/corpus/ingest"
mkdir -p "$corpus"
if [ -d "$samples" ]; then
    find "$samples" -type f -name '*.csv' | while read -r f; do
        cp "$f" "$corpus/sample-$(basename "$f")"
    done
fi
cd "$root"
# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP lets the stable toolchain accept them.
RUSTC_BOOTSTRAP=1 cargo fuzz run ingest "$corpus" -- -max_total_time="$seconds" -max_len=65536 -timeout=10
