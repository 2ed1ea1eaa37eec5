"""The network of xray-deepsurv (imported by train.py and by models/reference/bench_torch.py)."""
import torch
from torch import nn


def block(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU())


class DeepSurv(nn.Module):
    def __init__(self, levels, clinical_count):
        super().__init__()
        self.levels = levels
        self.cnn = nn.Sequential(block(1, 8), block(8, 16), block(16, 32), block(32, 32), nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.head = nn.Sequential(nn.Linear(32 + clinical_count, 16), nn.ReLU(), nn.Dropout(0.2), nn.Linear(16, 1))

    def forward(self, patches, clinical):
        size = patches.shape[-1]
        features = self.cnn(patches.reshape(-1, 1, size, size)).reshape(-1, self.levels, 32).mean(1)
        return self.head(torch.cat([features, clinical], 1))
