#!/usr/bin/python3
"""Seed 000 DeepSurv on a SYNTHETIC development cohort: L1–L5 patches (xray-vertebral-patches) +
standardised clinical features → log-hazard, trained with the Cox partial likelihood.
Usage: /usr/bin/python3 models/xray-deepsurv/train.py <data-dir> <out-dir>   (build.ts calls it)"""
import json, os, sys
import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from net import DeepSurv
from common import Log, cox_loss, export_onnx, fit, harrell_c, load_development, predict, seed_everything, split, standardise

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
log = Log(os.path.join(out_dir, "training-log.json"))
best, best_state = fit(
    model, train, batch_size=256, max_epochs=40, patience=8,  # large batches: the Cox loss needs risk sets
    loss_of=lambda idx: cox_loss(model(patches[idx], clin[idx]).squeeze(1), time_[idx], event[idx]),
    tune_score=lambda: harrell_c(y["time"][tune], y["event"][tune], predict(model, [patches, clin], tune, 256)), score_name="tuneHarrellC", log=log,
)
torch.save(best_state, os.path.join(out_dir, "pytorch-weights.pt"))  # for npm run bench:inference (PyTorch vs onnxruntime)

# Breslow baseline cumulative hazard on the training split at log-hazard 0 (the manifest's reference).
lp = predict(model, [patches, clin], train, 256)
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
