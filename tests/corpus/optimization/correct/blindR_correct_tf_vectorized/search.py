"""Random hyper-parameter search on a log scale, and narrowing the ranges around the best results."""

import math

import numpy as np


def _check_ranges(ranges):
    """ValueError unless every range is (low, high) with 0 < low < high."""
    for name in ranges:
        low, high = ranges[name]
        if low <= 0 or high <= 0:
            raise ValueError(f"{name}: bounds must be positive for a log scale, got low={low}, high={high}")
        if low >= high:
            raise ValueError(f"{name}: need low < high, got low={low}, high={high}")


def sample_hyperparameters(n, ranges, seed=None):
    """`n` random settings, each parameter drawn LOG-uniformly in its range (vectorised)."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    _check_ranges(ranges)
    names = list(ranges)
    lo = np.log10(np.array([ranges[k][0] for k in names], dtype=np.float64))
    hi = np.log10(np.array([ranges[k][1] for k in names], dtype=np.float64))
    rng = np.random.default_rng(seed)
    exps = rng.uniform(lo, hi, size=(n, len(names)))     # row i = setting i
    vals = np.power(10.0, exps)
    return [{k: float(row[j]) for j, k in enumerate(names)} for row in vals]


def narrow(results, ranges, keep):
    """Shrink each range to what the best results used."""
    if keep < 1:
        raise ValueError(f"keep must be at least 1, got {keep}")
    if len(results) == 0:
        raise ValueError("results is empty")
    _check_ranges(ranges)
    ranked = sorted(results, key=lambda pair: -pair[1])   # stable: ties keep their order
    top = ranked[:keep]
    half = math.sqrt(10.0)
    out = {}
    for name, (low, high) in ranges.items():
        col = np.array([s[name] for s, _ in top], dtype=np.float64)
        a, b = float(col.min()), float(col.max())
        if a == b:
            a, b = a / half, b * half
        out[name] = (float(np.clip(a, low, high)), float(np.clip(b, low, high)))
    return out
