"""Checks of sample_hyperparameters and narrow.

sample_hyperparameters is judged by statistics on the log scale: with u = log10(value) and x = (u - log10
low) / (log10 high - log10 low), a log-uniform draw has x ~ U(0, 1). Every statistical check holds its
bounds at a total false-fail rate of at most FALSE_FAIL_RATE (1e-6), shared by its bounds (Bonferroni,
z = _z(number of bounds), normal approximation). The rest (ranges, structure, seeds, errors, narrow) is
exact. Known mistakes are named when the observation matches what the mistake would give and the right
answer does not: for narrow, numpy-free models of the mistakes run on the probe's scripted results.
"""

from __future__ import annotations

import itertools
import math
from statistics import NormalDist

import numpy as np

from grader.checks import CheckSet, Fail, Mistake, register
from grader.checks.compare import fmt
from grader.packs.optimization.probes.search import KEEP, N, NAMES, OTHER_SEED, RANGES, RESULTS, SEED, SMALL_N
from grader.settings import FALSE_FAIL_RATE, Z_BOUND
# BEGIN HIDDEN
from grader.packs.optimization.probes.search import (
    ACCIDENTS, BAD_NARROWS, BAD_SAMPLES, SAMPLE_N_CASES, SAMPLE_ORDER_CASES, SAMPLE_SIGN_CASES, CLIP_MANY, CLIP_ONE, CLIP_RANGES, KEEP_ALL, KEEP_ALL_KEEP, ONE_EQUAL, ONE_RANGE, ONE_SEED,
    TIES, TIES_KEEP)
from grader.sandbox.pool import probe_error
# END HIDDEN

# Causes: one mistake seen by several checks is counted once per student.
LINEAR = "search-uniform-on-values"
LN_MIXED = "search-natural-log-mixed-with-log10"
EXPONENT = "search-exponent-returned"
SWAPPED = "search-ranges-swapped"
SAME_VALUE = "search-one-value-for-all"
SEED_UNUSED = "search-seed-unused"
SEED_FIXED = "search-seed-ignored"
WORST = "narrow-keeps-worst"
ALL = "narrow-all-results"
OFF_BY_ONE = "narrow-keep-off-by-one"
NO_WIDEN = "narrow-zero-width"
DECADE = "narrow-full-decade"
NO_CLIP = "narrow-not-clipped"
# BEGIN HIDDEN
SHARED_DRAW = "search-one-draw-shared"
FIXED_DEFAULT = "search-fixed-default-seed"
NO_ERROR = "valueerror-missing"
ACCIDENTAL = "valueerror-by-accident"
TIES_REVERSED = "narrow-ties-reversed"
# END HIDDEN

FLOAT_TYPES = {"float", "float64"}
RELATIVE = 1e-12  # 10 ** log10(x) may round a last digit past a bound
MATCH = 1e-9  # narrow's numbers are the given values, or those times sqrt(10)


def _z(bounds: int) -> float:
    """Half-width in standard errors that keeps ``bounds`` two-sided bounds together under FALSE_FAIL_RATE."""
    return NormalDist().inv_cdf(1.0 - FALSE_FAIL_RATE / (2 * bounds)) if bounds > 1 else Z_BOUND


def call(function: str, *arguments) -> str:
    return f"{function}({', '.join(str(a) for a in arguments)})"


DRAWS = call("sample_hyperparameters", N, "ranges", f"seed={SEED}")


# --------------------------------------------------------------------------------- sample_hyperparameters
def structure(data: dict, n: int, names: tuple[str, ...], who: str) -> None:
    if data["length"] != n:
        raise Fail(f"{who} returned {data['length']} settings; expected {n}.")
    keys = data["keys"]
    if len(keys) > 1:
        raise Fail(f"{who}: the settings do not all have the same keys ({keys[0]} and {keys[1]}); each holds every "
                   f"name of `ranges`: {list(names)}.")
    if keys and keys[0] != list(names):
        if sorted(keys[0]) == sorted(names):
            raise Fail(f"{who}: the keys come in the order {keys[0]}; expected the order of `ranges`, {list(names)}.")
        raise Fail(f"{who}: the settings have the keys {keys[0]}; expected {list(names)}.")
    odd = [t for t in data["types"] if t not in FLOAT_TYPES]
    if odd:
        raise Fail(f"{who}: the values are of type {', '.join(odd)}; return Python floats (float(...)).")


