"""Probes of sample_hyperparameters and narrow (functions: ctx.cls is the function itself).

sample_hyperparameters is observed on a large draw (its values, judged by statistics on the log scale),
on seeded small draws and on bad inputs (the exception's type and message). narrow is observed on
scripted results whose answers differ under each common mistake. The arguments are fresh copies of the
constants, so that the probe also sees whether the function changed them.
"""

from __future__ import annotations

import copy

import numpy as np

from grader.probes import ProbeContext, ProbeFailure, ProbeSet, register

# Insertion order differs from the sorted one; the third range does not start or end on a power of 10.
RANGES = {"learning_rate": (1e-5, 1e-1), "weight_decay": (1e-7, 1e-3), "label_smoothing": (0.003, 0.4)}
NAMES = tuple(RANGES)
N = 2000
SEED = 2026
OTHER_SEED = 2027
SMALL_N = 5


def setting(lr: float, wd: float, ls: float) -> dict:
    return {"learning_rate": lr, "weight_decay": wd, "label_smoothing": ls}


# Scores: larger is better. The 3 best are rows 3, 6 and 8; the 3 worst, all of them, the best 2 or 4 each
# give other ranges.
RESULTS = (
    (setting(3e-3, 2e-5, 0.38), 0.71),
    (setting(5e-5, 4e-4, 0.35), 0.52),
    (setting(8e-3, 1e-6, 0.05), 0.83),
    (setting(2e-2, 3e-7, 0.3), 0.64),
    (setting(1e-4, 5e-4, 0.008), 0.40),
    (setting(6e-4, 7e-6, 0.12), 0.79),
    (setting(4e-2, 2e-4, 0.015), 0.30),
    (setting(9e-4, 6e-5, 0.25), 0.76),
)
KEEP = 3
# BEGIN HIDDEN
ONE_RANGE = {"momentum_gap": (0.5, 2.0)}
ONE_SEED = 3
SAMPLE_N_CASES = ("n=0", "n=-3")
SAMPLE_ORDER_CASES = ("low > high", "low == high")
SAMPLE_SIGN_CASES = ("low = 0", "low < 0", "both < 0")
# Messages of a ValueError raised by a computation (math.log10(0), min([]), numpy's size=-3), not a check.
ACCIDENTS = ("math domain error", "arg is an empty sequence", "negative dimensions")
BAD_SAMPLES = (  # (label, n, the bad parameter or None, its bounds)
    ("n=0", 0, None, None),
    ("n=-3", -3, None, None),
    ("low > high", SMALL_N, "weight_decay", (1e-3, 1e-7)),
    ("low == high", SMALL_N, "weight_decay", (1e-4, 1e-4)),
    ("low = 0", SMALL_N, "weight_decay", (0.0, 1e-3)),
    ("low < 0", SMALL_N, "weight_decay", (-1e-3, 1e-3)),
    ("both < 0", SMALL_N, "weight_decay", (-1.0, -0.1)),
)
# Three results tie at 0.8: a stable sort keeps rows 1 and 2; a reversed ascending sort keeps rows 1 and 4.
TIES = (
    (setting(1e-3, 1e-5, 0.1), 0.9),
    (setting(2e-3, 2e-5, 0.2), 0.8),
    (setting(5e-3, 5e-6, 0.05), 0.8),
    (setting(4e-4, 3e-4, 0.3), 0.8),
    (setting(3e-2, 2e-7, 0.01), 0.5),
)
TIES_KEEP = 2
KEEP_ALL = (  # negative scores (minus a loss): the largest is still the best
    (setting(2e-3, 1e-5, 0.02), -0.4),
    (setting(3e-4, 6e-6, 0.1), -0.9),
    (setting(5e-3, 2e-4, 0.3), -0.2),
)
KEEP_ALL_KEEP = 10
CLIP_RANGES = {"learning_rate": (1e-4, 1e-2), "weight_decay": (1e-6, 1e-3), "label_smoothing": (0.01, 0.3)}
CLIP_ONE = (  # keep=1: half a decade around the best crosses the old bounds
    (setting(3e-3, 1e-5, 0.05), 0.6),
    (setting(2e-4, 5e-4, 0.1), 0.95),
    (setting(8e-3, 2e-6, 0.2), 0.4),
)
CLIP_MANY = (  # keep=3: the best results used values outside the old ranges
    (setting(5e-5, 2e-6, 0.02), 0.9),
    (setting(1e-3, 3e-3, 0.15), 0.85),
    (setting(3e-3, 5e-5, 0.5), 0.8),
    (setting(9e-3, 1e-5, 0.05), 0.1),
)
ONE_EQUAL = (  # the 3 best share label_smoothing = 0.1
    (setting(1e-3, 5e-5, 0.1), 0.9),
    (setting(4e-2, 1e-7, 0.3), 0.2),
    (setting(2e-3, 3e-6, 0.1), 0.85),
    (setting(6e-4, 2e-5, 0.1), 0.8),
)
BAD_NARROWS = (  # (label, results, keep, the bad parameter or None, its bounds)
    ("keep=0", "RESULTS", 0, None, None),
    ("keep=-1", "RESULTS", -1, None, None),
    ("no results", "EMPTY", 2, None, None),
    ("low > high", "RESULTS", KEEP, "weight_decay", (1e-3, 1e-7)),
    ("low = 0", "RESULTS", KEEP, "weight_decay", (0.0, 1e-3)),
)
# END HIDDEN


