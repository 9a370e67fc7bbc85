"""Writes the torch.save files TorchCheckpointTest reads, with Debian's PyTorch; downloads nothing.

A 4-class torchvision resnet18 (weights=None, seeded) with BatchNorm statistics moved away from
0 and 1, saved the ways users save it, plus files wkforge must refuse, plus an input batch and
PyTorch's logits for it with torchvision's stem pool and with NNIE's (pad 0, ceil).
"""
import collections, os, sys
import torch, torchvision

torch.manual_seed(7)
m = torchvision.models.resnet18(weights=None, num_classes=4)
m.train()
with torch.no_grad():
    for _ in range(2):
        m(torch.randn(4, 3, 64, 64))
m.eval()
sd = m.state_dict()

torch.save(sd, "tv_zip.pth")
torch.save(sd, "tv_legacy.pth", _use_new_zipfile_serialization=False)
torch.save(collections.OrderedDict(("module." + k, v) for k, v in sd.items()), "dp.pth")
mm = collections.OrderedDict()
for k, v in sd.items():
    mm[("head." + k) if k.startswith("fc.") else ("backbone." + k)] = v
names = ["red_disk", "green_square", "blue_triangle", "background"]
torch.save({"meta": {"CLASSES": names, "epoch": 3, "mmcls_version": "0.25.0"}, "state_dict": mm}, "mmcls.pth")
torch.save({"meta": {"CLASSES": list(reversed(names))}, "state_dict": mm}, "mmcls_reordered.pth",
           _use_new_zipfile_serialization=False)
torch.save(m, "whole_model.pth")
half = collections.OrderedDict(sd)
half["conv1.weight"] = sd["conv1.weight"].half()
torch.save(half, "half.pth")
int8 = collections.OrderedDict(sd)
int8["conv1.weight"] = (sd["conv1.weight"] * 100).to(torch.int8)
torch.save(int8, "int8.pth")


class Payload:
    """Unpickling this runs a shell command (creates ./MARKER): what a malicious file does."""
    def __reduce__(self):
        return (os.system, ("touch " + os.path.abspath("MARKER"),))


evil = collections.OrderedDict(sd)
evil["payload"] = Payload()
torch.save(evil, "evil.pth")
torch.save(evil, "evil_legacy.pth", _use_new_zipfile_serialization=False)
assert not os.path.exists("MARKER")

x = torch.randn(2, 3, 64, 64)
x.numpy().astype("<f4").tofile("input.bin")
with torch.no_grad():
    m(x).numpy().astype("<f4").tofile("logits_pytorch.bin")
    m.maxpool = torch.nn.MaxPool2d(kernel_size=3, stride=2, padding=0, ceil_mode=True)
    m(x).numpy().astype("<f4").tofile("logits_nnie.bin")
sd["layer4.1.bn2.running_var"].numpy().astype("<f4").tofile("running_var.bin")
sd["conv1.weight"].numpy().astype("<f4").tofile("conv1.bin")
