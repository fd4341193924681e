"""Random hyper-parameter search on a log scale, and narrowing the ranges around the best results."""

import heapq
import math

import numpy as np


def _check_ranges(ranges):
    """ValueError unless every range is (low, high) with 0 < low < high."""
    bad = [(k, lh) for k, lh in ranges.items() if len(lh) != 2 or not 0 < lh[0] < lh[1]]
    if bad:
        name, got = bad[0]
        raise ValueError(f"invalid range for {name}: {got} (need 0 < low < high)")


def sample_hyperparameters(n, ranges, seed=None):
    """`n` random settings, each parameter drawn LOG-uniformly in its range."""
    if not n >= 1:
        raise ValueError(f"n must be >= 1 (got {n})")
    _check_ranges(ranges)
    gen = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        d = {}
        for name, (low, high) in ranges.items():
            a, b = math.log10(low), math.log10(high)
            d[name] = 10.0 ** (a + (b - a) * gen.random())   # = 10 ** U(a, b)
        out.append(d)
    return out


def narrow(results, ranges, keep):
    """Shrink each range to what the best results used."""
    if keep < 1:
        raise ValueError(f"keep must be >= 1 (got {keep})")
    if not results:
        raise ValueError("need at least one result")
    _check_ranges(ranges)
    best = heapq.nlargest(keep, results, key=lambda r: r[1])   # same as sorted(..., reverse=True)[:keep]
    new_ranges = {}
    for name, (low, high) in ranges.items():
        used = [setting[name] for setting, _score in best]
        lo, hi = min(used), max(used)
        if lo == hi:
            half_decade = math.sqrt(10.0)
            lo, hi = lo / half_decade, hi * half_decade
        new_ranges[name] = (max(low, lo), min(high, hi))
    return new_ranges
