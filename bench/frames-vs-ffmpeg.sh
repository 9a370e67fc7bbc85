#!/usr/bin/env bash
# Whole-process comparison of wkforge's frame extraction with the seed's ffmpeg command
# (`ffmpeg -i x -r 1 -y x_%06d.png`) on the same inputs, in one run:
#   1 clip  : one 1080p H.264 clip
#   8 clips : eight such clips (ffmpeg run one after another, as the seed does by hand;
#             wkforge extracts them as one recipe, one task per video)
# Reports median wall time over REPEAT runs, the wkforge/ffmpeg ratio and peak RSS.
#
# usage: bench/frames-vs-ffmpeg.sh [path/to/wkforge launcher]   (default: ./wkforge, as a user runs it)
#   env: WORK (scratch dir, default /tmp/wkforge-bench), CLIP_SECONDS (10), REPEAT (3)
# needs: java 17, ffmpeg (apt-get install -y ffmpeg), GNU time (/usr/bin/time)
set -euo pipefail

WKFORGE=$(realpath "${1:-wkforge}")
WORK=${WORK:-/tmp/wkforge-bench}
CLIP_SECONDS=${CLIP_SECONDS:-10}
REPEAT=${REPEAT:-3}
[ -x "$WKFORGE" ] || { echo "no launcher at $WKFORGE" >&2; exit 2; }
"$WKFORGE" --version >/dev/null   # builds the jar (and its class-data archive) if needed
command -v ffmpeg >/dev/null || { echo "needs the ffmpeg CLI: apt-get install -y ffmpeg" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 2; }

mkdir -p "$WORK/v"
cd "$WORK"
for i in 1 2 3 4 5 6 7 8; do
  clip="v/clip$i.mp4"
  # different content per clip (hue shift), x264 "veryfast" as a phone or camera would record
  [ -f "$clip" ] || ffmpeg -loglevel error -y -f lavfi -i "testsrc2=size=1920x1080:rate=30" -t "$CLIP_SECONDS" \
      -vf "hue=h=$((i * 40))" -c:v libx264 -preset veryfast -pix_fmt yuv420p "$clip"
done
printf 'classes {\n  1 other background videos "v/clip1.mp4" background\n}\nframes { fps 1 }\n' > one.recipe
printf 'classes {\n  1 other background videos "v/clip*.mp4" background\n}\nframes { fps 1 }\n' > eight.recipe

# measure LABEL CMD...: appends "LABEL wall_s maxrss_kb" to results.txt
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o time.out "$@" > run.log 2>&1 || { echo "$label failed:"; cat run.log; exit 1; }
  echo "$label $(cat time.out)" >> results.txt
}
ff_one() { mkdir -p ff1 && ffmpeg -loglevel error -i v/clip1.mp4 -r 1 -y ff1/clip1_%06d.png; }
ff_eight() { mkdir -p ff8 && for i in 1 2 3 4 5 6 7 8; do ffmpeg -loglevel error -i "v/clip$i.mp4" -r 1 -y "ff8/clip${i}_%06d.png"; done; }
export -f ff_one ff_eight

rm -f results.txt
# unpacks JavaCPP's native libraries into its cache once, as any installed wkforge would have done
"$WKFORGE" run one.recipe --until frames --out warmup > /dev/null 2>&1 || true
for r in $(seq "$REPEAT"); do
  rm -rf ff1 ff8 out1 out8
  measure ffmpeg-1 bash -c ff_one
  measure wkforge-1 "$WKFORGE" run one.recipe --until frames --out out1
  measure ffmpeg-8 bash -c ff_eight
  measure wkforge-8 "$WKFORGE" run eight.recipe --until frames --out out8
done
echo "images: ffmpeg 1 clip $(ls ff1 | wc -l), 8 clips $(ls ff8 | wc -l); wkforge 1 clip $(find out1/frames -type f | wc -l), 8 clips $(find out8/frames -type f | wc -l)"

python3 - <<'PY'
import statistics
rows = {}
for line in open("results.txt"):
    label, wall, rss = line.split()
    rows.setdefault(label, []).append((float(wall), int(rss)))
def med(label): return statistics.median(w for w, _ in rows[label])
def rss(label): return max(r for _, r in rows[label]) / 1024
print(f"{'case':<10} {'runs (s)':<26} {'median s':>9} {'peak RSS MB':>12}")
for label in ["ffmpeg-1", "wkforge-1", "ffmpeg-8", "wkforge-8"]:
    runs = " ".join(f"{w:.2f}" for w, _ in rows[label])
    print(f"{label:<10} {runs:<26} {med(label):>9.2f} {rss(label):>12.0f}")
print(f"wkforge/ffmpeg wall time: 1 clip {med('wkforge-1') / med('ffmpeg-1'):.2f}x, 8 clips {med('wkforge-8') / med('ffmpeg-8'):.2f}x")
PY
