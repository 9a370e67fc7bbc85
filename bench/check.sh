#!/usr/bin/env bash
# Measures the front end (issue 2 targets):
#  1. whole process `wkforge check recipes/trash20.recipe`: median wall time of 15 runs (target <= 0.6 s)
#  2. in-process parse + check of a generated 5,000-line recipe (target <= 100 ms)
set -euo pipefail
cd "$(dirname "$0")/.."
./wkforge --version >/dev/null   # builds the jar if needed
cp="target/wkforge.jar:$(ls target/lib/*.jar | tr '\n' ':')"

echo "== whole process: ./wkforge check recipes/trash20.recipe (launcher + JVM, 15 runs)"
times=()
for i in $(seq 15); do
  s=$(date +%s%N)
  ./wkforge check recipes/trash20.recipe >/dev/null 2>&1 || true
  e=$(date +%s%N)
  times+=($(( (e - s) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median ${sorted[7]} ms, best ${sorted[0]} ms, worst ${sorted[14]} ms"

echo "== in-process"
java -Dwkforge.stdlib=stdlib -cp "$cp" bench/CheckBench.java 5000
