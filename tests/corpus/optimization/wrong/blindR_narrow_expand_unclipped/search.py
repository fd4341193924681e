"""Random hyper-parameter search on a log scale, and narrowing the ranges around the best results."""

import math

import numpy as np


def _check_ranges(ranges):
    """ValueError unless every range is (low, high) with 0 < low < high."""
    for name, bounds in ranges.items():
        try:
            low, high = bounds
        except (TypeError, ValueError):
            raise ValueError(f"range of {name!r} must be (low, high), got {bounds!r}")
        if not (0 < low < high):
            raise ValueError(f"range of {name!r} must have 0 < low < high, got ({low!r}, {high!r})")


def sample_hyperparameters(n, ranges, seed=None):
    """`n` random settings, each parameter drawn LOG-uniformly in its range."""
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n!r}")
    _check_ranges(ranges)
    rng = np.random.default_rng(seed)
    settings = []
    for _ in range(n):
        setting = {}
        for name, (low, high) in ranges.items():
            u = rng.uniform(math.log10(low), math.log10(high))
            setting[name] = float(10 ** u)
        settings.append(setting)
    return settings


def narrow(results, ranges, keep):
    """Shrink each range to what the best results used."""
    if keep < 1:
        raise ValueError(f"keep must be >= 1, got {keep!r}")
    if not results:
        raise ValueError("no results to narrow from")
    _check_ranges(ranges)
    best = sorted(results, key=lambda r: r[1], reverse=True)[:keep]
    new = {}
    for name, (low, high) in ranges.items():
        values = [setting[name] for setting, _ in best]
        lo, hi = min(values), max(values)
        lo, hi = max(lo, low), min(hi, high)
        if lo == hi:
            lo, hi = lo / math.sqrt(10), hi * math.sqrt(10)
        new[name] = (lo, hi)
    return new
