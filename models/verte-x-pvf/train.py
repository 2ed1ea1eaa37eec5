#!/usr/bin/python3
"""Seed 004 (VERTE-X) prevalent-fracture score on a SYNTHETIC development cohort: the whole lateral
radiograph (xray-clahe-fullframe: 1024×512, aspect kept, CLAHE, normalised) → EfficientNet-style small
CNN → probability of a prevalent vertebral fracture. Usage: /usr/bin/python3 models/verte-x-pvf/train.py <data-dir> <out-dir>"""
import json, os, sys
import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from net import PvfNet
from common import Log, auroc, export_onnx, load_development, seed_everything, split

SEED = 20261123
data_dir, out_dir = sys.argv[1], sys.argv[2]
seed_everything(SEED)
torch.set_num_threads(max(1, os.cpu_count() or 1))
spec, arrays, y = load_development(data_dir)
label = y["prevalent"].astype(np.float32)
n = len(label)
train, tune = split(n, SEED)


images = torch.from_numpy(arrays["image"])
target = torch.from_numpy(label)
model = PvfNet()
optimiser = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
log = Log(os.path.join(out_dir, "training-log.json"))


def predict(idx):
    model.eval()
    with torch.no_grad():
        return torch.cat([model(images[idx[k:k + 32]]) for k in range(0, len(idx), 32)]).squeeze(1).numpy()


best, best_state, patience = -1.0, None, 0
for epoch in range(20):
    model.train()
    order = np.random.permutation(train)
    losses = []
    for k in range(0, len(order), 16):
        idx = order[k:k + 16]
        p = model(images[idx]).squeeze(1).clamp(1e-6, 1 - 1e-6)
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
        if patience >= 5:
            break
model.load_state_dict(best_state)
torch.save(best_state, os.path.join(out_dir, "pytorch-weights.pt"))  # for npm run bench:inference (PyTorch vs onnxruntime)
export_onnx(model, [images[:2]], ["image"], ["pvf_score"], os.path.join(out_dir, "model.onnx"))
log.save(bestTuneAuroc=best, train=len(train), tune=len(tune), seed=SEED)
json.dump({
    "clinicalMean": [], "clinicalSd": [], "threshold": 0.5,
    "developmentMetrics": {"tuneAurocPrevalent": float(best), "n": int(n), "prevalent": int(label.sum()), "trainN": int(len(train)), "tuneN": int(len(tune))},
}, open(os.path.join(out_dir, "training.json"), "w"), indent=2)