def _in_range_mistake(v: np.ndarray, name: str, low: float, high: float) -> Mistake | None:
    """What values outside their range look like, when one known mistake explains all of them."""
    def within(x: np.ndarray, lo: float, hi: float) -> bool:
        return bool(x.size) and bool(np.all((x >= lo - 1e-9 * abs(lo)) & (x <= hi + 1e-9 * abs(hi))))

    if within(v, math.log10(low), math.log10(high)):
        return Mistake("The values are the exponents u themselves: return 10 ** u.", cause=EXPONENT)
    for other, (lo, hi) in RANGES.items():
        if other != name and within(v, lo, hi):
            return Mistake(f"The values of {name!r} lie in the range of {other!r}: each parameter draws from its own "
                           "range, ranges[name].", cause=SWAPPED)
    positive = v[v > 0]
    if positive.size == v.size:
        if within(np.log10(positive), math.log(low), math.log(high)):
            return Mistake("log10 of the values lies between ln(low) and ln(high): the exponent was drawn between "
                           "natural logs and raised as 10 ** u. Use log10 with 10 ** u (or ln with exp).", cause=LN_MIXED)
        if within(np.log(positive), math.log10(low), math.log10(high)):
            return Mistake("ln of the values lies between log10(low) and log10(high): the exponent was drawn between "
                           "log10 bounds and raised as exp(u). Use 10 ** u.", cause=LN_MIXED)
    return None


def in_range(values: np.ndarray, who: str) -> None:
    n = values.shape[0]
    for j, (name, (low, high)) in enumerate(RANGES.items()):
        v = values[:, j]
        outside = ~((v >= low * (1 - RELATIVE)) & (v <= high * (1 + RELATIVE)))
        if outside.any():
            text = (f"{who}: {int(outside.sum())} of {n} values of {name!r} lie outside its range ({fmt(low)}, "
                    f"{fmt(high)}); they run from {fmt(np.nanmin(v))} to {fmt(np.nanmax(v))}.")
            mistake = _in_range_mistake(v, name, low, high)
            raise Fail(f"{text} {mistake}" if mistake else text, mistake=mistake)


def decades(low: float, high: float) -> list[tuple[float, float]]:
    """The decades a range covers, as (start, end) on the log10 scale, cut at its bounds."""
    a, b = math.log10(low), math.log10(high)
    edges = [a] + [float(k) for k in range(math.floor(a) + 1, math.ceil(b))] + [b]
    return list(itertools.pairwise(edges))


def _linear_fractions(low: float, high: float) -> list[float]:
    """The share of each decade under a uniform draw on the values themselves."""
    return [(10**end - 10**start) / (high - low) for start, end in decades(low, high)]


