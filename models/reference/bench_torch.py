#!/usr/bin/python3
"""PyTorch eager (CPU) side of `npm run bench:inference`: the same weights as the ONNX file (saved by
train.py as pytorch-weights.pt), the same preprocessed inputs (written by the TypeScript bench), timed
at the same batch sizes and thread count. Prints one JSON line: ms per batch and the largest
|PyTorch − onnxruntime| output difference (which shows the weights are the same).
Usage: bench_torch.py <family> <version-dir> <inputs-dir> <threads> <batch,batch,…>"""
import json, os, sys, time
import numpy as np
import torch

family, version_dir, inputs_dir, threads, batches = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), [int(b) for b in sys.argv[5].split(",")]
torch.set_num_threads(threads)
here = os.path.dirname(os.path.abspath(__file__))
meta = json.load(open(os.path.join(inputs_dir, "inputs.json")))
inputs = [torch.from_numpy(np.fromfile(os.path.join(inputs_dir, f"{i['name']}.f32"), dtype=np.float32).reshape(i["shape"])) for i in meta["inputs"]]
names = [i["name"] for i in meta["inputs"]]

sys.path.insert(0, os.path.join(here, "..", "ct-bone-muscle" if family.startswith("ct-") else family))
import net  # noqa: E402
if family == "xray-deepsurv":
    model = net.DeepSurv(inputs[0].shape[1], inputs[1].shape[1])
elif family.startswith("ct-"):
    model = net.CnnRnn([n for n in names])
else:
    model = net.PvfNet()
model.load_state_dict(torch.load(os.path.join(version_dir, "pytorch-weights.pt")))
model.eval()

result = {"torch": torch.__version__, "threads": threads, "msPerBatch": {}}
with torch.no_grad():
    reference = np.fromfile(os.path.join(inputs_dir, "ort-output.f32"), dtype=np.float32)
    ours = model(*inputs).reshape(-1).numpy()
    result["maxAbsDiff"] = float(np.max(np.abs(ours - reference)))
    for b in batches:
        feed = [x[:b] for x in inputs]
        for _ in range(2):
            model(*feed)
        reps, start = 0, time.perf_counter()
        while reps < 3 or time.perf_counter() - start < 1.0:
            model(*feed)
            reps += 1
        result["msPerBatch"][str(b)] = (time.perf_counter() - start) * 1000 / reps
print(json.dumps(result))
