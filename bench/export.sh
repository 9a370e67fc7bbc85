#!/usr/bin/env bash
# The export of a 224 px, 21-class ResNet-18 (random but plausible weights and batch-norm
# statistics): how long the export takes with batch norm as layers and folded, and how far the
# exported model under OpenCV DNN lies from torchvision's resnet18 in PyTorch on the same images,
# with both runtimes' throughput side by side.
#
# usage: bench/export.sh [REPEAT (5)] [IMAGES (16)]
# needs: java 17, Maven, Debian's python3-torch python3-torchvision python3-numpy (/usr/bin/python3)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -DskipTests package test-compile >/dev/null
cp="target/classes:target/test-classes:$(ls target/lib/*.jar | tr '\n' ':')"
java -Xmx4g -cp "$cp" io.wkforge.stages.caffe.ExportBench "${1:-5}" "${2:-16}"