def log_uniform(values: np.ndarray, who: str) -> None:
    """Per parameter: the mean and variance of x (1/2 and 1/12) and the share of each decade (binomial); all
    these bounds share the false-fail rate."""
    n = values.shape[0]
    bounds = sum(2 + len(decades(low, high)) for low, high in RANGES.values())
    z = _z(bounds)
    for j, (name, (low, high)) in enumerate(RANGES.items()):
        v = values[:, j]
        if not np.all(np.isfinite(v)) or np.any(v <= 0):
            raise Fail(f"{who}: some values of {name!r} are not positive numbers, so they have no log10.")
        if np.unique(v).size == 1:
            raise Fail(f"{who}: all {n} settings hold the same {name!r}, {fmt(v[0])}: draw n values, one per setting.",
                       mistake=Mistake("one value for all settings", cause=SAME_VALUE))
        a, b = math.log10(low), math.log10(high)
        u = np.log10(v)
        x = (u - a) / (b - a)
        mean_bound = z * math.sqrt(1 / 12) / math.sqrt(n)
        var_bound = z * math.sqrt(1 / 80 - 1 / 144) / math.sqrt(n)
        shares = [float(np.mean((u >= start) & ((u < end) if k < len(decades(low, high)) - 1 else (u <= end + 1e-12))))
                  for k, (start, end) in enumerate(decades(low, high))]
        wants = [(end - start) / (b - a) for start, end in decades(low, high)]
        linear = _linear_fractions(low, high)
        looks_linear = all(abs(s - p) <= z * math.sqrt(p * (1 - p) / n) + 0.005 for s, p in zip(shares, linear))
        mistake = Mistake("The values are uniform on the linear scale, crowded into the top decade: draw u ~ "
                          "U(log10(low), log10(high)) and return 10 ** u.", cause=LINEAR) if looks_linear else None
        if abs(x.mean() - 0.5) > mean_bound or abs(x.var() - 1 / 12) > var_bound:
            text = (f"{who}: log10 of the {name!r} values has mean {fmt(u.mean())} and variance {fmt(u.var())}; a "
                    f"log-uniform draw in ({fmt(low)}, {fmt(high)}) gives {fmt((a + b) / 2)} (± "
                    f"{fmt(mean_bound * (b - a))}) and {fmt((b - a) ** 2 / 12)} (± {fmt(var_bound * (b - a) ** 2)}).")
            raise Fail(f"{text} {mistake}" if mistake else text, mistake=mistake)
        for (start, end), share, want in zip(decades(low, high), shares, wants):
            bound = z * math.sqrt(want * (1 - want) / n)
            if abs(share - want) > bound:
                text = (f"{who}: {fmt(share)} of the {name!r} values fall in [{fmt(10**start)}, {fmt(10**end)}); a "
                        f"log-uniform draw puts {fmt(want)} (± {fmt(bound)}) there, every decade alike.")
                raise Fail(f"{text} {mistake}" if mistake else text, mistake=mistake)


sample = register(CheckSet("sample_hyperparameters", core="draws"))


@sample.add("returns n dicts of floats, the names in the order of `ranges`", 1, "draws", public=True)
def sample_structure(obs: dict, ref: dict) -> None:
    data = obs["draws"]
    structure(data, N, NAMES, DRAWS)
    if data["ranges_changed"]:
        raise Fail(f"{DRAWS} changed the `ranges` dict it was given: leave the caller's dict as it is.")


@sample.add("every value lies in its range", 1, "draws", public=True)
def sample_in_range(obs: dict, ref: dict) -> None:
    in_range(np.asarray(obs["draws"]["values"], dtype=np.float64), DRAWS)


@sample.add("log-uniform: log10 of the values is uniform in (log10 low, log10 high), every decade alike", 3, "draws",
            public=True)
def sample_log_uniform(obs: dict, ref: dict) -> None:
    log_uniform(np.asarray(obs["draws"]["values"], dtype=np.float64), DRAWS)


@sample.add("a seed reproduces the draws; another seed draws others", 1, "seed", public=True)
def sample_seed(obs: dict, ref: dict) -> None:
    data = obs["seed"]
    seeded = call("sample_hyperparameters", SMALL_N, "ranges", f"seed={SEED}")
    if not data["same"]:
        raise Fail(f"Two calls of {seeded} returned different values: draw with numpy.random.default_rng(seed), so that "
                   "a seed reproduces the draws.", mistake=Mistake("the seed is not used", cause=SEED_UNUSED))
    if not data["other_differs"]:
        raise Fail(f"seed={SEED} and seed={OTHER_SEED} returned the same values: the seed argument is ignored; pass it "
                   "to numpy.random.default_rng(seed).", mistake=Mistake("the seed is ignored", cause=SEED_FIXED))


