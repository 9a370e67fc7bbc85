#!/usr/bin/env bash
# Whole-process comparison of wkforge's frame extraction with the ffmpeg CLI on the same inputs,
# side by side in one run. For every case, each repeat runs ffmpeg then wkforge, one after the
# other, so both see the same machine load:
#   ffmpeg : `ffmpeg -i x -vf fps=F -y out_%06d.png`, one video after another
#   wkforge: `wkforge run R --until frames` on a recipe holding the same videos (one task per video)
# Cases (CASES selects some, by name or prefix; default all):
#   matrix/<video>: one 10 s 1280x720 video per codec and container of the test matrix (fps 1)
#   long-sd       : an 80 s 768x576 MS-MPEG4 AVI, as an old camera or archive holds (fps 2)
#   one-1080p     : one 10 s 1080p H.264 clip (fps 1)
#   eight-1080p   : eight such clips (ffmpeg one after another; wkforge as one recipe)
#   Camera-like footage (sensor noise in every pixel, motion), the work real videos give (issue 22):
#   avi-like      : an 80 s 768x576 MS-MPEG4 street scene, two 10 s MPEG-4 Part 2 clips with
#                   B-frames, a 30 s Cinepak clip with a variable frame rate (fps 2)
#   cam-1080p     : four 30 s 1080p30 H.264 camera clips, three mp4 as a phone or camera records them
#                   (2 s GOP, B-frames) and the board's raw stream_chn1.h264 as its encoder writes it
#                   (main profile, P-frames only, 1 s GOP) (fps 1, the seed's setting); targets: wall
#                   <= 0.5x and CPU <= 0.5x the CLI
#   rss-N         : N = 1, 2, 4, 8 camera clips at 1080p (fps 1): peak RSS as videos are added
#                   (target: flat, <= 400 MB for eight)
# Reports, per case, the median wall time and CPU time (user+sys) over REPEAT runs, the
# wkforge/ffmpeg ratio of the medians, the images each wrote and wkforge's peak RSS. Then, unless
# STARTUP=0, start-up on its own: medians of 10 whole processes of `wkforge --version`
# (target <= 0.25 s), `wkforge check recipes/trash20.recipe` (the seed recipe, <= 0.35 s) and a
# `run` whose work is all cached (<= 0.6 s). The machine's load (uptime) is printed beside them.
#
# usage: bench/frames-vs-ffmpeg.sh [path/to/wkforge launcher]   (default: ./wkforge, as a user runs it)
#   env: WORK (scratch dir outside git, default /tmp/wkforge-bench), REPEAT (5), CASES (all),
#        SCALE (1: the camera-like clips' lengths are multiplied by it, e.g. SCALE=0.1 for a quick
#        check that the script works; figures are only comparable at 1; the clips of one SCALE are
#        kept in $WORK/v/cam-$SCALE), STARTUP (1)
# needs: java 17, ffmpeg with libx264/libx265/libvpx (apt-get install -y ffmpeg), GNU time, python3
set -euo pipefail

WKFORGE=$(realpath "${1:-wkforge}")
WORK=${WORK:-/tmp/wkforge-bench}
REPEAT=${REPEAT:-5}
CASES=${CASES:-}
SCALE=${SCALE:-1}
STARTUP=${STARTUP:-1}
REPO=$(cd "$(dirname "$0")/.." && pwd)
[ -x "$WKFORGE" ] || { echo "no launcher at $WKFORGE" >&2; exit 2; }
"$WKFORGE" --version >/dev/null   # builds the jar (and its class-data archive) if needed
command -v ffmpeg >/dev/null || { echo "needs the ffmpeg CLI: apt-get install -y ffmpeg" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 2; }

mkdir -p "$WORK/v/matrix" "$WORK/v/hd"
cd "$WORK"

