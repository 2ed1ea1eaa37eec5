"""The network of ct-bone-muscle and ct-bone-only (imported by train.py and by models/reference/bench_torch.py)."""
import torch
from torch import nn


class SliceEncoder(nn.Module):
    """Small CNN over one slice crop, pooled by a learned spatial attention map."""
    def __init__(self):
        super().__init__()
        def block(cin, cout):
            return nn.Sequential(nn.Conv2d(cin, cout, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU())
        self.features = nn.Sequential(block(1, 8), block(8, 16), block(16, 32))
        self.attention = nn.Conv2d(32, 1, 1)

    def forward(self, x):
        f = self.features(x)
        weights = torch.softmax(self.attention(f).flatten(2), dim=2)
        return torch.sum(f.flatten(2) * weights, dim=2)


class CnnRnn(nn.Module):
    def __init__(self, branches):
        super().__init__()
        self.encoders = nn.ModuleList([SliceEncoder() for _ in branches])
        self.gru = nn.GRU(32 * len(branches), 32, batch_first=True)
        self.slice_attention = nn.Linear(32, 1)
        self.out = nn.Linear(32, 1)

    def forward(self, *crops):
        slices = crops[0].shape[1]
        per_slice = [enc(c.reshape(-1, 1, c.shape[2], c.shape[3])).reshape(-1, slices, 32) for enc, c in zip(self.encoders, crops)]
        h, _ = self.gru(torch.cat(per_slice, 2))
        weights = torch.softmax(self.slice_attention(h), dim=1)
        return torch.sigmoid(self.out(torch.sum(h * weights, dim=1)))
