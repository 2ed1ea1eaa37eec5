#!/usr/bin/python3
"""Seed 000 DeepSurv on a SYNTHETIC development cohort: L1–L5 patches (xray-vertebral-patches) +
standardised clinical features → log-hazard, trained with the Cox partial likelihood.
Usage: /usr/bin/python3 models/xray-deepsurv/train.py <data-dir> <out-dir>   (build.ts calls it)"""
import json, os, sys
import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from net import DeepSurv
from common import Log, cox_loss, export_onnx, harrell_c, load_development, seed_everything, split, standardise

SEED = 20261123
data_dir, out_dir = sys.argv[1], sys.argv[2]
seed_everything(SEED)
torch.set_num_threads(max(1, os.cpu_count() or 1))
spec, arrays, y = load_development(data_dir)
n = len(y["time"])
train, tune = split(n, SEED)
clinical, mean, sd = standardise(arrays["clinical"], train)


patches = torch.from_numpy(arrays["patches"])
clin = torch.from_numpy(clinical.astype(np.float32))
time_ = torch.from_numpy(y["time"].astype(np.float32))
event = torch.from_numpy(y["event"].astype(np.float32))
model = DeepSurv(patches.shape[1], clin.shape[1])
optimiser = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
log = Log(os.path.join(out_dir, "training-log.json"))


def predict(idx):
    model.eval()
    with torch.no_grad():
        return torch.cat([model(patches[idx[k:k + 256]], clin[idx[k:k + 256]]) for k in range(0, len(idx), 256)]).squeeze(1).numpy()


best, best_state, patience = -1.0, None, 0
for epoch in range(40):
    model.train()
    order = np.random.permutation(train)
    losses = []
    for k in range(0, len(order), 256):  # large batches: the Cox loss needs risk sets
        idx = order[k:k + 256]
        loss = cox_loss(model(patches[idx], clin[idx]).squeeze(1), time_[idx], event[idx])
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        losses.append(loss.item())
    c = harrell_c(y["time"][tune], y["event"][tune], predict(tune))
    log.epoch(epoch=epoch, loss=float(np.mean(losses)), tuneHarrellC=float(c))
    if c > best:
        best, best_state, patience = c, {k: v.clone() for k, v in model.state_dict().items()}, 0
    else:
        patience += 1
        if patience >= 8:
            break
model.load_state_dict(best_state)
torch.save(best_state, os.path.join(out_dir, "pytorch-weights.pt"))  # for npm run bench:inference (PyTorch vs onnxruntime)

# Breslow baseline cumulative hazard on the training split at log-hazard 0 (the manifest's reference).
lp = predict(train)
t_train, e_train = y["time"][train], y["event"][train]
risk = np.exp(lp)
hazard = {}
for days in (365, 1826, 3652):
    h = 0.0
    for t in np.unique(t_train[(e_train == 1) & (t_train <= days)]):
        h += np.sum((t_train == t) & (e_train == 1)) / np.sum(risk[t_train >= t])
    hazard[days] = h
export_onnx(model, [patches[:2], clin[:2]], ["patches", "clinical"], ["log_hazard"], os.path.join(out_dir, "model.onnx"))
log.save(bestTuneHarrellC=best, train=len(train), tune=len(tune), seed=SEED)
json.dump({
    "clinicalMean": mean.tolist(), "clinicalSd": sd.tolist(),
    "baselineCumulativeHazard": [{"days": d, "value": float(v)} for d, v in hazard.items()],
    "developmentMetrics": {"tuneHarrellC": float(best), "n": int(n), "events": int(y["event"].sum()), "trainN": int(len(train)), "tuneN": int(len(tune))},
}, open(os.path.join(out_dir, "training.json"), "w"), indent=2)
