"""Random hyper-parameter search on a log scale, and narrowing the ranges around the best results."""

import math

import numpy as np


def _check_ranges(ranges):
    """ValueError unless every range is (low, high) with 0 < low < high."""
    for name, (low, high) in ranges.items():
        if low <= 0:
            raise ValueError(f"range '{name}': low must be > 0, received ({low}, {high})")
        if high <= low:
            raise ValueError(f"range '{name}': high must be > low, received ({low}, {high})")


def sample_hyperparameters(n, ranges, seed=None):
    """`n` random settings, each parameter drawn LOG-uniformly in its range."""
    if n < 1:
        raise ValueError(f"n must be >= 1, received {n}")
    _check_ranges(ranges)
    rng = np.random.default_rng(seed)
    log_bounds = {name: (math.log10(lo), math.log10(hi)) for name, (lo, hi) in ranges.items()}
    samples = []
    while len(samples) < n:
        samples.append({name: float(np.power(10.0, rng.uniform(a, b))) for name, (a, b) in log_bounds.items()})
    return samples


def narrow(results, ranges, keep):
    """Shrink each range to what the best results used."""
    if keep < 1:
        raise ValueError(f"keep must be >= 1, received {keep}")
    if len(results) == 0:
        raise ValueError("results must not be empty")
    _check_ranges(ranges)
    # (점수 내림차순, 같으면 먼저 나온 것 우선)
    order = sorted(range(len(results)), key=lambda i: (-results[i][1], i))
    chosen = [results[i][0] for i in order[:keep]]
    narrowed = {}
    for name, (low, high) in ranges.items():
        vals = sorted(s[name] for s in chosen)
        new_low, new_high = vals[0], vals[-1]
        if new_low == new_high:
            f = math.sqrt(10)
            new_low, new_high = new_low / f, new_high * f
        narrowed[name] = (min(max(new_low, low), high), max(min(new_high, high), low))
    return narrowed

