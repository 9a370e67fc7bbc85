"""Generates the benchmark's classes as lossless videos (FFV1 in Matroska, one per class), so the
dataset reaches wkforge through its real frames -> clean -> split path: eight classes, four
shapes in two colour families of varying hue, at random sizes and places, nearly upright, on
noisy backgrounds with an occasional blob of clutter. Hard enough that a small ResNet-18 run does not reach 100%, so two trainers
can be compared.

usage: make_shape_videos.py OUT_DIR FRAMES_PER_CLASS SIZE [--dataset DIR]
       --dataset also writes the images in split's layout (20% val) for quick tuning.
"""
import math
import os
import random
import subprocess
import sys

import cv2
import numpy

SHAPES = ["disk", "square", "triangle", "cross"]
FAMILIES = ["warm", "cool"]


def colour(family, rng):
    # overlapping hue ranges: the colour alone does not give the class away
    hue = rng.uniform(0, 40) if family == "warm" else rng.uniform(25, 70)
    hsv = numpy.uint8([[[int(hue) % 180 if family == "warm" else int(hue * 2) % 180, rng.randint(90, 255), rng.randint(90, 255)]]])
    return tuple(int(c) for c in cv2.cvtColor(hsv, cv2.COLOR_HSV2BGR)[0, 0])


def paint(shape, family, size, rng):
    img = numpy.full((size, size, 3), rng.randint(40, 200), numpy.uint8)
    for _ in range(rng.randint(0, 1)):  # clutter: a random blob of any colour, now and then
        c = tuple(rng.randint(0, 255) for _ in range(3))
        cv2.ellipse(img, (rng.randint(0, size), rng.randint(0, size)), (rng.randint(2, size // 10), rng.randint(2, size // 10)),
                    rng.uniform(0, 180), 0, 360, c, -1)
    r = rng.randint(size // 6, size // 3)
    cx, cy = rng.randint(r, size - r), rng.randint(r, size - r)
    c = colour(family, rng)
    a = rng.uniform(-0.25, 0.25) - math.pi / 2  # upright, give or take 15 degrees
    if shape == "disk":
        cv2.circle(img, (cx, cy), r, c, -1, cv2.LINE_AA)
    elif shape == "square":
        pts = [(cx + r * math.cos(a + k * math.pi / 2), cy + r * math.sin(a + k * math.pi / 2)) for k in range(4)]
        cv2.fillPoly(img, [numpy.int32(pts)], c, cv2.LINE_AA)
    elif shape == "triangle":
        pts = [(cx + r * math.cos(a + k * 2 * math.pi / 3), cy + r * math.sin(a + k * 2 * math.pi / 3)) for k in range(3)]
        cv2.fillPoly(img, [numpy.int32(pts)], c, cv2.LINE_AA)
    else:
        for k in range(2):
            b = a + k * math.pi / 2
            p1 = (int(cx + r * math.cos(b)), int(cy + r * math.sin(b)))
            p2 = (int(cx - r * math.cos(b)), int(cy - r * math.sin(b)))
            cv2.line(img, p1, p2, c, max(2, r // 3), cv2.LINE_AA)
    noise = numpy.random.default_rng(rng.randint(0, 1 << 30)).normal(0, 10, img.shape)
    return numpy.clip(img + noise, 0, 255).astype(numpy.uint8)


def main():
    out, frames, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    dataset = sys.argv[sys.argv.index("--dataset") + 1] if "--dataset" in sys.argv else None
    os.makedirs(out, exist_ok=True)
    meta = {"train": [], "val": []}
    for k, (shape, family) in enumerate((s, f) for s in SHAPES for f in FAMILIES):
        name = "%s_%s" % (family, shape)
        rng = random.Random(1000 + k)
        tmp = os.path.join(out, "tmp_" + name)
        os.makedirs(tmp, exist_ok=True)
        folder = "%02d_%s_%s" % (k + 1, "shape", name)
        for i in range(frames):
            img = paint(shape, family, size, rng)
            cv2.imwrite(os.path.join(tmp, "%05d.png" % i), img)
            if dataset:
                side = "val" if i % 5 == 0 else "train"
                d = os.path.join(dataset, side, folder)
                os.makedirs(d, exist_ok=True)
                cv2.imwrite(os.path.join(d, "%s_%05d.png" % (folder, i)), img)
                meta[side].append("%s/%s_%05d.png %d" % (folder, folder, i, k))
        subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-framerate", "10", "-i", os.path.join(tmp, "%05d.png"),
                        "-c:v", "ffv1", os.path.join(out, name + ".mkv")], check=True)
        for f in os.listdir(tmp):
            os.remove(os.path.join(tmp, f))
        os.rmdir(tmp)
    if dataset:
        os.makedirs(os.path.join(dataset, "meta"), exist_ok=True)
        for side, lines in meta.items():
            with open(os.path.join(dataset, "meta", side + ".txt"), "w") as f:
                f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
