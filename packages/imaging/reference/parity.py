#!/usr/bin/python3
"""Reference outputs of the preprocessing steps, computed with numpy / scikit-image (Debian:
python3-numpy python3-skimage). Run: /usr/bin/python3 packages/imaging/reference/parity.py
Writes parity.json beside this file: the inputs, the calls and the outputs, with versions.
The TypeScript test requires max |difference| <= 1e-4 (float32 there, float64 here)."""
import json, os, sys
import numpy as np
import skimage
from skimage.transform import resize
from skimage.exposure import equalize_adapthist

rng = np.random.RandomState(7)
img = rng.uniform(-1000, 1500, size=(37, 23))

def sk_resize(x, shape):
    return resize(x, shape, order=1, mode="edge", anti_aliasing=False, preserve_range=True)

def keep_aspect(x, rows, cols):
    scale = min(rows / x.shape[0], cols / x.shape[1])
    cr, cc = max(1, int(np.floor(x.shape[0] * scale + 0.5))), max(1, int(np.floor(x.shape[1] * scale + 0.5)))
    content = sk_resize(x, (cr, cc))
    out = np.zeros((rows, cols))
    top, left = (rows - cr) // 2, (cols - cc) // 2
    out[top:top + cr, left:left + cc] = content
    return out

def crop(x, cr, cc, rows, cols):
    out = np.zeros((rows, cols))
    top, left = int(round(cr)) - rows // 2, int(round(cc)) - cols // 2
    for r in range(rows):
        for c in range(cols):
            y, xx = top + r, left + c
            if 0 <= y < x.shape[0] and 0 <= xx < x.shape[1]:
                out[r, c] = x[y, xx]
    return out

window = np.clip((img + 200) / 1200, 0, 1) * 2 - 1
minmax = (img - img.min()) / (img.max() - img.min())
resample_shape = (int(round(37 * 0.7 / 1.0)), int(round(23 * 0.7 / 1.0)))
# CLAHE inputs in [0, 1], float32 (as the pipelines pass them): noise with a gradient, and a
# radiograph-like image (smooth background, bright blocks, zero padding) of a realistic shape.
clahe_input = np.clip(rng.uniform(0, 1, size=(61, 47)) * 0.3 + np.linspace(0, 0.7, 47)[None, :], 0, 1).astype(np.float32)
yy, xx = np.mgrid[0:256, 0:128]
clahe_radiograph = (0.3 + 0.2 * np.sin(yy / 40.0) + 0.1 * rng.uniform(0, 1, size=(256, 128)))
for top in range(20, 240, 45):
    clahe_radiograph[top:top + 30, 50:95] += 0.35
clahe_radiograph[:, :10] = 0
clahe_radiograph = np.clip(clahe_radiograph, 0, 1).astype(np.float32)

result = {
    "generatedBy": "packages/imaging/reference/parity.py",
    "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "skimage": skimage.__version__},
    "calls": {
        "window": "np.clip((x + 200) / 1200, 0, 1) * 2 - 1",
        "minmax": "(x - x.min()) / (x.max() - x.min())",
        "resize": "skimage.transform.resize(x, (64, 40), order=1, mode='edge', anti_aliasing=False, preserve_range=True)",
        "keepAspect": "resize to fit 48x48 keeping aspect (sizes rounded half up), centred, zero padded",
        "crop": "16x16 crop centred at (5, 20), zeros outside",
        "resample": "resize from 0.7 mm to 1.0 mm pixels (shape rounded)",
        "clahe": "skimage.exposure.equalize_adapthist(x (float32 in [0, 1]), kernel_size, clip_limit, nbins)",
        "equidistant": "np.round(np.linspace(0, n - 1, count)).astype(int)",
    },
    "input": {"rows": 37, "columns": 23, "data": img.ravel().tolist()},
    "window": window.ravel().tolist(),
    "minmax": minmax.ravel().tolist(),
    "resize": sk_resize(img, (64, 40)).ravel().tolist(),
    "keepAspect": keep_aspect(img, 48, 48).ravel().tolist(),
    "crop": crop(img, 5, 20, 16, 16).ravel().tolist(),
    "resample": {"rows": resample_shape[0], "columns": resample_shape[1], "data": sk_resize(img, resample_shape).ravel().tolist()},
    "clahe": [
        {"kernelSize": ks, "clipLimit": cl, "nbins": nb, "input": {"rows": x.shape[0], "columns": x.shape[1], "data": x.ravel().tolist()},
         "output": equalize_adapthist(x, kernel_size=ks, clip_limit=cl, nbins=nb).ravel().tolist()}
        for x, ks, cl, nb in [
            (clahe_input, None, 0.01, 256),
            (clahe_input, [13, 9], 0.03, 128),
            (clahe_input, None, 0.0, 256),
            (clahe_radiograph, None, 0.01, 256),
        ]
    ],
    "equidistant": [{"n": n, "count": k, "indices": np.round(np.linspace(0, n - 1, k)).astype(int).tolist()} for n, k in [(33, 14), (28, 14), (14, 14), (40, 14), (35, 7)]],
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "parity.json"), "w") as f:
    json.dump(result, f)
print("wrote parity.json")
