#!/usr/bin/env bash
# Training side by side with PyTorch (Debian's python3-torch + python3-torchvision, torchvision's
# resnet18 with the stem pool set to k3 s2 pad 0 ceil mode, exactly the network wkforge trains),
# in one run, same batch, input size and thread count, repeated and reported as medians:
#   speed  : 112 and 224 px, batch 16: training images/s counting only the steps (compute), the
#            epoch's images/s with data loading, and wall/compute (data loading overhead);
#            peak RSS of each whole process; wkforge as launched (default JIT) and with the quick
#            JIT only (-XX:TieredStopAtLevel=1, what the launcher used to pass for `run`).
#            Other work on a shared machine only ever slows a run down, so besides the median
#            the best run of each side is shown: the fairest figure when the load comes and goes
#   memory : 224 px, batch 16, 32 and 64: peak RSS of each whole process (GNU time's maximum
#            resident set), EPOCHS_MEM epochs on the speed dataset, one run per side and batch
#   accuracy: 8 shape classes (bench/make_shape_videos.py) through wkforge's frames -> clean ->
#            split, then the same dataset and settings trained by wkforge and by bench/train_pytorch.py
#            for several seeds: best val top-1 of each
# Both sides use OMP_WAIT_POLICY=PASSIVE (wkforge sets it for itself; see docs/stages/train.md):
# on a machine whose cores are busy, OpenMP's default spinning slows both 5-20x.
#
# usage: bench/train-vs-pytorch.sh [path/to/wkforge]     (default ./wkforge)
#   env: WORK (/tmp/wkforge-train-bench), REPEAT (3), THREADS (2), SEEDS ("1 2 3"),
#        PARTS ("speed memory accuracy"), EPOCHS_ACC (10), EPOCHS_MEM (2), BATCHES ("16 32 64"),
#        FRAMES (16: frames per class of the speed/memory videos)
# needs: java 17, /usr/bin/python3 with torch, torchvision, cv2 (apt-get install python3-torch
#        python3-torchvision python3-opencv), ffmpeg, GNU time
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
WKFORGE=$(realpath "${1:-$here/../wkforge}")
WORK=${WORK:-/tmp/wkforge-train-bench}
REPEAT=${REPEAT:-3}
THREADS=${THREADS:-2}
SEEDS=${SEEDS:-1 2 3}
PARTS=${PARTS:-speed memory accuracy}
EPOCHS_ACC=${EPOCHS_ACC:-10}
EPOCHS_MEM=${EPOCHS_MEM:-2}
BATCHES=${BATCHES:-16 32 64}
FRAMES=${FRAMES:-16}
PY=/usr/bin/python3
export OMP_WAIT_POLICY=PASSIVE