# -------------------------------------------------------------------------------------------------- narrow
def model(results, ranges: dict, keep: int, order: str = "best", count: int | None = None,
          widen: float = math.sqrt(10.0), clip: bool = True) -> dict:
    """What narrow returns, right or under a mistake: ``order`` best, worst or reversed (ties against
    the order of results); ``count`` None (keep), or how many results are used; ``widen`` the factor
    around equal values; ``clip`` to the old range or not."""
    if order == "worst":
        ranked = sorted(results, key=lambda pair: float(pair[1]))
    elif order == "reversed":
        ranked = sorted(results, key=lambda pair: float(pair[1]))[::-1]
    else:
        ranked = sorted(results, key=lambda pair: -float(pair[1]))
    chosen = ranked[:keep if count is None else count]
    out = {}
    for name, (low, high) in ranges.items():
        values = [float(s[name]) for s, _ in chosen]
        new_low, new_high = min(values), max(values)
        if new_low == new_high:
            new_low, new_high = new_low / widen, new_high * widen
        out[name] = (max(low, new_low), min(high, new_high)) if clip else (new_low, new_high)
    return out


def ranges_text(ranges: dict) -> str:
    return "{" + ", ".join(f"{name!r}: ({fmt(pair[0])}, {fmt(pair[1])})" for name, pair in ranges.items()) + "}"


def _close(got: dict, want: dict) -> bool:
    return set(got) == set(want) and all(
        got[k] is not None and all(abs(g - w) <= MATCH * abs(w) for g, w in zip(got[k], want[k])) for k in want)


def common_mistakes(results, ranges: dict, keep: int) -> list[tuple[Mistake, dict]]:
    worse = Mistake(f"It matches {keep - 1} or {keep + 1} results instead of keep={keep}: after sorting, take the "
                    "first `keep`.", cause=OFF_BY_ONE)
    return [
        (Mistake("It matches the `keep` WORST results: a larger score is better, so sort by decreasing score.",
                 cause=WORST), model(results, ranges, keep, order="worst")),
        (Mistake("It matches the smallest and largest values of ALL the results: use only the `keep` best.",
                 cause=ALL), model(results, ranges, keep, count=len(results))),
        (worse, model(results, ranges, keep, count=keep - 1) if keep > 1 else None),
        (worse, model(results, ranges, keep, count=keep + 1)),
        (Mistake("It matches ranges of zero width: when the kept values are all equal, the range is value / "
                 "sqrt(10) to value * sqrt(10).", cause=NO_WIDEN), model(results, ranges, keep, widen=1.0)),
        (Mistake("It matches a full decade on each side (value / 10, value * 10): half a decade is a factor "
                 "sqrt(10).", cause=DECADE), model(results, ranges, keep, widen=10.0)),
        (Mistake("It matches ranges that are not clipped: the new range never goes beyond the old (low, high).",
                 cause=NO_CLIP), model(results, ranges, keep, clip=False)),
    ]


def judge_narrow(data: dict, ref_data: dict, results, ranges: dict, keep: int, extra=()) -> None:
    who = call("narrow", "results", "ranges", keep)
    want = dict(zip(ref_data["names"], ref_data["pairs"]))
    got = dict(zip(data["names"], data["pairs"]))
    if set(got) != set(want):
        raise Fail(f"{who} returned the names {data['names']}; expected {ref_data['names']}, those of `ranges`.")
    if _close(got, want):
        return
    shown = {k: got[k] or (math.nan, math.nan) for k in got}
    differ = sum(not _close({k: got[k]}, {k: want[k]}) for k in want)
    text = f"{who}: got {ranges_text(shown)}; expected {ranges_text(want)} ({differ} of {len(want)} ranges differ)."
    found = [mistake for mistake, predicted in [*extra, *common_mistakes(results, ranges, keep)]
             if predicted is not None and not _close(predicted, want) and _close(got, predicted)]
    if found and len({m.cause for m in found}) == 1:  # mistakes that coincide on these results name none
        raise Fail(f"{text} {found[0]}", mistake=found[0])
    raise Fail(text)


narrow = register(CheckSet("narrow", core="basic"))


@narrow.add("keeps the `keep` best results (largest scores): the smallest and largest of their values", 2, "basic",
            public=True)
def narrow_basic(obs: dict, ref: dict) -> None:
    judge_narrow(obs["basic"], ref["basic"], RESULTS, RANGES, KEEP)


