"""Shared training helpers for the reference models (Debian python3-torch 1.13, python3-numpy).
Reads what prepare.ts wrote (spec.json, <input>.<shard>.f32, outcomes.<shard>.json), splits the
development cohort into train / tune, and exports ONNX (opset 13, dynamic batch)."""
import json, os, random, time
import numpy as np
import torch


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def load_development(data_dir):
    spec = json.load(open(os.path.join(data_dir, "spec.json")))
    shards = spec["shards"]
    outcomes = []
    for k in range(shards):
        outcomes += json.load(open(os.path.join(data_dir, f"outcomes.{k}.json")))
    n = len(outcomes)
    arrays = {}
    for name, shape in list(spec["shapes"].items()) + [("clinical", [spec["clinicalCount"]])]:
        parts = [np.fromfile(os.path.join(data_dir, f"{name}.{k}.f32"), dtype=np.float32) for k in range(shards)]
        arrays[name] = np.concatenate(parts).reshape([n] + list(shape)) if shape != [0] else np.zeros((n, 0), np.float32)
    columns = {key: np.array([o[key] for o in outcomes], dtype=np.float64) for key in outcomes[0]}
    return spec, arrays, columns


def standardise(clinical, train_idx):
    mean = clinical[train_idx].mean(0)
    sd = clinical[train_idx].std(0, ddof=1)
    sd[sd == 0] = 1
    return (clinical - mean) / sd, mean, sd


def split(n, seed, tune_share=0.2):
    rng = np.random.RandomState(seed)
    order = rng.permutation(n)
    cut = int(round(n * (1 - tune_share)))
    return np.sort(order[:cut]), np.sort(order[cut:])


def harrell_c(time_, event, score):
    """O(n²) Harrell's C for monitoring training only; the reported metrics come from packages/stats."""
    conc = disc = ties = 0.0
    for i in np.nonzero(event)[0]:
        later = time_ > time_[i]
        conc += np.sum(score[i] > score[later])
        disc += np.sum(score[i] < score[later])
        ties += np.sum(score[i] == score[later])
    return (conc + 0.5 * ties) / max(conc + disc + ties, 1)


def auroc(score, label):
    pos = score[label == 1]
    neg = score[label == 0]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return greater / (len(pos) * len(neg))


def cox_loss(log_hazard, time_, event):
    """Negative Breslow partial log-likelihood of a (mini-)batch, mean over events."""
    order = torch.argsort(time_, descending=True)
    lh = log_hazard[order]
    ev = event[order]
    log_risk = torch.logcumsumexp(lh, dim=0)
    return -torch.sum((lh - log_risk) * ev) / torch.clamp(ev.sum(), min=1)


def binary_cross_entropy(p, target):
    """Unweighted cross-entropy on probabilities clamped away from 0 and 1, so the output stays a probability."""
    p = p.clamp(1e-6, 1 - 1e-6)
    return -torch.mean(target * torch.log(p) + (1 - target) * torch.log1p(-p))


def predict(model, tensors, idx, chunk):
    """The model's first output column for the patients idx, in chunks of `chunk`, in eval mode."""
    model.eval()
    with torch.no_grad():
        return torch.cat([model(*[t[idx[k:k + chunk]] for t in tensors]) for k in range(0, len(idx), chunk)]).squeeze(1).numpy()


def fit(model, train, batch_size, max_epochs, patience, loss_of, tune_score, score_name, log):
    """Mini-batch AdamW (lr 2e-3, weight decay 1e-4) over shuffled training indices, with early stopping
    on the tune split: stops after `patience` epochs without a better tune score and leaves the model at
    its best epoch. loss_of(batch indices) → loss tensor; tune_score() → float. Returns (best score, best weights)."""
    optimiser = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
    best, best_state, waited = -1.0, None, 0
    for epoch in range(max_epochs):
        model.train()
        order = np.random.permutation(train)
        losses = []
        for k in range(0, len(order), batch_size):
            loss = loss_of(order[k:k + batch_size])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            losses.append(loss.item())
        score = tune_score()
        log.epoch(epoch=epoch, loss=float(np.mean(losses)), **{score_name: float(score)})
        if score > best:
            best, best_state, waited = score, {k: v.clone() for k, v in model.state_dict().items()}, 0
        else:
            waited += 1
            if waited >= patience:
                break
    model.load_state_dict(best_state)
    return best, best_state


def export_onnx(model, example_inputs, input_names, output_names, path):
    model.eval()
    torch.onnx.export(
        model, tuple(example_inputs), path, input_names=input_names, output_names=output_names,
        dynamic_axes={name: {0: "batch"} for name in input_names + output_names}, opset_version=13, do_constant_folding=True,
    )
    import onnx
    onnx.checker.check_model(onnx.load(path))


class Log:
    def __init__(self, path):
        self.path = path
        self.started = time.time()
        self.entries = {"torch": torch.__version__, "threads": torch.get_num_threads(), "epochs": []}

    def epoch(self, **values):
        values["seconds"] = round(time.time() - self.started, 1)
        self.entries["epochs"].append(values)
        print(json.dumps(values), flush=True)

    def save(self, **values):
        self.entries.update(values)
        self.entries["seconds"] = round(time.time() - self.started, 1)
        json.dump(self.entries, open(self.path, "w"), indent=2)
