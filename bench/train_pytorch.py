"""PyTorch peer for bench/train-vs-pytorch.sh: trains torchvision's resnet18 (stem pool set to
k3 s2 pad 0 ceil mode, as wkforge trains it) on the dataset wkforge's `split` wrote, with the same
settings as the recipe: resize (OpenCV bilinear), random crop + horizontal flip for train, centre
crop for val, (pixel - mean) / std in RGB, SGD with momentum and weight decay, cosine schedule
stepped per epoch, the same batch size and thread count. Images are decoded once and kept in
memory, as wkforge does.

usage: train_pytorch.py DATASET_DIR --resize 72 --crop 64 --epochs 12 --batch 16 --lr 0.05
                        --momentum 0.9 --weight-decay 1e-4 --threads 2 --seed 0 [--speed-only STEPS]
prints one JSON object: per-epoch losses, val top-1, epoch wall time, compute time.
"""
import argparse
import json
import math
import os
import random
import time

import cv2
import numpy
import torch
import torchvision


def load_side(root, side, resize):
    images, labels = [], []
    with open(os.path.join(root, "meta", side + ".txt")) as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            rel, label = line.rsplit(" ", 1)
            bgr = cv2.imread(os.path.join(root, side, rel), cv2.IMREAD_COLOR)
            if bgr is None:
                raise SystemExit("cannot read " + rel)
            bgr = cv2.resize(bgr, (resize, resize), interpolation=cv2.INTER_LINEAR)
            images.append(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB))
            labels.append(int(label))
    return numpy.stack(images), numpy.array(labels)


def normalise(batch_hwc, mean, std):
    x = (batch_hwc.astype(numpy.float32) - mean) / std
    return torch.from_numpy(numpy.ascontiguousarray(x.transpose(0, 3, 1, 2)))


TORCHVISION_POOL = False


def model(num_classes):
    m = torchvision.models.resnet18(num_classes=num_classes)
    if not TORCHVISION_POOL:  # --torchvision-pool keeps torchvision's k3 s2 pad 1 floor (bench/import-accuracy.sh)
        m.maxpool = torch.nn.MaxPool2d(kernel_size=3, stride=2, padding=0, ceil_mode=True)
    return m


def speed(args):
    """Pure compute: synthetic batches, the same step as training."""
    m = model(10).train()
    opt = torch.optim.SGD(m.parameters(), lr=args.lr, momentum=args.momentum, weight_decay=args.weight_decay)
    x = torch.randn(args.batch, 3, args.crop, args.crop)
    y = torch.arange(args.batch) % 10
    for i in range(args.speed_only + 3):
        if i == 3:
            t0 = time.perf_counter()
        opt.zero_grad()
        torch.nn.functional.cross_entropy(m(x), y).backward()
        opt.step()
    return {"images_per_second": args.speed_only * args.batch / (time.perf_counter() - t0)}


def train(args):
    mean = numpy.array(args.mean, dtype=numpy.float32)
    std = numpy.array(args.std, dtype=numpy.float32)
    tx, ty = load_side(args.dataset, "train", args.resize)
    vx, vy = load_side(args.dataset, "val", args.resize)
    classes = int(max(ty.max(), vy.max())) + 1
    m = model(classes)
    opt = torch.optim.SGD(m.parameters(), lr=args.lr, momentum=args.momentum, weight_decay=args.weight_decay)
    rng = random.Random(args.seed)
    epochs = []
    off = (args.resize - args.crop) // 2
    for epoch in range(1, args.epochs + 1):
        lr = args.lr * 0.5 * (1 + math.cos(math.pi * (epoch - 1) / args.epochs))
        for g in opt.param_groups:
            g["lr"] = lr
        m.train()
        order = list(range(len(tx)))
        rng.shuffle(order)
        t0 = time.perf_counter()
        compute = 0.0
        loss_sum, seen = 0.0, 0
        for start in range(0, len(order), args.batch):
            idx = order[start:start + args.batch]
            if len(idx) == 1 and start > 0:
                break
            crops = numpy.empty((len(idx), args.crop, args.crop, 3), dtype=numpy.uint8)
            for k, i in enumerate(idx):
                x0 = rng.randint(0, args.resize - args.crop)
                y0 = rng.randint(0, args.resize - args.crop)
                c = tx[i, y0:y0 + args.crop, x0:x0 + args.crop]
                crops[k] = c[:, ::-1] if rng.random() < 0.5 else c
            x = normalise(crops, mean, std)
            y = torch.from_numpy(ty[idx]).long()
            t1 = time.perf_counter()
            opt.zero_grad()
            loss = torch.nn.functional.cross_entropy(m(x), y)
            loss.backward()
            opt.step()
            compute += time.perf_counter() - t1
            loss_sum += loss.item() * len(idx)
            seen += len(idx)
        train_seconds = time.perf_counter() - t0
        m.eval()
        correct, val_loss = 0, 0.0
        with torch.no_grad():
            for start in range(0, len(vx), args.batch):
                x = normalise(vx[start:start + args.batch, off:off + args.crop, off:off + args.crop], mean, std)
                y = torch.from_numpy(vy[start:start + args.batch]).long()
                logits = m(x)
                val_loss += torch.nn.functional.cross_entropy(logits, y, reduction="sum").item()
                correct += (logits.argmax(1) == y).sum().item()
        epochs.append({"epoch": epoch, "lr": lr, "train_loss": loss_sum / seen, "val_loss": val_loss / len(vx),
                       "val_top1": correct / len(vx), "images_per_second": seen / train_seconds,
                       "train_seconds": train_seconds, "compute_seconds": compute})
    if args.save:
        torch.save(m.state_dict(), args.save)  # the last epoch's weights, as a user's checkpoint
    best = max(epochs, key=lambda e: e["val_top1"])
    return {"val_top1": best["val_top1"], "best_epoch": best["epoch"], "epochs": epochs}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("dataset", nargs="?")
    p.add_argument("--resize", type=int, default=72)
    p.add_argument("--crop", type=int, default=64)
    p.add_argument("--epochs", type=int, default=12)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--lr", type=float, default=0.05)
    p.add_argument("--momentum", type=float, default=0.9)
    p.add_argument("--weight-decay", type=float, default=1e-4)
    p.add_argument("--mean", type=float, nargs=3, default=[127.5, 127.5, 127.5])
    p.add_argument("--std", type=float, nargs=3, default=[127.5, 127.5, 127.5])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--speed-only", type=int, default=0, help="measure this many synthetic steps instead of training")
    p.add_argument("--torchvision-pool", action="store_true", help="train with torchvision's stem pool (pad 1, floor)")
    p.add_argument("--save", help="torch.save the final state dict here")
    args = p.parse_args()
    global TORCHVISION_POOL
    TORCHVISION_POOL = args.torchvision_pool
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    print(json.dumps(speed(args) if args.speed_only else train(args)))


if __name__ == "__main__":
    main()
