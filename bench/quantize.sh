#!/usr/bin/env bash
# verify and quantize on a ResNet-18 that the train stage trains on generated shape pictures (four
# classes), at a small input and at the board's 224 px: verify.json's figures (OpenCV DNN on the
# Caffe files vs DJL on the trained network) and quant.json's (float vs 8-bit and 16-bit top-1
# through the board's YUV420SP input path, the worst layer's cosine), with each stage's time, for
# batch norm as layers and folded.
#
# usage: bench/quantize.sh [small|224|both (both)]
# needs: java 17, Maven. The 224 px case trains for a few minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -DskipTests package test-compile >/dev/null
cp="target/classes:target/test-classes:$(ls target/lib/*.jar | tr '\n' ':')"
which="${1:-both}"
# CROP RESIZE PICTURE TRAIN_PER_CLASS VAL_PER_CLASS EPOCHS CALIBRATION
if [ "$which" != 224 ]; then java -Xmx4g -cp "$cp" io.wkforge.stages.nnie.QuantizeBench 32 36 48 60 25 8 20; fi
if [ "$which" != small ]; then java -Xmx6g -cp "$cp" io.wkforge.stages.nnie.QuantizeBench 224 256 320 30 25 6 20; fi
