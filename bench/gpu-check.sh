#!/usr/bin/env bash
# The GPU check of issue 20, in one short run on a machine with an NVIDIA GPU (and the CUDA build
# of wkforge; the script builds it). Same recipe, seed and settings on the CPU and on the GPU:
#   speed : 224x224, batch 32, EPOCHS_SPEED epochs: images/s of each (epochs after the first),
#           the GPU process's peak memory (nvidia-smi, sampled every 0.2 s)
#   top-1 : 48x48 (the shape dataset of bench/train-vs-pytorch.sh), EPOCHS_ACC epochs: val top-1
#           of each; they must agree within 2 points
#   resume: a GPU run killed with SIGKILL after its first checkpoint, then run again: it must say
#           it resumed and finish
#   multi : with two GPUs or more, `devices gpu 0 1` on the top-1 recipe (one batch split in two)
# Prints a summary and exits 1 when a check fails.
#
# usage: bench/gpu-check.sh [path/to/wkforge]      (default ./wkforge, built with WKFORGE_LIBTORCH=cuda)
#   env: WORK (/tmp/wkforge-gpu-check), THREADS (all cores), EPOCHS_SPEED (2), EPOCHS_ACC (8),
#        VIDEOS (a folder of ready-made class videos; default: bench/make_shape_videos.py, which
#        needs python3 with cv2 and numpy, else `wkforge demo --no-run`'s videos)
# The CUDA build fetches libtorch 2.7.1 for CUDA 12.8 (about 2.5 GB) on its first use: the machine
# needs internet then, or a copy of ~/.cache/wkforge/djl from a machine where it ran.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
WKFORGE=$(realpath "${1:-$here/../wkforge}")
WORK=${WORK:-/tmp/wkforge-gpu-check}
THREADS=${THREADS:-$(nproc)}
EPOCHS_SPEED=${EPOCHS_SPEED:-2}
EPOCHS_ACC=${EPOCHS_ACC:-8}
export WKFORGE_LIBTORCH=${WKFORGE_LIBTORCH:-cuda}

command -v nvidia-smi >/dev/null || { echo "gpu-check: nvidia-smi not found: this needs a machine with an NVIDIA GPU" >&2; exit 2; }
mkdir -p "$WORK"
cd "$WORK"
echo "== machine: $(nproc) cores; $(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | paste -sd';')"
"$WKFORGE" doctor | grep -E 'libtorch|java' || true
ngpu=$(nvidia-smi --query-gpu=index --format=csv,noheader | wc -l)

json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }
fail=0
check() { if [ "$1" = ok ]; then echo "  ok    $2"; else echo "  FAIL  $2"; fail=1; fi; }

# videos: one per class
if [ -n "${VIDEOS:-}" ]; then
  vids=$(realpath "$VIDEOS")
elif python3 -c "import cv2, numpy" 2>/dev/null && command -v ffmpeg >/dev/null; then
  vids=$WORK/shapes
  [ -d "$vids" ] || python3 "$here/make_shape_videos.py" "$vids" 60 256 >/dev/null
else
  [ -d "$WORK/demo" ] || "$WKFORGE" demo "$WORK/demo" --no-run >/dev/null
  vids=$WORK/demo/videos
