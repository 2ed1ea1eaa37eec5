#!/usr/bin/python3
"""Seed 001 CNN-RNN on a SYNTHETIC development cohort: 14 equidistant T12–L4 slices
(ct-bone-muscle-slices) → per-slice CNN with spatial attention (bone crop, and bone+muscle crop
unless --inputs bone) → GRU over slices → attention over slices → probability of a vertebral fracture
within 5 years. Usage: /usr/bin/python3 models/ct-bone-muscle/train.py <data-dir> <out-dir> --inputs bone[,bone_muscle]"""
import argparse, json, os, sys
import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from net import CnnRnn
from common import Log, auroc, export_onnx, load_development, seed_everything, split

HORIZON = 1826
SEED = 20261123
parser = argparse.ArgumentParser()
parser.add_argument("data_dir")
parser.add_argument("out_dir")
parser.add_argument("--inputs", default="bone,bone_muscle")
args = parser.parse_args()
inputs = args.inputs.split(",")
seed_everything(SEED)
torch.set_num_threads(max(1, os.cpu_count() or 1))
spec, arrays, y = load_development(args.data_dir)
# Label: fracture within 5 years; patients censored earlier without a fracture are left out of training.
label = ((y["event"] == 1) & (y["time"] <= HORIZON)).astype(np.float32)
known = (label == 1) | (y["time"] >= HORIZON)
n = len(label)
train, tune = split(n, SEED)
train, tune = train[known[train]], tune[known[tune]]


tensors = [torch.from_numpy(arrays[name]) for name in inputs]
target = torch.from_numpy(label)
model = CnnRnn(inputs)
optimiser = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
log = Log(os.path.join(args.out_dir, "training-log.json"))


def predict(idx):
    model.eval()
    with torch.no_grad():
        return torch.cat([model(*[t[idx[k:k + 32]] for t in tensors]) for k in range(0, len(idx), 32)]).squeeze(1).numpy()


best, best_state, patience = -1.0, None, 0
for epoch in range(30):
    model.train()
    order = np.random.permutation(train)
    losses = []
    for k in range(0, len(order), 32):
        idx = order[k:k + 32]
        p = model(*[t[idx] for t in tensors]).squeeze(1).clamp(1e-6, 1 - 1e-6)
        # Unweighted cross-entropy, so the output stays a probability (at the matched development prevalence).
        loss = -torch.mean(target[idx] * torch.log(p) + (1 - target[idx]) * torch.log1p(-p))
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        losses.append(loss.item())
    a = auroc(predict(tune), label[tune])
    log.epoch(epoch=epoch, loss=float(np.mean(losses)), tuneAuroc=float(a))
    if a > best:
        best, best_state, patience = a, {k: v.clone() for k, v in model.state_dict().items()}, 0
    else:
        patience += 1
        if patience >= 6:
            break
model.load_state_dict(best_state)
torch.save(best_state, os.path.join(args.out_dir, "pytorch-weights.pt"))  # for npm run bench:inference (PyTorch vs onnxruntime)
export_onnx(model, [t[:2] for t in tensors], inputs, ["fracture_5y"], os.path.join(args.out_dir, "model.onnx"))
log.save(bestTuneAuroc=best, train=len(train), tune=len(tune), seed=SEED, inputs=inputs)
json.dump({
    "clinicalMean": [], "clinicalSd": [],
    "developmentMetrics": {"tuneAuroc5y": float(best), "n": int(n), "events5y": int(label.sum()), "trainN": int(len(train)), "tuneN": int(len(tune))},
}, open(os.path.join(args.out_dir, "training.json"), "w"), indent=2)
