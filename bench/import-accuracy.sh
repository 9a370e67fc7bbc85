#!/usr/bin/env bash
# What an imported checkpoint achieves, measured by wkforge on one dataset: a ResNet-18 trained by
# PyTorch with torchvision's stem pool (pad 1, floor; bench/train_pytorch.py --torchvision-pool) on
# the dataset wkforge's frames -> clean -> split made from shape videos (bench/make_shape_videos.py),
# saved with torch.save(state_dict), then given to wkforge as train.pretrained:
#   val top-1 as trained (PyTorch's pool), with NNIE's pool (epochs 0, what the board would run),
#   and after `epochs 2` of fine-tuning with NNIE's pool (lr 0.01, pretrained_lr 1).
#
# usage: bench/import-accuracy.sh [path/to/wkforge]  env: WORK (/tmp/wkforge-import-bench), EPOCHS_PT (6), THREADS (2)
# needs: java 17, /usr/bin/python3 with torch, torchvision, cv2, ffmpeg
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
WKFORGE=$(realpath "${1:-$here/../wkforge}")
WORK=${WORK:-/tmp/wkforge-import-bench}
EPOCHS_PT=${EPOCHS_PT:-6}
THREADS=${THREADS:-2}
PY=/usr/bin/python3
export OMP_WAIT_POLICY=PASSIVE
"$WKFORGE" --version >/dev/null
mkdir -p "$WORK" && cd "$WORK"
[ -d videos ] || "$PY" "$here/make_shape_videos.py" videos 60 64 >/dev/null
recipe() { # NAME EPOCHS EXTRA
  cat > "$1.recipe" <<EOR
classes {
$(i=1; n=$(ls videos/*.mkv | wc -l); for f in videos/*.mkv; do
    printf '  %d shape %s videos "%s"%s\n' $i "$(basename "$f" .mkv)" "$f" "$([ $i = "$n" ] && echo "  background")"; i=$((i + 1)); done)
}
frames { fps 10 }
clean { uniform 0 }
split { val 25%; by frame; seed 1 }
preprocess { resize 56x56; crop 48x48 }
train resnet18 { epochs $2; batch 16; optimizer sgd; lr 0.01; schedule cosine; $3 }
EOR
}
recipe asis 0 'pretrained "pytorch.pth"'
"$WKFORGE" run asis.recipe --until split --threads "$THREADS" > /dev/null
"$PY" "$here/train_pytorch.py" build/asis/dataset --resize 56 --crop 48 --epochs "$EPOCHS_PT" --batch 16 --lr 0.02 \
    --threads "$THREADS" --seed 1 --torchvision-pool --save pytorch.pth \
  | "$PY" -c 'import json,sys; r=json.load(sys.stdin); print("pytorch (its own pool, pad 1 floor): val top-1 %.2f%% after %d epochs" % (100*r["epochs"][-1]["val_top1"], len(r["epochs"])))'
"$WKFORGE" run asis.recipe --until train --threads "$THREADS" > /dev/null
cp build/asis/model/metrics.json asis-metrics.json
"$WKFORGE" run asis.recipe --until train --threads "$THREADS" --set train.epochs=2 > /dev/null
"$PY" - asis-metrics.json build/asis/model/metrics.json <<'PY'
import json, sys
a = json.load(open(sys.argv[1])); t = json.load(open(sys.argv[2]))
i = a["imported"]
print("wkforge, imported file %s (%s)" % (i["sha256"][:12], i["format"]))
print("  val top-1 as trained (pytorch pool):      %.2f%%" % (100 * i["val_top1_as_trained"]))
print("  val top-1 with NNIE's pool (epochs 0):    %.2f%%" % (100 * i["val_top1_nnie_pool"]))
print("  val top-1 after epochs 2 with NNIE's pool: %.2f%%" % (100 * t["val_top1"]))
PY
