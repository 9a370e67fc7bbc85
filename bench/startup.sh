#!/usr/bin/env bash
# Start-up of whole wkforge processes, on its own (issue 22's budget), and where it goes.
#   medians of N (10) processes (wall time, and CPU time: user+sys) of: `wkforge --version` (target <= 0.25 s), `wkforge check
#   recipes/trash20.recipe` (the seed recipe, <= 0.35 s) and a `run --until frames` whose work is
#   all cached (the demo's 25 generated videos, <= 0.6 s); beside them the floor: a JVM that prints
#   one line (`java -Xshare:auto -cp . Hello`, with the JVM's defaults and with the short commands'
#   flags).
#   Then, per command, the median split of one process (N more runs each):
#     launcher : the ./wkforge script itself up to the `exec java` (timed with a `java` on PATH that
#                exits at once; includes starting bash)
#     jvm boot : from the JVM's start to wkforge's main class loaded (-Xlog:class+load uptime)
#     main     : from there to the JVM's shutdown (our code: picocli, the command, its work)
#     rest     : what is left of the median wall time (exec, the JVM's exit, the logging itself)
#   and how many classes it loaded and how many of them came from the class-data archive.
# The load (uptime) is printed before and after: only figures taken on a quiet machine are
# comparable with the targets.
#
# usage: bench/startup.sh [path/to/wkforge launcher]   (default: ./wkforge, as a user runs it)
#   env: WORK (scratch dir outside git, default /tmp/wkforge-startup), N (10)
# needs: java 17 (javac for the floor), python3. Builds the jar and records the class cache first
# when they are missing or stale (as any first command does).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
WKFORGE=$(realpath "${1:-$REPO/wkforge}")
WORK=${WORK:-/tmp/wkforge-startup}
N=${N:-10}
[ -x "$WKFORGE" ] || { echo "no launcher at $WKFORGE" >&2; exit 2; }
mkdir -p "$WORK"

echo "== build and class cache (first use only)"
"$WKFORGE" --version

echo "== cached run: demo videos (first use only)"
if [ ! -f "$WORK/demo/demo.recipe" ]; then
  "$WKFORGE" demo --no-run "$WORK/demo" >/dev/null 2>&1
fi
(cd "$WORK/demo" && "$WKFORGE" run demo.recipe --until frames >/dev/null 2>&1)   # the one run that does the work

cat > "$WORK/Hello.java" <<'EOF'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
EOF
javac -d "$WORK" "$WORK/Hello.java"

# times CMD... N times; prints the sorted wall times in ms
times_ms() {
  local i s e
  for i in $(seq "$N"); do
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }; e=$(date +%s%N)
    echo $(( (e - s) / 1000000 ))
  done | sort -n | tr '\n' ' '
}
median() { python3 -c "import sys, statistics; print(statistics.median(int(x) for x in sys.argv[1:]))" "$@"; }

row() { # row LABEL TARGET CMD...: median wall and CPU (user+sys, the process and its children) of N runs
  local label=$1 target=$2; shift 2
  python3 - "$N" "$label" "$target" "$@" <<'PY'
import os, statistics, subprocess, sys, time
n, label, target, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
wall, cpu = [], []
for _ in range(n):
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall.append(time.perf_counter() - t); cpu.append(ru.ru_utime + ru.ru_stime)
    if status != 0: sys.exit(f"failed: {cmd}")
wall.sort(); cpu.sort()
goal = f"target <= {target} s" if target != "-" else ""
print(f"{label:<44} wall {statistics.median(wall):.3f} s ({wall[0]:.3f}-{wall[-1]:.3f})  cpu {statistics.median(cpu):.3f} s  {goal}")
PY
}

cached() ( cd "$WORK/demo" && "$WKFORGE" run demo.recipe --until frames )

echo
echo "== medians of $N whole processes; load before: $(uptime)"
row "java Hello (the JVM's defaults)" - java -Xshare:auto -cp "$WORK" Hello
row "java Hello (short commands' flags)" - java -Xshare:auto -XX:+UseSerialGC -cp "$WORK" Hello
row "wkforge --version" 0.25 "$WKFORGE" --version
row "wkforge check recipes/trash20.recipe" 0.35 "$WKFORGE" check "$REPO/recipes/trash20.recipe"
row "wkforge run, all cached (demo, 25 videos)" 0.6 bash -c "cd '$WORK/demo' && exec '$WKFORGE' run demo.recipe --until frames"

echo
echo "== where it goes (medians of $N each, ms)"
stub="$WORK/stub-java"
mkdir -p "$stub"
printf '#!/bin/sh\nexit 0\n' > "$stub/java"
chmod +x "$stub/java"
split() { # split LABEL CMD...
  local label=$1; shift
  local launcher jvm main rest wall classes shared
  launcher=$(median $(PATH="$stub:$PATH" times_ms "$@"))
  local boots=() mains=() walls=() log="$WORK/classes.log" i s e
  for i in $(seq "$N"); do
    s=$(date +%s%N)
    WKFORGE_JAVA_OPTS="-Xlog:class+load=info:file=$log:uptimenanos:filecount=0" "$@" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    walls+=($(( (e - s) / 1000000 )))
    read -r b m < <(python3 - "$log" <<'PY'
import re, sys
lines = open(sys.argv[1]).read().splitlines()
t = lambda l: int(re.match(r"\[(\d+)ns\]", l).group(1)) / 1e6
main = next((t(l) for l in lines if " io.wkforge.cli.Main " in l), None)
print("- -" if main is None else f"{round(main)} {round(t(lines[-1]) - main)}")
PY
)
    if [ "$b" = - ]; then echo "  (a run of $label left no class log; not counted)" >&2; continue; fi
    boots+=("$b"); mains+=("$m")
  done
  classes=$(wc -l < "$log"); shared=$(grep -c "shared objects file" "$log" || true)
  wall=$(median "${walls[@]}"); jvm=$(median "${boots[@]}"); main=$(median "${mains[@]}")
  rest=$(python3 -c "print(round($wall - $launcher - $jvm - $main))")
  printf '%-44s wall %5s  launcher %4s  jvm boot %4s  main %5s  rest %4s   classes %s (%s from the archive)\n' \
    "$label" "$wall" "$launcher" "$jvm" "$main" "$rest" "$classes" "$shared"
}
split "wkforge --version" "$WKFORGE" --version
split "wkforge check recipes/trash20.recipe" "$WKFORGE" check "$REPO/recipes/trash20.recipe"
split "wkforge run, all cached" cached
echo "load after: $(uptime)"
