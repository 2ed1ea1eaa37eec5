#!/usr/bin/python3
"""Seed 004 (VERTE-X) prevalent-fracture score on a SYNTHETIC development cohort: the whole lateral
radiograph (xray-clahe-fullframe: 1024×512, aspect kept, CLAHE, normalised) → EfficientNet-style small
CNN → probability of a prevalent vertebral fracture. Usage: /usr/bin/python3 models/verte-x-pvf/train.py <data-dir> <out-dir>"""
import json, os, sys
import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from net import PvfNet
from common import Log, auroc, binary_cross_entropy, export_onnx, fit, load_development, predict, seed_everything, split

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
log = Log(os.path.join(out_dir, "training-log.json"))
best, best_state = fit(
    model, train, batch_size=16, max_epochs=20, patience=5,
    loss_of=lambda idx: binary_cross_entropy(model(images[idx]).squeeze(1), target[idx]),
    tune_score=lambda: auroc(predict(model, [images], tune, 32), label[tune]), score_name="tuneAuroc", log=log,
)
torch.save(best_state, os.path.join(out_dir, "pytorch-weights.pt"))  # for npm run bench:inference (PyTorch vs onnxruntime)
export_onnx(model, [images[:2]], ["image"], ["pvf_score"], os.path.join(out_dir, "model.onnx"))
log.save(bestTuneAuroc=best, train=len(train), tune=len(tune), seed=SEED)
json.dump({
    "clinicalMean": [], "clinicalSd": [], "threshold": 0.5,
    "developmentMetrics": {"tuneAurocPrevalent": float(best), "n": int(n), "prevalent": int(label.sum()), "trainN": int(len(train)), "tuneN": int(len(tune))},
}, open(os.path.join(out_dir, "training.json"), "w"), indent=2)