fi
classes=$(i=1; n=$(ls "$vids" | wc -l); for f in "$vids"/*; do
  printf '  %d shape %s videos "%s"%s\n' $i "$(basename "${f%.*}" | tr -c 'a-z0-9_\n' _)" "$f" "$([ $i = "$n" ] && echo "  background")"; i=$((i + 1)); done)
recipe() { # NAME RESIZE CROP EPOCHS BATCH
  cat > "$1.recipe" <<EOR
classes {
$classes
}
frames { fps 10 }
clean { uniform 0 }
split { val 20%; by frame; seed 1 }
preprocess { resize $2x$2; crop $3x$3 }
train resnet18 { epochs $4; batch $5; optimizer sgd; lr 0.02; momentum 0.9; weight_decay 1e-4; schedule cosine; seed 1 }
EOR
  "$WKFORGE" run "$1.recipe" --until split --threads "$THREADS" >/dev/null
}
train() { # NAME DEVICES OUT.json [extra args]
  local name=$1 dev=$2 out=$3; shift 3
  "$WKFORGE" run "$name.recipe" --until train --force train --threads "$THREADS" --set "train.devices=$dev" "$@" > "$out.log" 2>&1 \
    || { tail -20 "$out.log"; return 1; }
  cp "build/$name/model/metrics.json" "$out"
}
ips() { json "$1" 'sum(e["images_per_second"] for e in d["epochs"][1:]) / max(1, len(d["epochs"]) - 1)'; }

# peak memory of this machine's GPU processes while a command runs, in MiB
peak_gpu() {
  rm -f gpumem.txt
  ( while sleep 0.2; do nvidia-smi --query-compute-apps=used_memory --format=csv,noheader,nounits 2>/dev/null | awk '{s += $1} END {print s + 0}'; done ) > gpumem.txt &
  local sampler=$!
  "$@"; local rc=$?
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  peak=$(sort -g gpumem.txt 2>/dev/null | tail -1); peak=${peak:-0}
  return $rc
}

echo "== speed: 224x224, batch 32, $EPOCHS_SPEED epochs, $THREADS CPU threads"
recipe speed 256 224 "$EPOCHS_SPEED" 32
train speed cpu cpu-speed.json
peak_gpu train speed gpu gpu-speed.json
printf '  %-5s %10.1f images/s\n' cpu "$(ips cpu-speed.json)" gpu "$(ips gpu-speed.json)"
echo "  peak GPU memory: $peak MiB"
grep -q '"device" *: *"\[gpu(0)\]"\|gpu(0)' build/speed/model/model.json && check ok "the GPU run trained on gpu(0)" || check fail "the GPU run did not record gpu(0) in model.json"

echo "== top-1: 56 -> 48x48, batch 32, $EPOCHS_ACC epochs, seed 1"
recipe acc 56 48 "$EPOCHS_ACC" 32
train acc cpu cpu-acc.json
train acc gpu gpu-acc.json
c=$(json cpu-acc.json 'd["val_top1"]'); g=$(json gpu-acc.json 'd["val_top1"]')
awk -v c="$c" -v g="$g" 'BEGIN {printf "  cpu %.2f%%  gpu %.2f%%\n", 100 * c, 100 * g}'
awk -v c="$c" -v g="$g" 'BEGIN {d = 100 * (c - g); exit !(d <= 2 && d >= -2)}' && check ok "val top-1 within 2 points" || check fail "val top-1 differs by more than 2 points"
if [ "$ngpu" -ge 2 ]; then
  train acc "gpu 0 1" gpu2-acc.json
  m=$(json gpu2-acc.json 'd["val_top1"]')
  awk -v m="$m" -v a="$(ips gpu2-acc.json)" -v b="$(ips gpu-acc.json)" 'BEGIN {printf "  gpu 0 1: %.2f%%, %.1f images/s (one GPU: %.1f)\n", 100 * m, a, b}'
  awk -v c="$g" -v g="$m" 'BEGIN {d = 100 * (c - g); exit !(d <= 2 && d >= -2)}' && check ok "two GPUs within 2 points of one" || check fail "two GPUs differ from one by more than 2 points"
else
  echo "  (one GPU: the two-GPU run is skipped)"
fi

echo "== resume: a GPU run killed with SIGKILL after epoch 1, then run again"
recipe resume 256 224 3 32
ckpt=build/resume/.wkforge/work/train/checkpoint.safetensors
rm -f "$ckpt"
"$WKFORGE" run resume.recipe --until train --force train --threads "$THREADS" --set train.devices=gpu > kill.log 2>&1 &
pid=$!
for _ in $(seq 1200); do [ -f "$ckpt" ] && break; sleep 0.5; done
# the launcher execs java, so $pid is the JVM
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
[ -f "$ckpt" ] && check ok "checkpoint written before the kill" || check fail "no checkpoint after 10 minutes"
"$WKFORGE" run resume.recipe --until train --threads "$THREADS" --set train.devices=gpu > resume.log 2>&1 && r=ok || r=fail
grep -o 'resumed from the checkpoint after epoch [0-9]*' resume.log | head -1 | sed 's/^/  /' || true
grep -q 'resumed from the checkpoint after epoch' resume.log && [ $r = ok ] && check ok "the killed GPU run resumed and finished" \
  || { tail -20 resume.log; check fail "the killed GPU run did not resume"; }

[ $fail = 0 ] && echo "gpu-check: all checks passed" || echo "gpu-check: some checks FAILED"
exit $fail
