#!/usr/bin/env bash
# What training on the board's input (`train.board_input`, issue 20) does to the accuracy the
# board gets. The board's camera app feeds the network YUV420SP frames: chroma at half the
# resolution, in limited-range BT.601. For each dataset and seed the recipe runs to `quantize`
# twice: `train.board_input none` (train and validate on the pictures as decoded) and `auto` (the
# default: through the same round trip quantize simulates, as the Hi3516DV300 target's
# image_type is YUV420SP). Per run it prints quantize's estimate (nnie/quant.json): float top-1
# on the pictures, float top-1 on the board's input, the board-input drop between them, the
# quantized top-1 (on the board's input) and the whole drop.
#   demo   : `wkforge demo`'s recipe and videos (a tomato, an eggplant, a watermelon rind, an
#            eggshell and the empty scene), told apart mostly by colour
#   shapes : the training bench's accuracy dataset (bench/make_shape_videos.py: four shapes in two
#            overlapping colour families, hard on purpose), 48x48, 10 epochs
#
# usage: bench/board-input.sh [path/to/wkforge]     (default ./wkforge)
#   env: WORK (/tmp/wkforge-board-input), DATASETS ("demo shapes"), SEEDS ("1 2 3"),
#        THREADS (cores)
# needs: java 17, /usr/bin/python3 (with cv2 and numpy for shapes: apt-get install python3-opencv)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
WKFORGE=$(realpath "${1:-$here/../wkforge}")
WORK=${WORK:-/tmp/wkforge-board-input}
DATASETS=${DATASETS:-demo shapes}
SEEDS=${SEEDS:-1 2 3}
THREADS=${THREADS:-$(nproc)}
PY=${PY:-/usr/bin/python3}

mkdir -p "$WORK"
cd "$WORK"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"

# the training bench's accuracy dataset, with the Hi3516DV300 target and a quantize stage
shapes_recipe() {
  mkdir -p shapes
  [ -d shapes/videos ] || "$PY" "$here/make_shape_videos.py" shapes/videos 120 64 > /dev/null
  {
    echo 'use "targets/hi3516dv300"'
    echo 'classes {'
    local i=1 n f
    n=$(ls shapes/videos/*.mkv | wc -l)
    for f in shapes/videos/*.mkv; do
      printf '  %d shape %s videos "videos/%s"%s\n' $i "$(basename "$f" .mkv)" "$(basename "$f")" \
        "$([ $i = "$n" ] && echo "  background")"
      i=$((i + 1))
    done
    echo '}'
    echo 'frames { fps 10 }'
    echo 'clean { uniform 0 }'
    echo 'split { val 20%; by frame; seed 1 }'
    echo 'preprocess { resize 56x56; crop 48x48 }'
    echo 'train resnet18 { epochs 10; batch 16; optimizer sgd; lr 0.02; momentum 0.9; weight_decay 1e-4; schedule cosine }'
    echo 'export caffe { }'
    echo 'quantize { calibration 20 images }'
  } > shapes/shapes.recipe
}

report() {
  "$PY" - "$@" <<'PY'
import json, sys
d, seed, mode = sys.argv[1:]
q = json.load(open(f"{d}/build/{d}/nnie/quant.json"))
pct = lambda k: 100 * q[k]
print(f"{d:<7} {seed:<5} {mode:<11} {pct('float_top1'):8.2f}% {pct('float_board_input_top1'):12.2f}% "
      f"{pct('board_input_drop'):15.2f}p {pct('quantized_top1'):9.2f}% {pct('top1_drop'):9.2f}p")
PY
}

printf '%-7s %-5s %-11s %9s %13s %16s %10s %10s\n' dataset seed board_input float "board input" "board-input drop" \
  quantized "whole drop"
for dataset in $DATASETS; do
  case $dataset in
    demo) [ -f demo/demo.recipe ] || "$WKFORGE" demo --no-run --threads "$THREADS" demo > /dev/null ;;
    shapes) shapes_recipe ;;
    *) echo "unknown dataset $dataset (demo or shapes)" >&2; exit 2 ;;
  esac
  for seed in $SEEDS; do
    for mode in none auto; do
      (cd "$dataset" && "$WKFORGE" run "$dataset.recipe" --until quantize --threads "$THREADS" \
        --set "train.seed=$seed" --set "train.board_input=$mode" > run.log 2>&1) || { tail -20 "$dataset/run.log"; exit 1; }
      report "$dataset" "$seed" "$mode"
    done
  done
done
