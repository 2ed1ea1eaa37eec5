#!/usr/bin/python3
"""Seed 001 CNN-RNN on a SYNTHETIC development cohort: 14 equidistant T12–L4 slices
(ct-bone-muscle-slices) → per-slice CNN with spatial attention (bone crop, and bone+muscle crop
unless --inputs bone) → GRU over slices → attention over slices → probability of a vertebral fracture
within 5 years. Usage: /usr/bin/python3 models/ct-bone-muscle/train.py <data-dir> <out-dir> --inputs bone[,bone_muscle]"""
import argparse, json, os, sys
import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from net import CnnRnn
from common import Log, auroc, binary_cross_entropy, export_onnx, fit, load_development, predict, seed_everything, split

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
log = Log(os.path.join(args.out_dir, "training-log.json"))
best, best_state = fit(
    model, train, batch_size=32, max_epochs=30, patience=6,
    loss_of=lambda idx: binary_cross_entropy(model(*[t[idx] for t in tensors]).squeeze(1), target[idx]),
    tune_score=lambda: auroc(predict(model, tensors, tune, 32), label[tune]), score_name="tuneAuroc", log=log,
)
torch.save(best_state, os.path.join(args.out_dir, "pytorch-weights.pt"))  # for npm run bench:inference (PyTorch vs onnxruntime)
export_onnx(model, [t[:2] for t in tensors], inputs, ["fracture_5y"], os.path.join(args.out_dir, "model.onnx"))
log.save(bestTuneAuroc=best, train=len(train), tune=len(tune), seed=SEED, inputs=inputs)
json.dump({
    "clinicalMean": [], "clinicalSd": [],
    "developmentMetrics": {"tuneAuroc5y": float(best), "n": int(n), "events5y": int(label.sum()), "trainN": int(len(train)), "tuneN": int(len(tune))},
}, open(os.path.join(args.out_dir, "training.json"), "w"), indent=2)
