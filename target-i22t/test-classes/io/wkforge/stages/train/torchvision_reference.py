"""Independent reference for wkforge's ResNet-18: torchvision's resnet18 with the stem pool set to
what NNIE computes (k3 s2 pad 0, ceil mode), fed the weights and inputs the Java test wrote.

usage: torchvision_reference.py WORK_DIR
reads  WORK_DIR/case.safetensors  (weights as `w/<name>`, `input`, `labels`, plus metadata)
writes WORK_DIR/reference.npz     (eval logits, train-mode logits, running stats after one
                                   training forward, weights after the optimizer steps)
Only numpy, torch and torchvision are needed (the safetensors header is parsed here).
"""
import json
import struct
import sys

import numpy
import torch
import torchvision


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    meta = header.pop("__metadata__", {})
    out = {}
    for name, e in header.items():
        a, b = e["data_offsets"]
        out[name] = numpy.frombuffer(raw[8 + n + a:8 + n + b], dtype="<f4").reshape(e["shape"]).copy()
    return out, meta


def model(num_classes, weights):
    m = torchvision.models.resnet18(num_classes=num_classes)
    m.maxpool = torch.nn.MaxPool2d(kernel_size=3, stride=2, padding=0, ceil_mode=True)
    state = {k: torch.from_numpy(v) for k, v in weights.items()}
    missing, unexpected = m.load_state_dict(state, strict=False)
    assert not unexpected, unexpected
    assert all(k.endswith("num_batches_tracked") for k in missing), missing
    return m


def main(work):
    torch.set_num_threads(1)
    tensors, meta = read_safetensors(work + "/case.safetensors")
    weights = {k[2:]: v for k, v in tensors.items() if k.startswith("w/")}
    x = torch.from_numpy(tensors["input"])
    labels = torch.from_numpy(tensors["labels"]).long()
    classes = int(meta["num_classes"])
    out = {}

    m = model(classes, weights).eval()
    with torch.no_grad():
        out["eval_logits"] = m(x).numpy()

    m = model(classes, weights).train()
    with torch.no_grad():
        out["train_logits"] = m(x).numpy()
    for k, v in m.state_dict().items():
        if k.endswith("running_mean") or k.endswith("running_var"):
            out["stats/" + k] = v.numpy()

    for opt in json.loads(meta["optimizers"]):
        m = model(classes, weights).train()
        kind, lrs = opt["kind"], opt["lrs"]
        if kind == "sgd":
            o = torch.optim.SGD(m.parameters(), lr=lrs[0], momentum=opt["momentum"], weight_decay=opt["weight_decay"])
        elif kind == "adam":
            o = torch.optim.Adam(m.parameters(), lr=lrs[0], weight_decay=opt["weight_decay"])
        else:
            o = torch.optim.AdamW(m.parameters(), lr=lrs[0], weight_decay=opt["weight_decay"])
        for lr in lrs:
            for g in o.param_groups:
                g["lr"] = lr
            o.zero_grad()
            torch.nn.functional.cross_entropy(m(x), labels).backward()
            o.step()
        for k, v in m.state_dict().items():
            if not k.endswith("num_batches_tracked"):
                out[kind + "/" + k] = v.detach().numpy()

    numpy.savez(work + "/reference.npz", **out)


if __name__ == "__main__":
    main(sys.argv[1])
