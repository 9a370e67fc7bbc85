"""Independent forward pass for the Caffe export tests: torchvision's resnet18 in PyTorch.

Reads a job file (JSON list of cases); for each case loads the weights from a safetensors file
with a few lines of numpy (no wkforge code involved), builds torchvision's resnet18 with NNIE's
stem pooling (kernel 3, stride 2, pad 0, ceil mode), runs the normalised inputs through it and
writes the logits and softmax probabilities as raw little-endian float32 (and the forward pass's
seconds, for the benchmark).
"""
import json
import struct
import sys
import time

import numpy as np
import torch
import torchvision


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    body = raw[8 + n:]
    out = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        assert entry["dtype"] == "F32", entry["dtype"]
        begin, end = entry["data_offsets"]
        out[name] = torch.from_numpy(np.frombuffer(body[begin:end], dtype="<f4").reshape(entry["shape"]).copy())
    return out


def main(job_file):
    torch.set_num_threads(2)
    with open(job_file) as f:
        cases = json.load(f)
    for case in cases:
        net = torchvision.models.resnet18(num_classes=case["num_classes"])
        net.maxpool = torch.nn.MaxPool2d(kernel_size=3, stride=2, padding=0, ceil_mode=True)
        for m in net.modules():
            if isinstance(m, torch.nn.BatchNorm2d):
                m.eps = case["batchnorm_eps"]
        state = read_safetensors(case["weights"])
        missing, unexpected = net.load_state_dict(state, strict=False)
        missing = [k for k in missing if not k.endswith("num_batches_tracked")]
        assert not missing and not unexpected, (missing, unexpected)
        net.eval()
        n, c, h, w = case["input_shape"]
        x = np.fromfile(case["input"], dtype="<f4").reshape(n, c, h, w)
        with torch.no_grad():
            start = time.perf_counter()
            logits = net(torch.from_numpy(x.copy()))
            seconds = time.perf_counter() - start
            probs = torch.softmax(logits, dim=1)
        logits.numpy().astype("<f4").tofile(case["logits"])
        probs.numpy().astype("<f4").tofile(case["probs"])
        if "timing" in case:
            with open(case["timing"], "w") as f:
                f.write("%.6f\n" % seconds)
    print("torch", torch.__version__, "torchvision", torchvision.__version__)


if __name__ == "__main__":
    main(sys.argv[1])
