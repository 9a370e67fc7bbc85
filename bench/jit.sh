#!/usr/bin/env bash
# What `-XX:TieredStopAtLevel=1` (the quick JIT only, once passed by the launcher for `run`) costs:
#  1. Java-side work: SHA-256 of a 1 GB file as wkforge keys inputs and outputs (FileHasher)
#  2. a whole `wkforge run` of one 10 s 1080p clip, frames only (bench/frames-vs-ffmpeg.sh's case)
# Each case runs both ways, interleaved, REPEAT times; medians are printed side by side.
# usage: bench/jit.sh    env: WORK (scratch dir, default /tmp/wkforge-bench), REPEAT (3)
# needs: java 17, ffmpeg (to make the clip), python3
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-/tmp/wkforge-bench}
REPEAT=${REPEAT:-3}
./wkforge --version >/dev/null   # builds the jar (and its class-data archive) if needed
cp="target/wkforge.jar:$(ls target/lib/*.jar | tr '\n' ':')"
mkdir -p "$WORK/v"
big="$WORK/1GB.bin"
[ -f "$big" ] || head -c 1073741824 /dev/urandom > "$big"
cat "$big" > /dev/null   # in the page cache: the figure is hashing, not the disk
clip="$WORK/v/clip1.mp4"
[ -f "$clip" ] || ffmpeg -loglevel error -y -f lavfi -i "testsrc2=size=1920x1080:rate=30" -t 10 \
    -vf "hue=h=40" -c:v libx264 -preset veryfast -pix_fmt yuv420p "$clip"
printf 'classes {\n  1 other background videos "v/clip1.mp4" background\n}\nframes { fps 1 }\n' > "$WORK/one.recipe"
./wkforge run "$WORK/one.recipe" --until frames --out "$WORK/jit-warmup" >/dev/null 2>&1 || true

results=$(mktemp)
for r in $(seq "$REPEAT"); do
  for mode in default quick-jit-only; do
    flag=""; [ "$mode" = quick-jit-only ] && flag="-XX:TieredStopAtLevel=1"
    s=$(java $flag -cp "$cp" bench/HashBench.java "$big" | awk '{print $1}')
    echo "hash-1GB $mode $s" >> "$results"
    rm -rf "$WORK/jit-out"
    start=$(date +%s%N)
    WKFORGE_JAVA_OPTS="$flag" ./wkforge run "$WORK/one.recipe" --until frames --out "$WORK/jit-out" >/dev/null
    end=$(date +%s%N)
    echo "run-1clip $mode $(awk "BEGIN {print ($end - $start) / 1e9}")" >> "$results"
  done
done
python3 - "$results" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    case, mode, s = line.split()
    rows.setdefault((case, mode), []).append(float(s))
print(f"{'case':<10} {'default JIT (s)':>22} {'quick JIT only (s)':>22} {'ratio':>7}")
for case in ["hash-1GB", "run-1clip"]:
    d, q = rows[(case, "default")], rows[(case, "quick-jit-only")]
    fmt = lambda xs: f"{statistics.median(xs):.2f} [" + " ".join(f"{x:.2f}" for x in xs) + "]"
    print(f"{case:<10} {fmt(d):>22} {fmt(q):>22} {statistics.median(q) / statistics.median(d):>6.2f}x")
PY
rm -f "$results"