def _settings(result, names, what: str) -> dict:
    """A list of settings as plain data: its length, the keys, the value types and the values (n x names)."""
    if not isinstance(result, list):
        raise ProbeFailure(f"{what} returned a {type(result).__name__}, not a list of dicts")
    values = np.full((len(result), len(names)), np.nan)
    orders, types = [], set()
    for i, item in enumerate(result):
        if not isinstance(item, dict):
            raise ProbeFailure(f"{what} returned a list holding a {type(item).__name__}: each setting is a dict "
                               "name -> value")
        keys = [str(k) for k in item]
        if keys not in orders:
            orders.append(keys)
        for j, name in enumerate(names):
            if name in item:
                types.add(type(item[name]).__name__)
                try:
                    values[i, j] = float(item[name])
                except (TypeError, ValueError):
                    pass
    return {"length": len(result), "keys": orders[:3], "types": sorted(types), "values": values}


def _ranges_out(result, what: str) -> dict:
    """narrow's return value as plain data: the names in order and each (low, high)."""
    if not isinstance(result, dict):
        raise ProbeFailure(f"{what} returned a {type(result).__name__}, not a dict name -> (low, high)")
    names, pairs, kinds = [], [], []
    for name, pair in result.items():
        names.append(str(name))
        kinds.append(type(pair).__name__)
        try:
            low, high = pair
            pairs.append([float(low), float(high)])
        except (TypeError, ValueError):
            pairs.append(None)
    return {"names": names, "pairs": pairs, "kinds": kinds}


def _raised(call) -> dict:
    """What a call that must raise did: the exception's type and message, or what it returned."""
    try:
        value = call()
    except Exception as exc:  # noqa: BLE001 - the exception is the observation
        return {"raised": type(exc).__name__, "message": str(exc)[:300]}
    return {"raised": None, "returned": type(value).__name__}


# --------------------------------------------------------------------------------- sample_hyperparameters
sample = register(ProbeSet("sample_hyperparameters"))


@sample.add("draws")
def sample_draws(ctx: ProbeContext) -> dict:
    ranges = copy.deepcopy(RANGES)
    result = ctx.cls(N, ranges, seed=SEED)
    return {**_settings(result, NAMES, "sample_hyperparameters"), "ranges_changed": ranges != RANGES}


@sample.add("seed")
def sample_seed(ctx: ProbeContext) -> dict:
    def draw(seed: int) -> np.ndarray:
        return _settings(ctx.cls(SMALL_N, copy.deepcopy(RANGES), seed=seed), NAMES, "sample_hyperparameters")["values"]

    first, again, other = draw(SEED), draw(SEED), draw(OTHER_SEED)
    return {"same": bool(np.array_equal(first, again, equal_nan=True)),
            "other_differs": not np.array_equal(first, other, equal_nan=True)}


