#!/usr/bin/env bash
# Import of a torchvision-sized ResNet-18 checkpoint (1000 classes, about 45 MB; weights=None and a
# seed, nothing is downloaded) as `train.pretrained` reads it, side by side with PyTorch's own
# torch.load: seconds of the read (in-process) and peak memory of the whole process (GNU time).
#
# usage: bench/import.sh [zip|legacy (zip)]
# needs: java 17, Maven, Debian's python3-torch python3-torchvision, /usr/bin/time
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-zip}"
./wkforge --version >/dev/null   # builds the jar if needed
cp="target/wkforge.jar:$(ls target/lib/*.jar | tr '\n' ':')"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 - "$tmp/resnet18.pth" "$kind" <<'PY'
import sys, torch, torchvision
torch.manual_seed(0)
sd = torchvision.models.resnet18(weights=None).state_dict()
torch.save(sd, sys.argv[1], _use_new_zipfile_serialization=(sys.argv[2] == "zip"))
PY
echo "file: $(du -m "$tmp/resnet18.pth" | cut -f1) MB, torch.save $kind format"
/usr/bin/time -f "wkforge: peak RSS %M KB, process wall %e s" java -cp "$cp" bench/ImportBench.java "$tmp/resnet18.pth"
/usr/bin/time -f "pytorch: peak RSS %M KB, process wall %e s" /usr/bin/python3 - "$tmp/resnet18.pth" <<'PY'
import sys, time, torch
t = time.perf_counter()
sd = torch.load(sys.argv[1], map_location="cpu")
print("pytorch: torch.load, %d tensors: %.3f s" % (len(sd), time.perf_counter() - t))
PY
