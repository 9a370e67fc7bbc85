#!/usr/bin/env bash
# Prints how long `wkforge lsp` takes to publish diagnostics after a one-character edit of a
# generated 5,000-line recipe (target: 200 ms), over JSON-RPC on pipes with incremental sync:
# first with video patterns walked on every check (-Dwkforge.lsp.patternCache=false), then with
# the server's pattern cache (the default), side by side in one run.
# The client (LspSession) and the recipe generator are test code: they are not in the jar.
# Usage: bench/lsp-latency.sh [LINES]   (builds into ${WKFORGE_BUILD_DIR:-target} when needed)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${WKFORGE_BUILD_DIR:-$PWD/target}"
if [ ! -d "$build/classes/io/wkforge/lsp" ] || [ ! -f "$build/test-classes/io/wkforge/lsp/LspSession.class" ] || [ ! -d "$build/lib" ]; then
  mvn -q -B -ntp -Dwkforge.build.dir="$build" -DskipTests package   # compiles the test classes too
fi
cp="$build/classes:$build/test-classes:$(ls "$build"/lib/*.jar | tr '\n' ':')"
echo "pattern cache off (every check walks every video pattern):"
java -Dwkforge.lsp.patternCache=false -cp "$cp" bench/LspLatencyBench.java "${1:-5000}"
echo "pattern cache on (the default):"
java -cp "$cp" bench/LspLatencyBench.java "${1:-5000}"