@narrow.add("keep=1: half a decade on each side of the best value", 1, "single", public=True)
def narrow_single(obs: dict, ref: dict) -> None:
    judge_narrow(obs["single"], ref["single"], RESULTS, RANGES, 1)


@narrow.add("returns a new dict name -> (low, high) with low <= high, in the order of `ranges`", 1, "basic",
            public=True)
def narrow_structure(obs: dict, ref: dict) -> None:
    data = obs["basic"]
    who = call("narrow", "results", "ranges", KEEP)
    if data["names"] != list(NAMES):
        raise Fail(f"{who} returned the names {data['names']}; expected {list(NAMES)}, in the order of `ranges`.")
    for name, pair, kind in zip(data["names"], data["pairs"], data["kinds"]):
        if pair is None:
            raise Fail(f"{who}[{name!r}] is a {kind}; expected a pair (low, high) of numbers.")
        if not pair[0] <= pair[1]:
            raise Fail(f"{who}[{name!r}] is ({fmt(pair[0])}, {fmt(pair[1])}): low is above high.")
    if data["same_object"] or data["ranges_changed"]:
        raise Fail(f"{who} changed the `ranges` dict it was given: build and return a new dict.")


# BEGIN HIDDEN
@sample.add("the parameters are drawn independently", 1, "draws")
def sample_independent(obs: dict, ref: dict) -> None:
    """Three correlations (one per pair of parameters) share the false-fail rate: |r| <= z / sqrt(n)."""
    values = np.asarray(obs["draws"]["values"], dtype=np.float64)
    if not np.all(np.isfinite(values)) or np.any(values <= 0):
        raise Fail(f"{DRAWS}: some values are not positive numbers, so they have no log10.")
    logs = np.log10(values)
    n = logs.shape[0]
    bound = _z(3) / math.sqrt(n)
    for i in range(len(NAMES)):
        for j in range(i + 1, len(NAMES)):
            if np.std(logs[:, i]) == 0 or np.std(logs[:, j]) == 0:
                continue  # one value for all settings: log_uniform says so
            r = float(np.corrcoef(logs[:, i], logs[:, j])[0, 1])
            if abs(r) > bound:
                text = (f"{DRAWS}: log10 of {NAMES[i]!r} and of {NAMES[j]!r} have correlation {fmt(r)}; independent "
                        f"draws give 0 (± {fmt(bound)}).")
                if abs(r) > 0.99:
                    mistake = Mistake("One uniform draw is shared by all the parameters: draw each parameter's "
                                      "exponents separately.", cause=SHARED_DRAW)
                    raise Fail(f"{text} {mistake}", mistake=mistake)
                raise Fail(text)


@sample.add("seed=None draws anew on each call", 1, "unseeded")
def sample_unseeded(obs: dict, ref: dict) -> None:
    if obs["unseeded"]["same"]:
        raise Fail(f"Two calls of {call('sample_hyperparameters', SMALL_N, 'ranges')} returned the same values: with "
                   "seed=None, numpy.random.default_rng(None) draws new values on each call; a fixed default seed "
                   "repeats them.", mistake=Mistake("a fixed default seed", cause=FIXED_DEFAULT))


@sample.add("n=1 and a single parameter", 1, "one")
def sample_one(obs: dict, ref: dict) -> None:
    (name, (low, high)), = ONE_RANGE.items()
    who = call("sample_hyperparameters", 1, ranges_text(ONE_RANGE), f"seed={ONE_SEED}")
    data = obs["one"]
    structure(data, 1, (name,), who)
    value = float(np.asarray(data["values"], dtype=np.float64)[0, 0])
    if not low * (1 - RELATIVE) <= value <= high * (1 + RELATIVE):
        raise Fail(f"{who} returned {name!r}: {fmt(value)}, outside its range ({fmt(low)}, {fmt(high)}).")


