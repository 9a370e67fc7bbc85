#!/usr/bin/env bash
# What the launcher's JIT settings cost, on the two kinds of work a run does:
#  1. Java-side work: SHA-256 of a 1 GB file as wkforge keys inputs and outputs (FileHasher)
#  2. a whole `wkforge run` of one 10 s 1080p clip, frames only (bench/frames-vs-ffmpeg.sh's case),
#     wall time and CPU time (user+sys, the steadier figure on a shared machine)
# Each mode runs both cases, interleaved with the other modes, REPEAT times; medians are printed
# side by side, each mode's ratio against the first.
# usage: bench/jit.sh    env: WORK (scratch dir, default /tmp/wkforge-bench), REPEAT (3),
#        MODES (';'-separated NAME=JVM FLAGS; default: the launcher's settings, the quick JIT only)
# needs: java 17, ffmpeg (to make the clip), python3, GNU time
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-/tmp/wkforge-bench}
REPEAT=${REPEAT:-3}
MODES=${MODES:-"launcher=;quick-jit-only=-XX:TieredStopAtLevel=1"}
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
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); modes: $MODES"

results=$(mktemp)
IFS=';' read -r -a modes <<< "$MODES"
for r in $(seq "$REPEAT"); do
  for m in "${modes[@]}"; do
    name=${m%%=*}; flags=${m#*=}
    # a run gets the mode's flags through the launcher (WKFORGE_JAVA_OPTS), after its own
    s=$(java $flags -cp "$cp" bench/HashBench.java "$big" | awk '{print $1}')
    echo "hash-1GB $name $s" >> "$results"
    rm -rf "$WORK/jit-out"
    /usr/bin/time -f "%e %U %S" -o "$WORK/time.txt" env WKFORGE_JAVA_OPTS="$flags" \
        ./wkforge run "$WORK/one.recipe" --until frames --out "$WORK/jit-out" >/dev/null
    read -r wall user sys < "$WORK/time.txt"
    echo "run-1clip-wall $name $wall" >> "$results"
    echo "run-1clip-cpu $name $(awk "BEGIN {print $user + $sys}")" >> "$results"
  done
done
python3 - "$results" "${modes[@]}" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    case, mode, s = line.split()
    rows.setdefault((case, mode), []).append(float(s))
names = [m.split("=", 1)[0] for m in sys.argv[2:]]
flags = {m.split("=", 1)[0]: m.split("=", 1)[1] or "(none)" for m in sys.argv[2:]}
for n in names:
    print(f"{n}: {flags[n]}")
print(f"{'case':<15}" + "".join(f"{n:>34}" for n in names))
for case in ["hash-1GB", "run-1clip-wall", "run-1clip-cpu"]:
    base = statistics.median(rows[(case, names[0])])
    cells = []
    for n in names:
        xs = rows[(case, n)]
        med = statistics.median(xs)
        cells.append(f"{med:.2f} [{min(xs):.2f}-{max(xs):.2f}] {med / base:.2f}x")
    print(f"{case:<15}" + "".join(f"{c:>34}" for c in cells))
PY
rm -f "$results"