gen() { # gen FILE ARGS...: makes FILE once (inputs are kept between runs)
  local file=$1; shift
  [ -f "$file" ] || ffmpeg -loglevel error -y "$@" "$file"
}
src720() { echo "-f lavfi -i testsrc2=size=1280x720:rate=${1:-30}:duration=10"; }
x264="-c:v libx264 -preset veryfast -bf 3 -pix_fmt yuv420p"
x265="-c:v libx265 -preset ultrafast -x265-params log-level=none -pix_fmt yuv420p"
m=v/matrix
# shellcheck disable=SC2046
{
  gen $m/h264-bframes.mp4 $(src720) $x264
  gen $m/h264-bframes.mkv $(src720) $x264
  gen $m/h264-bframes.mov $(src720) $x264
  gen $m/h264-bframes-starts-at-8s.ts $(src720) $x264 -output_ts_offset 7
  gen $m/stream_chn1.h264 $(src720) $x264 -f h264
  gen $m/stream_chn1.h265 $(src720) $x265 -f hevc
  gen $m/hevc.mp4 $(src720) $x265 -tag:v hvc1
  gen $m/vp9.webm $(src720) -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 2M
  gen $m/xvid-bframes.avi $(src720 25) -c:v mpeg4 -bf 2 -vtag XVID -q:v 4
  gen $m/msmpeg4v3.avi $(src720 25) -c:v msmpeg4 -q:v 4
  gen $m/mjpeg.avi $(src720 25) -c:v mjpeg -q:v 4
  gen $m/cinepak.avi -f lavfi -i testsrc2=size=640x360:rate=25:duration=10 -c:v cinepak
  gen $m/vfr.mp4 $(src720) -vf "select='not(between(n,60,180))'" -fps_mode passthrough $x264
  gen $m/vfr-dropped-frames.avi $(src720 25) -vf "select='not(between(n,50,150))'" -fps_mode passthrough -c:v mjpeg -q:v 4
  gen $m/broken-audio.mkv $(src720) -f lavfi -i sine=duration=10 $x264 -c:a aac -shortest -bsf:a noise=amount=1
  gen $m/odd-1281x721.webm $(src720) -vf scale=1281:721 -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 2M
  gen $m/h264-10bit.mp4 $(src720) -c:v libx264 -preset veryfast -bf 3 -pix_fmt yuv420p10le
  gen $m/h264-444.mp4 $(src720) -c:v libx264 -preset veryfast -bf 3 -pix_fmt yuv444p
  # a phone held upright: landscape pictures plus a display matrix saying "turn 90 degrees clockwise";
  # writing the matrix needs ffmpeg >= 6.1 (-display_rotation): the system's, or JavaCV's once a test unpacked it
  rotator=ffmpeg
  ffmpeg -hide_banner -h full 2>/dev/null | grep -q display_rotation \
    || rotator=$(ls ~/.javacpp/cache/*/org/bytedeco/ffmpeg/linux-x86_64/ffmpeg 2>/dev/null | head -1)
  if [ -n "$rotator" ] && [ ! -f $m/phone-portrait.mp4 ]; then
    gen v/upright.mp4 $(src720) -f lavfi -i sine=duration=10 $x264 -c:a aac -shortest
    "$rotator" -loglevel error -y -display_rotation:v:0 -90 -i v/upright.mp4 -c copy $m/phone-portrait.mp4
  fi
  [ -f $m/phone-portrait.mp4 ] || echo "note: no ffmpeg >= 6.1 to write a display matrix; the phone-portrait case is left out" >&2
  gen v/long-sd.avi -f lavfi -i testsrc2=size=768x576:rate=25:duration=80 -c:v msmpeg4 -q:v 4
  # camera-like footage: FFmpeg's moving test sources with sensor noise (temporal, uniform) on every pixel
  sec() { python3 -c "print(max(2, round($1 * $SCALE, 1)))"; }
  noise="noise=alls=20:allf=t+u"
  c=v/cam-$SCALE
  mkdir -p $c/avi $c/hd
  gen $c/avi/street-sd.avi -f lavfi -i "testsrc2=size=768x576:rate=25" -t "$(sec 80)" -vf "$noise" \
      -c:v msmpeg4 -q:v 4
  gen $c/avi/mpeg4-bframes-a.avi -f lavfi -i "mandelbrot=size=720x576:rate=25" -t "$(sec 10)" -vf "$noise" \
      -c:v mpeg4 -bf 2 -vtag XVID -q:v 4
  gen $c/avi/mpeg4-bframes-b.avi -f lavfi -i "testsrc2=size=640x480:rate=30" -t "$(sec 10)" -vf "hue=h=90,$noise" \
      -c:v mpeg4 -bf 2 -vtag XVID -q:v 4
  # variable frame rate in AVI: a stretch of dropped frames, kept as empty chunks
  gen $c/avi/cinepak-vfr.avi -f lavfi -i "testsrc2=size=320x240:rate=25" -t "$(sec 30)" \
      -vf "$noise,select='not(between(mod(n\,250)\,100\,180))'" -fps_mode passthrough -c:v cinepak
  mkdir -p $c/board
  for i in 1 2 3 4 5 6 7 8; do
    # 1080p30 as a phone or camera records it: x264 veryfast, 2 s GOP, B-frames; the first four 30 s,
    # the others 10 s (RSS only)
    len=30; [ $i -gt 4 ] && len=10
    src="testsrc2=size=1920x1080:rate=30"; [ $((i % 2)) = 0 ] && src="mandelbrot=size=1920x1080:rate=30"
    out=$c/hd/cam$i.mp4; enc=(-g 60); fmt=()
    # the board's own raw stream_chn1.h264 as its camera app writes it: the Hi3516DV300 SDK's sample
    # encoder (which that app uses) makes H.264 main profile with a GOP of 30 frames at 30 fps and
    # P-frames only (GOP mode NORMALP, no B-frames): an IDR picture every 30 frames, none on scene
    # changes (-sc_threshold 0; x264's scene-cut keyframes would make the GOPs irregular, 10-17
    # frames on this noisy footage). In its own folder, board/, since generated clips are cached by
    # path and the one made before this (2 s GOP, B-frames) was hd/stream_chn1.h264
    [ $i = 4 ] && { out=$c/board/stream_chn1.h264; enc=(-bf 0 -g 30 -sc_threshold 0 -profile:v main); fmt=(-f h264); }
    gen $out -f lavfi -i "$src" -t "$(sec $len)" -vf "hue=h=$((i * 40)),$noise" \
        -c:v libx264 -preset veryfast "${enc[@]}" -pix_fmt yuv420p "${fmt[@]}"
  done
  for i in 1 2 3 4 5 6 7 8; do
    # different content per clip (hue shift), x264 "veryfast" as a phone or camera would record
    gen v/hd/clip$i.mp4 -f lavfi -i "testsrc2=size=1920x1080:rate=30" -t 10 -vf "hue=h=$((i * 40))" \
        -c:v libx264 -preset veryfast -pix_fmt yuv420p
  done
}

# case NAME FPS VIDEO...: one recipe per case, every video in one class
declare -a NAMES=()
declare -A FPS=() VIDEOS=()
case_() {
  local name=$1 fps=$2; shift 2
  if [ -n "$CASES" ]; then
    local want=no c
    for c in $CASES; do [[ $name == "$c"* ]] && want=yes; done
    [ $want = yes ] || return 0
  fi
  NAMES+=("$name"); FPS[$name]=$fps; VIDEOS[$name]="$*"
  local r="recipes/${name//\//_}.recipe" patterns="" v
  mkdir -p recipes
  for v in "$@"; do patterns+=" \"../$v\""; done
  printf 'classes {\n  1 other background videos%s background\n}\nframes { fps %s }\n' "$patterns" "$fps" > "$r"
}
for f in $m/*; do case_ "matrix/$(basename "$f")" 1 "$f"; done
case_ long-sd 2 v/long-sd.avi
case_ one-1080p 1 v/hd/clip1.mp4
# shellcheck disable=SC2046
case_ eight-1080p 1 $(ls v/hd/clip*.mp4)
case_ avi-like 2 $c/avi/street-sd.avi $c/avi/mpeg4-bframes-a.avi $c/avi/mpeg4-bframes-b.avi $c/avi/cinepak-vfr.avi
case_ cam-1080p 1 $c/hd/cam1.mp4 $c/hd/cam2.mp4 $c/hd/cam3.mp4 $c/board/stream_chn1.h264
cams=($c/hd/cam1.mp4 $c/hd/cam2.mp4 $c/hd/cam3.mp4 $c/board/stream_chn1.h264 $c/hd/cam5.mp4 $c/hd/cam6.mp4 $c/hd/cam7.mp4 $c/hd/cam8.mp4)
for n in 1 2 4 8; do case_ rss-$n 1 "${cams[@]:0:$n}"; done

# measure LABEL CMD...: appends "LABEL wall_s cpu_s maxrss_kb" to results.txt
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o time.out "$@" > run.log 2>&1 || { echo "$label failed:"; cat run.log; exit 1; }
  read -r wall user sys rss < time.out
  echo "$label $wall $(python3 -c "print(round($user + $sys, 2))") $rss" >> results.txt
}
ff_case() { # ff_case FPS VIDEO...: the CLI, one video after another
  local fps=$1; shift
  rm -rf ff && mkdir ff
  local v
  for v in "$@"; do ffmpeg -loglevel error -i "$v" -vf "fps=$fps" -y "ff/$(basename "$v")_%06d.png"; done
}
export -f ff_case

echo "load before: $(uptime)"
rm -f results.txt images.txt
# unpacks JavaCPP's native libraries into its cache once, as any installed wkforge would have done
"$WKFORGE" run "recipes/$(echo "${NAMES[0]}" | tr / _).recipe" --until frames --out warmup > /dev/null 2>&1 || true
for name in "${NAMES[@]}"; do
  r="recipes/${name//\//_}.recipe"
  for _ in $(seq "$REPEAT"); do
    # shellcheck disable=SC2086
    measure "$name ffmpeg" bash -c "ff_case ${FPS[$name]} ${VIDEOS[$name]}"
    rm -rf out
    measure "$name wkforge" "$WKFORGE" run "$r" --until frames --out out
  done
  echo "$name $(find ff -type f | wc -l) $(find out/frames -type f | wc -l)" >> images.txt
done

python3 - "$REPEAT" <<'PY'
import statistics, sys
rows, images = {}, {}
for line in open("results.txt"):
    name, tool, wall, cpu, rss = line.split()
    rows.setdefault((name, tool), []).append((float(wall), float(cpu), int(rss)))
for line in open("images.txt"):
    name, ff, wk = line.split()
    images[name] = (ff, wk)
names = list(dict.fromkeys(n for n, _ in rows))
med = lambda n, t, i: statistics.median(r[i] for r in rows[(n, t)])
print(f"median of {sys.argv[1]} runs each; wall and CPU (user+sys) in seconds; ratio = wkforge / ffmpeg")
print(f"{'case':<40} {'ffmpeg wall':>11} {'wkforge wall':>12} {'ratio':>6} {'ffmpeg cpu':>10} {'wkforge cpu':>11} {'ratio':>6} {'images ff/wk':>12} {'wk RSS MB':>9}")
for n in names:
    fw, ww, fc, wc = med(n, "ffmpeg", 0), med(n, "wkforge", 0), med(n, "ffmpeg", 1), med(n, "wkforge", 1)
    rss = max(r[2] for r in rows[(n, "wkforge")]) / 1024
    print(f"{n:<40} {fw:>11.2f} {ww:>12.2f} {ww / fw:>5.2f}x {fc:>10.2f} {wc:>11.2f} {wc / fc:>5.2f}x {'/'.join(images[n]):>12} {rss:>9.0f}")
print("all wall runs (s): " + "; ".join(f"{n} {t}: " + " ".join(f"{r[0]:.2f}" for r in rs) for (n, t), rs in rows.items()))
PY
echo "load after: $(uptime)"

[ "$STARTUP" = 0 ] && exit 0
# start-up on its own: medians of 10 whole processes each
median10() { # median10 LABEL TARGET CMD...: prints the median wall time of 10 runs of CMD
  local label=$1 target=$2; shift 2
  local times=() i s e
  for i in $(seq 10); do
    s=$(date +%s%N); "$@" > /dev/null 2>&1 || { echo "$label failed: $*"; return 1; }; e=$(date +%s%N)
    times+=("$(( (e - s) / 1000000 ))")
  done
  printf '%s\n' "${times[@]}" | sort -n | python3 -c "
import sys; t = [int(x) for x in sys.stdin]
print(f'{\"$label\":<52} median {(t[4] + t[5]) / 2000:.2f} s (best {t[0] / 1000:.2f}, worst {t[-1] / 1000:.2f}); target <= $target s')"
}
echo "start-up, load: $(uptime)"
median10 "wkforge --version" 0.25 "$WKFORGE" --version
median10 "wkforge check recipes/trash20.recipe (the seed recipe)" 0.35 "$WKFORGE" check "$REPO/recipes/trash20.recipe"
cached=${NAMES[0]}
for n in "${NAMES[@]}"; do [ "$n" = cam-1080p ] && cached=$n; done
r="recipes/${cached//\//_}.recipe"
"$WKFORGE" run "$r" --until frames --out cached > /dev/null 2>&1   # the one run that does the work
median10 "wkforge run, all cached ($cached)" 0.6 "$WKFORGE" run "$r" --until frames --out cached