def judge_raises(case: dict, who: str, name: str | None) -> None:
    """ValueError with a message (naming the parameter, for a bad range); not one raised by accident."""
    raised, message = case["raised"], case.get("message", "")
    if raised is None:
        raise Fail(f"{who} returned a {case['returned']} instead of raising ValueError.",
                   mistake=Mistake("the ValueError is missing", cause=NO_ERROR))
    if raised != "ValueError":
        raise Fail(f"{who} raised {raised}: {message}; expected ValueError.")
    if any(accident in message for accident in ACCIDENTS):
        raise Fail(f"{who} raised ValueError({message!r}) from a computation, not from a check: validate the "
                   "arguments first and say what is wrong.", mistake=Mistake("a ValueError by accident", cause=ACCIDENTAL))
    if not message.strip():
        raise Fail(f"{who} raised ValueError without a message: say what is wrong and what was received.")
    if name is not None and name not in message:
        raise Fail(f"{who} raised ValueError({message!r}), which does not name the parameter {name!r}: say which "
                   "range is wrong and what it received.")


def _sample_cases(obs: dict, labels: tuple[str, ...]) -> None:
    cases = {case["label"]: case for case in obs["errors"]["cases"]}
    for label, n, name, bounds in BAD_SAMPLES:
        if label in labels:
            arguments = "ranges" if name is None else ranges_text({name: bounds})[:-1] + ", ...}"
            judge_raises(cases[label], call("sample_hyperparameters", n, arguments, f"seed={SEED}"), name)


@sample.add("n < 1 raises ValueError", 1, "errors")
def sample_bad_n(obs: dict, ref: dict) -> None:
    _sample_cases(obs, SAMPLE_N_CASES)


@sample.add("a range with low >= high raises ValueError naming the parameter", 1, "errors")
def sample_bad_order(obs: dict, ref: dict) -> None:
    _sample_cases(obs, SAMPLE_ORDER_CASES)


@sample.add("a bound <= 0 raises ValueError naming the parameter", 1, "errors")
def sample_bad_sign(obs: dict, ref: dict) -> None:
    _sample_cases(obs, SAMPLE_SIGN_CASES)


def _need(section, what: str) -> dict:
    if isinstance(section, dict) and "error" in section:
        raise Fail(f"{what} raised an error, so it could not be checked: {probe_error(section['error']).describe()}")
    return section


@narrow.add("ties are broken by the order of `results`", 1, "ties")
def narrow_ties(obs: dict, ref: dict) -> None:
    reversed_ties = Mistake("Ties are broken against the order of `results`: sort by score only with a stable sort, "
                            "sorted(results, key=score, reverse=True), so that equal scores keep their order.",
                            cause=TIES_REVERSED)
    judge_narrow(obs["ties"], ref["ties"], TIES, RANGES, TIES_KEEP,
                 extra=[(reversed_ties, model(TIES, RANGES, TIES_KEEP, order="reversed"))])


@narrow.add("keep larger than the number of results keeps them all", 1, "keep_all")
def narrow_keep_all(obs: dict, ref: dict) -> None:
    judge_narrow(obs["keep_all"], ref["keep_all"], KEEP_ALL, RANGES, KEEP_ALL_KEEP)


@narrow.add("never outside the old range", 1, "clip")
def narrow_clip(obs: dict, ref: dict) -> None:
    for key, results, keep in (("one", CLIP_ONE, 1), ("many", CLIP_MANY, KEEP)):
        data = _need(obs["clip"][key], call("narrow", "results", "ranges", keep))
        judge_narrow(data, ref["clip"][key], results, CLIP_RANGES, keep)


@narrow.add("equal values of one parameter: half a decade around them", 1, "one_equal")
def narrow_one_equal(obs: dict, ref: dict) -> None:
    judge_narrow(obs["one_equal"], ref["one_equal"], ONE_EQUAL, RANGES, KEEP)


@narrow.add("keep < 1, no results or a bad range raise ValueError", 1, "errors")
def narrow_errors(obs: dict, ref: dict) -> None:
    cases = {case["label"]: case for case in obs["errors"]["cases"]}
    for label, results, keep, name, bounds in BAD_NARROWS:
        arguments = "ranges" if name is None else ranges_text({name: bounds})[:-1] + ", ...}"
        judge_raises(cases[label], call("narrow", "[]" if results == "EMPTY" else "results", arguments, keep), name)
# END HIDDEN