# -------------------------------------------------------------------------------------------------- narrow
narrow = register(ProbeSet("narrow"))


def narrowed(ctx: ProbeContext, results, ranges: dict, keep: int) -> dict:
    """narrow on copies of the arguments: its answer, and whether it changed its arguments."""
    given_results, given_ranges = copy.deepcopy(list(results)), copy.deepcopy(ranges)
    out = ctx.cls(given_results, given_ranges, keep)
    return {**_ranges_out(out, "narrow"), "same_object": out is given_ranges, "ranges_changed": given_ranges != ranges}


@narrow.add("basic")
def narrow_basic(ctx: ProbeContext) -> dict:
    return narrowed(ctx, RESULTS, RANGES, KEEP)


@narrow.add("single")
def narrow_single(ctx: ProbeContext) -> dict:
    return narrowed(ctx, RESULTS, RANGES, 1)


# BEGIN HIDDEN
def _attempt(ctx: ProbeContext, observe) -> dict:
    try:
        return observe()
    except Exception as exc:  # noqa: BLE001 - the error is the observation
        return {"error": ctx.explain(exc)}


def with_bad(ranges: dict, name, bounds) -> dict:
    out = copy.deepcopy(ranges)
    if name is not None:
        out[name] = bounds
    return out


@sample.add("unseeded")
def sample_unseeded(ctx: ProbeContext) -> dict:
    first = _settings(ctx.cls(SMALL_N, copy.deepcopy(RANGES)), NAMES, "sample_hyperparameters")["values"]
    again = _settings(ctx.cls(SMALL_N, copy.deepcopy(RANGES)), NAMES, "sample_hyperparameters")["values"]
    return {"same": bool(np.array_equal(first, again, equal_nan=True))}


@sample.add("one")
def sample_one(ctx: ProbeContext) -> dict:
    return _settings(ctx.cls(1, copy.deepcopy(ONE_RANGE), seed=ONE_SEED), tuple(ONE_RANGE), "sample_hyperparameters")


@sample.add("errors")
def sample_errors(ctx: ProbeContext) -> dict:
    cases = []
    for label, n, name, bounds in BAD_SAMPLES:
        ranges = with_bad(RANGES, name, bounds)
        cases.append({"label": label, **_raised(lambda n=n, ranges=ranges: ctx.cls(n, ranges, seed=SEED))})
    return {"cases": cases}


@narrow.add("ties")
def narrow_ties(ctx: ProbeContext) -> dict:
    return narrowed(ctx, TIES, RANGES, TIES_KEEP)


@narrow.add("keep_all")
def narrow_keep_all(ctx: ProbeContext) -> dict:
    return narrowed(ctx, KEEP_ALL, RANGES, KEEP_ALL_KEEP)


@narrow.add("clip")
def narrow_clip(ctx: ProbeContext) -> dict:
    return {"one": _attempt(ctx, lambda: narrowed(ctx, CLIP_ONE, CLIP_RANGES, 1)),
            "many": _attempt(ctx, lambda: narrowed(ctx, CLIP_MANY, CLIP_RANGES, KEEP))}


@narrow.add("one_equal")
def narrow_one_equal(ctx: ProbeContext) -> dict:
    return narrowed(ctx, ONE_EQUAL, RANGES, KEEP)


@narrow.add("errors")
def narrow_errors(ctx: ProbeContext) -> dict:
    sources = {"RESULTS": RESULTS, "EMPTY": ()}
    cases = []
    for label, results, keep, name, bounds in BAD_NARROWS:
        given, ranges = copy.deepcopy(list(sources[results])), with_bad(RANGES, name, bounds)
        cases.append({"label": label, **_raised(lambda given=given, ranges=ranges, keep=keep:
                                                ctx.cls(given, ranges, keep))})
    return {"cases": cases}
# END HIDDEN
