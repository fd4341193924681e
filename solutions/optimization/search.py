"""Random hyper-parameter search on a log scale, and narrowing the ranges around the best results."""

import math

import numpy as np


def _check_ranges(ranges):
    """ValueError unless every range is (low, high) with 0 < low < high."""
    # TODO: check each (name, (low, high)) of the dict; raise ValueError naming the parameter and the
    # values it received.
    # BEGIN SOLUTION
    if not isinstance(ranges, dict) or not ranges:
        raise ValueError(f"`ranges` must be a non-empty dict of name -> (low, high). Received: {ranges!r}")
    for name, bounds in ranges.items():
        try:
            low, high = (float(b) for b in bounds)
        except (TypeError, ValueError):
            raise ValueError(f"The range of {name!r} must be a pair (low, high). Received: {bounds!r}") from None
        if not (low > 0 and high > 0):
            raise ValueError(f"The range of {name!r} must be positive (it is sampled on a log scale). "
                             f"Received: ({low}, {high})")
        if not low < high:
            raise ValueError(f"The range of {name!r} must have low < high. Received: ({low}, {high})")
    # END SOLUTION


def sample_hyperparameters(n, ranges, seed=None):
    """`n` random settings, each parameter drawn LOG-uniformly in its range.

    For a range (low, high): u ~ U(log10(low), log10(high)), value = 10 ** u. So a learning rate in
    (1e-6, 1e-2) is as likely to fall in [1e-6, 1e-5) as in [1e-3, 1e-2): every decade has the same
    chance, which a uniform draw on the values would not give.

    Args:
        n: int >= 1, the number of settings.
        ranges: dict name -> (low, high) with 0 < low < high, e.g.
            {"learning_rate": (1e-6, 1e-2), "weight_decay": (1e-8, 1e-4)}.
        seed: an int or None; `numpy.random.default_rng(seed)` makes the draws, so a seed reproduces them.
            (Any order of drawing is fine: the grader checks the draws' statistics and that a seed
            reproduces them, not the values of one particular order.)

    Returns:
        A list of `n` dicts name -> float, the names in the order of `ranges`.

    Raises:
        ValueError: for n < 1, or a range with low >= high or a bound <= 0.
    """
    # TODO: validate, then draw with one numpy Generator.
    # BEGIN SOLUTION
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"`n` must be an int >= 1. Received: n={n!r}")
    _check_ranges(ranges)
    rng = np.random.default_rng(seed)
    logs = {name: (math.log10(low), math.log10(high)) for name, (low, high) in ranges.items()}
    draws = {name: 10.0 ** rng.uniform(low, high, n) for name, (low, high) in logs.items()}
    return [{name: float(draws[name][i]) for name in ranges} for i in range(n)]
    # END SOLUTION


def narrow(results, ranges, keep):
    """Shrink each range to what the best results used.

    Args:
        results: a list of (setting, score) pairs: a setting is a dict as sample_hyperparameters returns,
            the score a number where larger is better (e.g. validation accuracy).
        ranges: the ranges the settings were drawn from (same names).
        keep: int >= 1, how many of the best results to keep.

    Returns:
        A new dict name -> (low, high): for each parameter, the smallest and the largest value among the
        `keep` best results (ties broken by the order of `results`), never outside the old range. When
        those values are all equal, the range is that value times (1/sqrt(10), sqrt(10)) (half a decade on
        each side), clipped to the old range.

    Raises:
        ValueError: for keep < 1, no results, or bad ranges.
    """
    # TODO: validate; sort the results by score (best first, stable); take the first `keep`; build the new
    # ranges as the docstring says.
    # BEGIN SOLUTION
    _check_ranges(ranges)
    if isinstance(keep, bool) or not isinstance(keep, int) or keep < 1:
        raise ValueError(f"`keep` must be an int >= 1. Received: keep={keep!r}")
    if not results:
        raise ValueError("`results` is empty: there is nothing to narrow the ranges to.")
    best = sorted(results, key=lambda pair: -float(pair[1]))[:keep]
    narrowed = {}
    for name, (low, high) in ranges.items():
        values = [float(setting[name]) for setting, _ in best]
        new_low, new_high = min(values), max(values)
        if new_low == new_high:
            new_low, new_high = new_low / math.sqrt(10.0), new_high * math.sqrt(10.0)
        narrowed[name] = (max(float(low), new_low), min(float(high), new_high))
    return narrowed
    # END SOLUTION