"$PY" -c "import torch, torchvision, cv2" || { echo "needs python3-torch python3-torchvision python3-opencv" >&2; exit 2; }
command -v ffmpeg >/dev/null || { echo "needs ffmpeg" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time" >&2; exit 2; }
"$WKFORGE" --version >/dev/null
mkdir -p "$WORK"
cd "$WORK"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); torch $("$PY" -c 'import torch; print(torch.__version__)'); threads $THREADS"

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# recipe NAME VIDEO_DIR RESIZE CROP EPOCHS LR SCHEDULE [BATCH]
recipe() {
  cat > "$1.recipe" <<EOR
classes {
$(i=1; n=$(ls "$2"/*.mkv | wc -l); for f in "$2"/*.mkv; do
    printf '  %d shape %s videos "%s"%s\n' $i "$(basename "$f" .mkv)" "$f" "$([ $i = "$n" ] && echo "  background")"; i=$((i + 1)); done)
}
frames { fps 10 }
clean { uniform 0 }
split { val 20%; by frame; seed 1 }
preprocess { resize $3x$3; crop $4x$4 }
train resnet18 { epochs $5; batch ${8:-16}; optimizer sgd; lr $6; momentum 0.9; weight_decay 1e-4; schedule $7 }
EOR
}

# wkforge epochs after the first (warm-up): "ips_with_data ips_compute wall/compute"
wk_figures() {
  "$PY" - "$1" <<'EOP'
import json, sys
e = json.load(open(sys.argv[1]))["epochs"][1:]
n = lambda x: sum(x) / len(x)
ips = n([x["images_per_second"] for x in e])
comp = n([x["images_per_second"] * x["train_seconds"] / x["compute_seconds"] for x in e])
ratio = n([x["train_seconds"] / x["compute_seconds"] for x in e])
print("%.2f %.2f %.3f" % (ips, comp, ratio))
EOP
}
py_figures() {
  "$PY" - "$1" <<'EOP'
import json, sys
e = json.load(open(sys.argv[1]))["epochs"][1:]
n = lambda x: sum(x) / len(x)
print("%.2f %.2f %.3f" % (n([x["images_per_second"] for x in e]),
      n([x["images_per_second"] * x["train_seconds"] / x["compute_seconds"] for x in e]),
      n([x["train_seconds"] / x["compute_seconds"] for x in e])))
EOP
}

if [[ " $PARTS " == *" speed "* ]]; then
  for px in 112 224; do
    resize=$((px * 8 / 7))
    [ -d "v$px" ] || "$PY" "$here/make_shape_videos.py" "v$px" "$FRAMES" "$resize"
    recipe "speed$px" "v$px" "$resize" "$px" 3 0.01 constant
    "$WKFORGE" run "speed$px.recipe" --until split --threads "$THREADS" > /dev/null
    rm -f "speed$px.results"
    for r in $(seq "$REPEAT"); do
      # alternate which side goes first so both see the same share of any background load
      for side in $( [ $((r % 2)) = 1 ] && echo "pytorch wkforge wkforge-c1" || echo "wkforge-c1 wkforge pytorch"); do
        case $side in
          pytorch)
            /usr/bin/time -f "%M" -o rss.txt "$PY" "$here/train_pytorch.py" "build/speed$px/dataset" --resize "$resize" --crop "$px" \
              --epochs 3 --batch 16 --lr 0.01 --threads "$THREADS" > py.json
            echo "pytorch $(py_figures py.json) $(cat rss.txt)" >> "speed$px.results" ;;
          wkforge|wkforge-c1)
            opts=""; [ $side = wkforge-c1 ] && opts="-XX:TieredStopAtLevel=1"
            WKFORGE_JAVA_OPTS="$opts" /usr/bin/time -f "%M" -o rss.txt "$WKFORGE" run "speed$px.recipe" --until train --force train \
              --threads "$THREADS" > wk.log 2>&1 || { cat wk.log; exit 1; }
            echo "$side $(wk_figures "build/speed$px/model/metrics.json") $(cat rss.txt)" >> "speed$px.results" ;;
        esac
      done
    done
    echo "== training speed at ${px}x${px}, batch 16, $THREADS threads ($REPEAT runs each; epochs 2-3 of 3)"
    printf '%-11s %20s %20s %14s %12s\n' side "images/s med (best)" "compute med (best)" "wall/compute" "peak RSS"
    for side in pytorch wkforge wkforge-c1; do
      grep "^$side " "speed$px.results" > side.txt
      printf '%-11s %12s (%5s) %12s (%5s) %14s %9s MB\n' "$side" "$(cut -d' ' -f2 side.txt | median)" "$(cut -d' ' -f2 side.txt | sort -g | tail -1)" \
        "$(cut -d' ' -f3 side.txt | median)" "$(cut -d' ' -f3 side.txt | sort -g | tail -1)" \
        "$(cut -d' ' -f4 side.txt | median)" "$(( $(cut -d' ' -f5 side.txt | median | cut -d. -f1) / 1024 ))"
    done
    ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}'; }
    wk=$(grep '^wkforge ' "speed$px.results" | cut -d' ' -f3)
    pt=$(grep '^pytorch ' "speed$px.results" | cut -d' ' -f3)
    echo "wkforge/pytorch compute images/s: median $(ratio "$(echo "$wk" | median)" "$(echo "$pt" | median)"), best $(ratio "$(echo "$wk" | sort -g | tail -1)" "$(echo "$pt" | sort -g | tail -1)") (target >= 0.95x)"
  done
fi

if [[ " $PARTS " == *" memory "* ]]; then
  px=224
  resize=256
  [ -d "v$px" ] || "$PY" "$here/make_shape_videos.py" "v$px" "$FRAMES" "$resize"
  recipe "mem" "v$px" "$resize" "$px" "$EPOCHS_MEM" 0.01 constant
  "$WKFORGE" run mem.recipe --until split --threads "$THREADS" > /dev/null
  echo "== peak RSS at ${px}x${px}, $EPOCHS_MEM epochs, $(wc -l < build/mem/dataset/meta/train.txt) train / $(wc -l < build/mem/dataset/meta/val.txt) val images, $THREADS threads"
  printf '%-6s %14s %14s %8s\n' batch "pytorch MB" "wkforge MB" ratio
  for b in $BATCHES; do
    /usr/bin/time -f "%M" -o rss.txt "$PY" "$here/train_pytorch.py" build/mem/dataset --resize "$resize" --crop "$px" \
      --epochs "$EPOCHS_MEM" --batch "$b" --lr 0.01 --threads "$THREADS" > py.json
    pt=$(( $(cat rss.txt) / 1024 ))
    /usr/bin/time -f "%M" -o rss.txt "$WKFORGE" run mem.recipe --until train --force train --threads "$THREADS" \
      --set train.batch="$b" > wk.log 2>&1 || { cat wk.log; exit 1; }
    wk=$(( $(cat rss.txt) / 1024 ))
    printf '%-6s %14s %14s %7sx\n' "$b" "$pt" "$wk" "$(awk -v a="$wk" -v b="$pt" 'BEGIN {printf "%.2f", a / b}')"
  done
  echo "target: wkforge <= 1.2x PyTorch at batch 16"
fi

if [[ " $PARTS " == *" accuracy "* ]]; then
  [ -d vacc ] || "$PY" "$here/make_shape_videos.py" vacc 120 64
  recipe acc vacc 56 48 "$EPOCHS_ACC" 0.02 cosine
  "$WKFORGE" run acc.recipe --until split --threads "$THREADS" > /dev/null
  echo "== accuracy: 8 shape classes, $(wc -l < build/acc/dataset/meta/train.txt) train / $(wc -l < build/acc/dataset/meta/val.txt) val images, 48x48, $EPOCHS_ACC epochs, sgd lr 0.02 cosine, batch 16"
  printf '%-6s %16s %16s\n' seed "wkforge top-1" "pytorch top-1"
  rm -f acc.results
  for s in $SEEDS; do
    "$WKFORGE" run acc.recipe --until train --threads "$THREADS" --set train.seed="$s" > wk.log 2>&1 || { cat wk.log; exit 1; }
    wk=$("$PY" -c "import json; print(json.load(open('build/acc/model/metrics.json'))['val_top1'])")
    "$PY" "$here/train_pytorch.py" build/acc/dataset --resize 56 --crop 48 --epochs "$EPOCHS_ACC" --batch 16 --lr 0.02 \
      --threads "$THREADS" --seed "$s" > py.json
    pt=$("$PY" -c "import json; print(json.load(open('py.json'))['val_top1'])")
    printf '%-6s %16.4f %16.4f\n' "$s" "$wk" "$pt"
    echo "$wk $pt" >> acc.results
  done
  awk '{w += $1; p += $2} END {printf "mean   %16.4f %16.4f   difference %.1f points (target within 3)\n", w / NR, p / NR, 100 * (w - p) / NR}' acc.results
fi
