#!/usr/bin/env bash
# Issue 23's three reproducers, at the issue's sizes, through `wkforge check`, `check --json` and
# the language server: each must answer in at most BOUND ms (default 2000) with at most a
# screenful of diagnostics (the cap shows 20, then notes) and no internal error (E900).
#   stars: videos "videos/x/******************************z" against 30 files
#   chain: an import chain 5,000 deep
#   huge:  an import of a 5 MB file that is one error per line
# Each line: shape, entry point, wall time (whole process for check: JVM start included), the
# output's size, and ok / OVER. Exit 1 when any is OVER.
# Usage: bench/check-pathological.sh [BOUND_MS]   (builds into ${WKFORGE_BUILD_DIR:-target} when needed)
set -euo pipefail
cd "$(dirname "$0")/.."
bound="${1:-2000}"
build="${WKFORGE_BUILD_DIR:-$PWD/target}"
if [ ! -f "$build/test-classes/io/wkforge/lang/PathologicalRecipes.class" ] || [ ! -f "$build/wkforge.jar" ] || [ ! -d "$build/lib" ]; then
  mvn -q -B -ntp -Dwkforge.build.dir="$build" -DskipTests package   # compiles the test classes too
fi
cp="$build/classes:$build/test-classes:$(ls "$build"/lib/*.jar | tr '\n' ':')"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java -cp "$cp" bench/PathologicalBench.java generate "$work"
./wkforge --version >/dev/null   # a warm launcher: the jar is built
over=0
for shape in stars chain huge; do
  recipe=$(ls "$work/$shape"/*.recipe | grep -v '/c[0-9]*\.recipe$' | grep -v errors.recipe)
  for mode in check "check --json"; do
    s=$(date +%s%N)
    # shellcheck disable=SC2086
    ./wkforge $mode "$recipe" >"$work/out" 2>&1 || true
    e=$(date +%s%N)
    ms=$(( (e - s) / 1000000 ))
    verdict=ok
    if [ "$ms" -gt "$bound" ] || grep -q 'E900' "$work/out"; then verdict=OVER; over=1; fi
    printf '%-6s %-12s %7d ms  %5d lines  %s\n' "$shape" "$mode" "$ms" "$(wc -l <"$work/out")" "$verdict"
  done
done
java -cp "$cp" bench/PathologicalBench.java lsp "$work" "$bound" | tee "$work/lsp"
grep -q OVER "$work/lsp" && over=1
exit $over
