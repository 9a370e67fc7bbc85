#!/usr/bin/env bash
# Prints how long `wkforge lsp` takes to publish diagnostics after a one-character edit of a
# generated 5,000-line recipe (target: 200 ms), over JSON-RPC on pipes with incremental sync.
# The client (LspSession) and the recipe generator are test code: they are not in the jar.
# Usage: bench/lsp-latency.sh [LINES]   (builds into ${WKFORGE_BUILD_DIR:-target} when needed)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${WKFORGE_BUILD_DIR:-$PWD/target}"
if [ ! -d "$build/classes/io/wkforge/lsp" ] || [ ! -f "$build/test-classes/io/wkforge/lsp/LspSession.class" ] || [ ! -d "$build/lib" ]; then
  mvn -q -B -ntp -Dwkforge.build.dir="$build" -DskipTests package   # compiles the test classes too
fi
cp="$build/classes:$build/test-classes:$(ls "$build"/lib/*.jar | tr '\n' ':')"
exec java -cp "$cp" bench/LspLatencyBench.java "${1:-5000}"
