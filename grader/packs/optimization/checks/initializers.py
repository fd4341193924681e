"""Checks of compute_fans, GlorotUniform and HeNormal.

compute_fans is judged exactly. The draws are judged by statistics on the summaries the probes record;
every statistical check holds its bounds at a total false-fail rate of at most FALSE_FAIL_RATE (1e-6):
the rate is shared by the check's bounds (Bonferroni), each two-sided bound z standard errors wide with
z = _z(number of bounds), the standard errors those of the right distribution (normal approximation).
Bounds that cannot fail on a right draw (nothing beyond the limit, the dtype, equal arrays) are exact.
A known mistake is named when the summary matches what the mistake would draw and the right draw does not.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np

from grader.checks import CheckSet, Fail, Mistake, register
from grader.checks.compare import fmt
from grader.packs.optimization.probes.initializers import (
    DENSE, FANS, HE_CORRECTION, SEED, SEED_SHAPE, THRESHOLDS, scale)
from grader.sandbox.pool import probe_error
from grader.settings import FALSE_FAIL_RATE, Z_BOUND
# BEGIN HIDDEN
from grader.checks.compare import assert_close
from grader.packs.optimization.probes.initializers import (
    CONV1D, CONV2D, CONV3D, FLOAT64_SHAPE, MODEL_SHAPE, OTHER_SEED)
# END HIDDEN

# Causes: one mistake seen by several checks (or both initializers) is counted once per student.
NO_RECEPTIVE_FIELD = "fans-without-receptive-field"
FANS_SWAPPED = "fans-swapped"
FANS_TORCH = "fans-pytorch-layout"
FANS_ONE_SIDE = "fans-receptive-field-one-side"
GLOROT_FAN_IN = "glorot-fan-in-only"
GLOROT_ONE_OVER_FAN = "glorot-sqrt-one-over-fan"
GLOROT_STD_AS_LIMIT = "glorot-std-as-limit"
GLOROT_NO_SQRT = "glorot-no-sqrt"
GLOROT_NORMAL = "glorot-normal-draw"
HE_NO_CORRECTION = "he-truncated-without-correction"
HE_VARIANCE_AS_STD = "he-variance-as-stddev"
HE_FAN_OUT = "he-fan-out"
HE_FAN_SUM = "he-both-fans"
HE_FACTOR = "he-factor-2-missing"
HE_UNTRUNCATED = "he-untruncated"
HE_CLIPPED = "he-clipped"
NEW_PER_CALL = "seed-new-values-per-call"
# BEGIN HIDDEN
SEED_NOT_USED = "seed-not-used"
SEED_IGNORED = "seed-ignored"
DTYPE_IGNORED = "dtype-ignored"
CONFIG_NO_SEED = "config-without-seed"
# END HIDDEN

NO_RF_TEXT = ("It matches fans without the receptive field: a convolution kernel (k1, ..., n_in, n_out) has fans "
              "(n_in * r, n_out * r), with r = k1 * ... the product of every axis but the last two.")
SWAPPED_TEXT = "fan_in and fan_out are swapped: fan_in comes from shape[-2], fan_out from shape[-1]."
NEW_PER_CALL_TEXT = ("Pass the int itself to keras.random (seed=self.seed): a SeedGenerator, or seed=None, draws new "
                     "values on every call.")

# A mistake's prediction "matches" a summary within these relative margins (the right answers differ more).
MATCH_VARIANCE = 0.05
MATCH_KURTOSIS = 0.3
MATCH_EDGE = 1e-3
EDGE = 1e-5  # the margin of THRESHOLDS: float32 rounding of a value at the edge stays inside it


def _z(bounds: int, rate: float = FALSE_FAIL_RATE) -> float:
    """Half-width in standard errors that keeps ``bounds`` two-sided bounds together under ``rate``."""
    if bounds == 1 and rate == FALSE_FAIL_RATE:
        return Z_BOUND
    return NormalDist().inv_cdf(1.0 - rate / (2 * bounds))


def truncated_moments(a: float = 2.0) -> dict[int, float]:
    """Even moments E[z^k], k = 2..8, of the standard normal truncated to [-a, a]:
    I_k = (k - 1) I_{k-2} - 2 a^(k-1) phi(a) for the integrals over [-a, a], I_0 = P(|z| < a)."""
    phi = math.exp(-a * a / 2) / math.sqrt(2 * math.pi)
    integrals = {0: math.erf(a / math.sqrt(2))}
    for k in (2, 4, 6, 8):
        integrals[k] = (k - 1) * integrals[k - 2] - 2 * a ** (k - 1) * phi
    return {k: integrals[k] / integrals[0] for k in (2, 4, 6, 8)}


TRUNCATED = truncated_moments()
NORMAL = {2: 1.0, 4: 3.0, 6: 15.0, 8: 105.0}
UNIFORM = {k: 1.0 / (k + 1) for k in (2, 4, 6, 8)}  # U(-1, 1)


def kurtosis(moments: dict[int, float]) -> float:
    return moments[4] / moments[2] ** 2


def kurtosis_spread(m: dict[int, float]) -> float:
    """Standard deviation per value of the sample kurtosis m4 / m2^2 (delta method, symmetric law)."""
    m2, m4, m6, m8 = m[2], m[4], m[6], m[8]
    var = (m8 - m4**2) / m2**4 - 4 * m4 * (m6 - m2 * m4) / m2**5 + 4 * m4**2 * (m4 - m2**2) / m2**6
    return math.sqrt(var)


def who(kind: str, shape: tuple[int, ...], seed: int = SEED) -> str:
    return f"{kind}(seed={seed})({shape})"


def _sample_kurtosis(s: dict) -> float:
    return s["m4"] / s["var"] ** 2 if s["var"] > 0 else 0.0


def _need(section, what: str) -> dict:
    if isinstance(section, dict) and "error" in section:
        raise Fail(f"{what} raised an error, so it could not be checked: {probe_error(section['error']).describe()}")
    return section


def _basics(s: dict, shape: tuple[int, ...], name: str) -> int:
    """The number of values, after checking that there is one finite value per element."""
    n = int(np.prod(shape))
    if s["size"] != n or list(s["shape"]) != list(shape):
        raise Fail(f"{name} returned shape {tuple(s['shape'])}; expected {shape}.")
    if s["finite"] < n:
        raise Fail(f"{name}: {n - s['finite']} of {n} values are NaN or infinite.")
    return n


# ----------------------------------------------------------------------------------------- compute_fans
def fan_mistakes(shape: tuple[int, ...]) -> list[tuple[Mistake, tuple[int, int]]]:
    """What compute_fans returns under each known mistake."""
    if len(shape) == 0:
        return []
    if len(shape) == 1:
        text = Mistake("A 1-d shape (n,) has the fans (n, n).", cause="fans-one-d")
        return [(text, (shape[0], 1)), (text, (1, shape[0]))]
    if len(shape) == 2:
        return [(Mistake(SWAPPED_TEXT, cause=FANS_SWAPPED), (shape[1], shape[0]))]
    r = int(np.prod(shape[:-2]))
    return [
        (Mistake(NO_RF_TEXT, cause=NO_RECEPTIVE_FIELD), (shape[-2], shape[-1])),
        (Mistake(SWAPPED_TEXT, cause=FANS_SWAPPED), (shape[-1] * r, shape[-2] * r)),
        (Mistake("It matches PyTorch's layout (n_out, n_in, k1, ...): a Keras kernel has the kernel axes first and "
                 "(n_in, n_out) last.", cause=FANS_TORCH), (shape[1] * int(np.prod(shape[2:])),
                                                            shape[0] * int(np.prod(shape[2:])))),
        (Mistake("Only one fan is multiplied by the receptive field r: both are.", cause=FANS_ONE_SIDE),
         (shape[-2] * r, shape[-1])),
        (Mistake("Only one fan is multiplied by the receptive field r: both are.", cause=FANS_ONE_SIDE),
         (shape[-2], shape[-1] * r)),
    ]


def judge_fans(cases: list[dict], want_cases: list[dict]) -> None:
    for case, want in zip(cases, want_cases):
        shape = tuple(want["shape"])
        call = f"compute_fans({shape})"
        _need(case, call)
        expected = tuple(int(v) for v in want["pair"])
        if case.get("pair") is None:
            raise Fail(f"{call} returned a {case.get('kind')}; expected a tuple of two ints (fan_in, fan_out), here "
                       f"{expected}.")
        got = tuple(case["pair"])
        shown = tuple(int(v) if float(v).is_integer() else v for v in got)
        if got != expected:
            text = f"{call} returned {shown}; expected {expected}."
            for mistake, predicted in fan_mistakes(shape):
                if got == tuple(predicted) and tuple(predicted) != expected:
                    raise Fail(f"{text} {mistake}", mistake=mistake)
            raise Fail(text)
        if not case.get("ints"):
            raise Fail(f"{call} returned {shown} with values of the types {', '.join(case.get('types', []))}; return "
                       "a tuple of two ints (int(...)).")


# ------------------------------------------------------------------------------------------ the draws
def _glorot_candidates(shape: tuple[int, ...]) -> list[tuple[Mistake, str, float]]:
    """(mistake, law, scale): 'uniform' with its limit, or 'normal' with its stddev."""
    fan_in, fan_out = FANS[shape]
    fan_in_only = Mistake("The limit matches sqrt(6 / fan_in) or sqrt(3 / fan_in): Glorot uses both fans, limit = "
                          "sqrt(6 / (fan_in + fan_out)).", cause=GLOROT_FAN_IN)
    one_over = Mistake("The limit matches sqrt(1 / fan): U(-limit, limit) has variance limit² / 3, so the variance "
                       "2 / (fan_in + fan_out) needs limit = sqrt(6 / (fan_in + fan_out)).", cause=GLOROT_ONE_OVER_FAN)
    normal = Mistake("The values match a normal draw (kurtosis near 3, values beyond the limit): draw from "
                     "U(-limit, limit) with keras.random.uniform.", cause=GLOROT_NORMAL)
    out = [
        (fan_in_only, "uniform", math.sqrt(6.0 / fan_in)),
        (fan_in_only, "uniform", math.sqrt(3.0 / fan_in)),
        (one_over, "uniform", math.sqrt(1.0 / fan_in)),
        (one_over, "uniform", math.sqrt(1.0 / (fan_in + fan_out))),
        (Mistake("The limit matches sqrt(2 / (fan_in + fan_out)), the standard deviation: the limit of the uniform "
                 "is sqrt(3) times that, sqrt(6 / (fan_in + fan_out)).", cause=GLOROT_STD_AS_LIMIT),
         "uniform", math.sqrt(2.0 / (fan_in + fan_out))),
        (Mistake("The limit matches 6 / (fan_in + fan_out): the square root is missing.", cause=GLOROT_NO_SQRT),
         "uniform", 6.0 / (fan_in + fan_out)),
        (normal, "normal", math.sqrt(2.0 / (fan_in + fan_out))),
        (normal, "normal", math.sqrt(6.0 / (fan_in + fan_out))),
    ]
    if len(shape) > 2:
        out.append((Mistake(NO_RF_TEXT, cause=NO_RECEPTIVE_FIELD), "uniform", math.sqrt(6.0 / (shape[-2] + shape[-1]))))
    return out


def _he_candidates(shape: tuple[int, ...]) -> list[tuple[Mistake, str, float]]:
    """(mistake, law, stddev): 'truncated' at 2 stddev, 'normal' untruncated, 'clipped' at 2 / 0.8796 sqrt(2 / fan_in)."""
    fan_in, fan_out = FANS[shape]
    right = math.sqrt(2.0 / fan_in)
    variance = Mistake("The spread matches 2 / fan_in used as the standard deviation: stddev = sqrt(2 / fan_in) / "
                       "0.87962566103423978.", cause=HE_VARIANCE_AS_STD)
    both = Mistake("The spread matches both fans (fan_in + fan_out), Glorot's rule: He normal uses fan_in only.",
                   cause=HE_FAN_SUM)
    untruncated = Mistake("The values match an untruncated normal (kurtosis near 3, values beyond 2 stddev): draw with "
                          "keras.random.truncated_normal, which redraws the values beyond 2 stddev.", cause=HE_UNTRUNCATED)
    out = [
        (Mistake("Values pile up at ±2 stddev: they were clipped there; a truncated normal redraws them instead "
                 "(keras.random.truncated_normal).", cause=HE_CLIPPED), "clipped", right / HE_CORRECTION),
        (Mistake("The spread matches a normal of stddev sqrt(2 / fan_in) truncated without the correction: the "
                 "truncation shrinks the standard deviation by 0.8796, so divide sqrt(2 / fan_in) by "
                 "0.87962566103423978 first.", cause=HE_NO_CORRECTION), "truncated", right),
        (variance, "truncated", (2.0 / fan_in) / HE_CORRECTION),
        (variance, "truncated", 2.0 / fan_in),
        (Mistake("The spread matches fan_out instead of fan_in: He normal scales by fan_in only.", cause=HE_FAN_OUT),
         "truncated", math.sqrt(2.0 / fan_out) / HE_CORRECTION),
        (both, "truncated", math.sqrt(4.0 / (fan_in + fan_out)) / HE_CORRECTION),
        (both, "truncated", math.sqrt(2.0 / (fan_in + fan_out)) / HE_CORRECTION),
        (Mistake("The spread matches sqrt(1 / fan_in) (LeCun): He's variance is 2 / fan_in.", cause=HE_FACTOR),
         "truncated", math.sqrt(1.0 / fan_in) / HE_CORRECTION),
        (untruncated, "normal", right),
        (untruncated, "normal", right / HE_CORRECTION),
    ]
    if len(shape) > 2:
        no_rf = Mistake(NO_RF_TEXT, cause=NO_RECEPTIVE_FIELD)
        out += [(no_rf, "truncated", math.sqrt(2.0 / shape[-2]) / HE_CORRECTION),
                (no_rf, "truncated", math.sqrt(2.0 / shape[-2]))]
    return out


_CLIPPED_VAR = TRUNCATED[2] * math.erf(2 / math.sqrt(2)) + 4.0 * (1.0 - math.erf(2 / math.sqrt(2)))


def _matches(s: dict, law: str, spread: float) -> bool:
    """Whether the summary looks like ``law`` at ``spread``: its variance, and its edge or its kurtosis."""
    var, top, k = s["var"], s["max_abs"], _sample_kurtosis(s)
    if law == "uniform":
        return abs(var / (spread**2 / 3) - 1) <= MATCH_VARIANCE and abs(top / spread - 1) <= MATCH_EDGE
    if law == "truncated":
        return (abs(var / (spread**2 * TRUNCATED[2]) - 1) <= MATCH_VARIANCE and top <= 2 * spread * (1 + EDGE)
                and abs(k - kurtosis(TRUNCATED)) <= MATCH_KURTOSIS)
    if law == "clipped":  # a clipped draw piles about 4.6% of its values at the edge
        at_edge = s["above"][THRESHOLDS.index(2.0 - EDGE)] - s["above"][THRESHOLDS.index(2.0 + EDGE)]
        return (abs(var / (spread**2 * _CLIPPED_VAR) - 1) <= MATCH_VARIANCE and abs(top / (2 * spread) - 1) <= EDGE
                and at_edge >= 0.01 * s["size"])
    return abs(var / spread**2 - 1) <= MATCH_VARIANCE and abs(k - 3.0) <= MATCH_KURTOSIS


def named(s: dict, candidates: list[tuple[Mistake, str, float]]) -> Mistake | None:
    """The mistake whose draw the summary matches; none when mistakes of different causes match (on some
    shapes two mistakes draw alike: LeCun's 1 / fan_in and fan_out = 2 fan_in)."""
    found = [(mistake, law) for mistake, law, spread in candidates if _matches(s, law, spread)]
    clipped = [mistake for mistake, law in found if law == "clipped"]  # a pile at the edge is unmistakable
    if clipped:
        return clipped[0]
    return found[0][0] if found and len({m.cause for m, _ in found}) == 1 else None


def _fail(text: str, s: dict, candidates) -> None:
    mistake = named(s, candidates)
    raise Fail(f"{text} {mistake}" if mistake else text, mistake=mistake)


def _mean(s: dict, name: str, sd: float, n: int, z: float, candidates) -> None:
    bound = z * sd / math.sqrt(n)
    if abs(s["mean"]) > bound:
        _fail(f"{name}: the mean of the values is {fmt(s['mean'])}; expected 0 (± {fmt(bound)}).", s, candidates)


def judge_glorot(s: dict, shape: tuple[int, ...], name: str, rate: float = FALSE_FAIL_RATE) -> None:
    """U(-L, L), L = sqrt(6 / (fan_in + fan_out)): nothing beyond L (exact); four bounds share ``rate``: the
    largest |w| within delta L of L ((1 - delta)^n = rate / 4), the variance L² / 3, the fraction of
    |w| < L / 2 (1/2, binomial) and the mean 0, each z = _z(4, rate) standard errors."""
    n = _basics(s, shape, name)
    limit, fans = scale("GlorotUniform", shape), FANS[shape]
    candidates = _glorot_candidates(shape)
    z = _z(4, rate)
    beyond = s["above"][THRESHOLDS.index(1.0 + EDGE)]
    if beyond:
        _fail(f"{name}: {beyond} of {n} values lie beyond ±{fmt(limit)}, the limit sqrt(6 / (fan_in + fan_out)) for "
              f"the fans {fans}; the largest |value| is {fmt(s['max_abs'])}.", s, candidates)
    want, bound = limit**2 / 3, z * limit**2 * math.sqrt(UNIFORM[4] - UNIFORM[2] ** 2) / math.sqrt(n)
    if abs(s["var"] - want) > bound:
        _fail(f"{name}: the values have variance {fmt(s['var'])}; U(-limit, limit) with the limit {fmt(limit)} has "
              f"variance limit² / 3 = {fmt(want)} (± {fmt(bound)}).", s, candidates)
    delta = -math.log(rate / 4) / n
    if s["max_abs"] < limit * (1 - delta):
        _fail(f"{name}: the largest |value| is {fmt(s['max_abs'])}, short of the limit {fmt(limit)}: {n} values of "
              f"U(-limit, limit) come within {fmt(delta * limit)} of it.", s, candidates)
    inner = 1.0 - s["above"][THRESHOLDS.index(0.5)] / n
    bound = z * 0.5 / math.sqrt(n)
    if abs(inner - 0.5) > bound:
        _fail(f"{name}: {fmt(inner)} of the values lie within half the limit; a uniform draw puts 0.5 (± {fmt(bound)}) "
              "there.", s, candidates)
    _mean(s, name, limit / math.sqrt(3), n, z, candidates)


def judge_he_spread(s: dict, shape: tuple[int, ...], name: str, rate: float = FALSE_FAIL_RATE) -> None:
    """Two bounds share ``rate``: the variance 2 / fan_in (standard error from the kurtosis of the normal
    truncated at 2) and the mean 0, z = _z(2, rate)."""
    n = _basics(s, shape, name)
    fan_in = FANS[shape][0]
    sigma = math.sqrt(2.0 / fan_in)
    candidates = _he_candidates(shape)
    z = _z(2, rate)
    bound = z * sigma**2 * math.sqrt(kurtosis(TRUNCATED) - 1) / math.sqrt(n)
    if abs(s["var"] - sigma**2) > bound:
        _fail(f"{name}: the values have standard deviation {fmt(math.sqrt(s['var']))} (variance {fmt(s['var'])}); He "
              f"normal gives sqrt(2 / fan_in) = {fmt(sigma)} for fan_in {fan_in} (variance {fmt(sigma**2)} ± "
              f"{fmt(bound)}).", s, candidates)
    _mean(s, name, sigma, n, z, candidates)


def _poisson_limit(mean: float, rate: float) -> int:
    """The smallest c with P(X > c) <= rate for X ~ Poisson(mean)."""
    term = cumulative = math.exp(-mean)
    c = 0
    while 1.0 - cumulative > rate:
        c += 1
        term *= mean / c
        cumulative += term
    return c


def judge_he_tail(s: dict, shape: tuple[int, ...], name: str, rate: float = FALSE_FAIL_RATE) -> None:
    """Nothing beyond 2 sigma' (exact). Two bounds share ``rate``: the count of values within EDGE of
    2 sigma' (Poisson, rate / 2; a clipped draw piles 4.6% there) and the kurtosis (delta method,
    z = _z(2, rate))."""
    n = _basics(s, shape, name)
    edge = 2 * scale("HeNormal", shape)
    candidates = _he_candidates(shape)
    beyond = s["above"][THRESHOLDS.index(2.0 + EDGE)]
    if beyond:
        _fail(f"{name}: {beyond} of {n} values lie beyond ±2 stddev = ±{fmt(edge)} (stddev sqrt(2 / fan_in) / 0.8796 "
              f"= {fmt(edge / 2)}), where a truncated normal has none; the largest |value| is {fmt(s['max_abs'])}.",
              s, candidates)
    density = 2 * math.exp(-2.0) / math.sqrt(2 * math.pi) / math.erf(2 / math.sqrt(2))  # of |z| at 2, truncated
    at_edge = s["above"][THRESHOLDS.index(2.0 - EDGE)] - beyond
    allowed = _poisson_limit(n * density * 2 * EDGE, rate / 2)
    if at_edge > allowed:
        _fail(f"{name}: {at_edge} of {n} values sit at ±2 stddev = ±{fmt(edge)}; a truncated normal puts at most "
              f"{allowed} there.", s, candidates)
    want = kurtosis(TRUNCATED)
    z = _z(2, rate)
    bound = z * kurtosis_spread(TRUNCATED) / math.sqrt(n)
    # The sample kurtosis is skewed to the right (skewness about 4.7 / sqrt(n), measured on 2.6e5 samples of
    # 500 and 2000 values): the upper bound is widened by Cornish-Fisher, z + g (z² - 1) / 6 with g = 6 / sqrt(n).
    upper = (z + 6.0 / math.sqrt(n) * (z * z - 1) / 6) * kurtosis_spread(TRUNCATED) / math.sqrt(n)
    got = _sample_kurtosis(s)
    if not -bound <= got - want <= upper:
        _fail(f"{name}: the kurtosis of the values is {fmt(got)}; a normal truncated at 2 stddev has {fmt(want)} "
              f"(± {fmt(bound)}), an untruncated normal 3.", s, candidates)


def _inert(kind: str):
    def verdict(core: dict) -> str | None:
        if core.get("finite") and core.get("distinct") == 1:
            return (f"{kind} returns one value everywhere ({fmt(core['mean'])}): nothing is drawn yet, so none of its "
                    "checks count.")
        return None

    return verdict


def judge_seed(s: dict, kind: str) -> None:
    if not s["same"]:
        raise Fail(f"Two calls of one {who(kind, SEED_SHAPE)} instance returned different values: with an int seed "
                   f"every call returns the same values, as Keras's initializers do. {NEW_PER_CALL_TEXT}",
                   mistake=Mistake(NEW_PER_CALL_TEXT, cause=NEW_PER_CALL))


# ------------------------------------------------------------------------------------------ GlorotUniform
glorot = register(CheckSet("GlorotUniform", core="draw", inert=_inert("GlorotUniform")))


@glorot.add("compute_fans of a Dense and a Conv2D kernel", 2, "fans", public=True)
def glorot_fans(obs: dict, ref: dict) -> None:
    judge_fans(obs["fans"]["cases"], ref["fans"]["cases"])


@glorot.add("a Dense kernel: values ~ U(-limit, limit), limit = sqrt(6 / (fan_in + fan_out))", 3, "draw", public=True)
def glorot_draw(obs: dict, ref: dict) -> None:
    judge_glorot(obs["draw"], DENSE, who("GlorotUniform", DENSE))


@glorot.add("an int seed gives the same values on every call", 1, "seed", public=True)
def glorot_seed(obs: dict, ref: dict) -> None:
    judge_seed(obs["seed"], "GlorotUniform")


# ---------------------------------------------------------------------------------------------- HeNormal
he = register(CheckSet("HeNormal", core="draw", inert=_inert("HeNormal")))


@he.add("a Dense kernel: standard deviation sqrt(2 / fan_in), mean 0", 2, "draw", public=True)
def he_spread(obs: dict, ref: dict) -> None:
    judge_he_spread(obs["draw"], DENSE, who("HeNormal", DENSE))


@he.add("a Dense kernel: truncated at 2 stddev (nothing beyond, a truncated normal's kurtosis)", 2, "draw",
        public=True)
def he_tail(obs: dict, ref: dict) -> None:
    judge_he_tail(obs["draw"], DENSE, who("HeNormal", DENSE))


@he.add("an int seed gives the same values on every call", 1, "seed", public=True)
def he_seed(obs: dict, ref: dict) -> None:
    judge_seed(obs["seed"], "HeNormal")


# BEGIN HIDDEN
def judge_seeds(s: dict, kind: str) -> None:
    if not s["same"]:
        raise Fail(f"Two instances {who(kind, SEED_SHAPE)} returned different values: one int seed must give the same "
                   "values. Draw with seed=self.seed, the int given to __init__, not a seed of the instance's own.",
                   mistake=Mistake("the seed given is not the one that draws", cause=SEED_NOT_USED))
    if not s["other_differs"]:
        raise Fail(f"{who(kind, SEED_SHAPE)} and {who(kind, SEED_SHAPE, OTHER_SEED)} returned the same values: the "
                   "seed is ignored (a fixed seed draws them). Pass seed=self.seed.",
                   mistake=Mistake("the seed is ignored", cause=SEED_IGNORED))


def judge_float64(s: dict, kind: str, judge) -> None:
    name = f"{kind}(seed={SEED})" + "(" + ", ".join((str(FLOAT64_SHAPE), "dtype='float64'")) + ")"
    if s["dtype"] != "float64":
        raise Fail(f"{name} returned {s['dtype']} values: pass `dtype` on to keras.random.",
                   mistake=Mistake("dtype not passed on", cause=DTYPE_IGNORED))
    if s["default_dtype"] != "float32":
        raise Fail(f"{who(kind, FLOAT64_SHAPE)} without a dtype returned {s['default_dtype']} values; expected float32, "
                   "Keras's default (dtype=None).")
    judge(s, FLOAT64_SHAPE, name)


def judge_config(s: dict, kind: str) -> None:
    config = s["config"]
    if not isinstance(config, dict) or config.get("seed") != OTHER_SEED:
        raise Fail(f"{kind}(seed={OTHER_SEED}).get_config() is {config!r}; expected the seed there, "
                   f"{{'seed': {OTHER_SEED}}}.", mistake=Mistake("get_config without the seed", cause=CONFIG_NO_SEED))
    if not s["same"]:
        raise Fail(f"{kind}.from_config(get_config()) draws other values than the {kind}(seed={OTHER_SEED}) it came "
                   "from, although the config holds the seed: the seed given is not the one that draws.",
                   mistake=Mistake("the seed given is not the one that draws", cause=SEED_NOT_USED))


def judge_dense(s: dict, kind: str, judge) -> None:
    judge(s, MODEL_SHAPE, "Dense(" + ", ".join((str(MODEL_SHAPE[1]), f"kernel_initializer={kind}(seed={SEED})")) + ").kernel")
    saved = _need(s["saved"], "Saving the model as .keras and loading it back")
    assert_close(saved["loaded_y"], saved["y"], "The output of the model loaded from .keras")
    if not saved["same_class"] or saved["seed"] != SEED:
        raise Fail(f"After .keras save and load, the Dense layer's kernel_initializer is a {saved['initializer']} with "
                   f"seed {saved['seed']!r}; expected {kind} with seed {SEED}: keep the "
                   "@keras.saving.register_keras_serializable decorator and the seed in get_config.")


def _he_both(s: dict, shape: tuple[int, ...], name: str, rate: float = FALSE_FAIL_RATE) -> None:
    """Both judges of He normal, sharing ``rate`` half and half."""
    judge_he_spread(s, shape, name, rate / 2)
    judge_he_tail(s, shape, name, rate / 2)


@glorot.add("compute_fans of 0-d, 1-d, Conv1D, Conv3D and 1x1 kernels, as two ints", 1, "fans_more")
def glorot_fans_more(obs: dict, ref: dict) -> None:
    judge_fans(obs["fans_more"]["cases"], ref["fans_more"]["cases"])


@glorot.add("a Conv2D kernel: both fans include the receptive field", 2, "conv")
def glorot_conv(obs: dict, ref: dict) -> None:
    judge_glorot(obs["conv"], CONV2D, who("GlorotUniform", CONV2D))


@glorot.add("dtype='float64' gives float64 values", 1, "float64")
def glorot_float64(obs: dict, ref: dict) -> None:
    judge_float64(obs["float64"], "GlorotUniform", judge_glorot)


@glorot.add("two instances with one seed agree; another seed differs", 1, "seeds")
def glorot_seeds(obs: dict, ref: dict) -> None:
    judge_seeds(obs["seeds"], "GlorotUniform")


@glorot.add("get_config / from_config keeps the seed", 1, "config")
def glorot_config(obs: dict, ref: dict) -> None:
    judge_config(obs["config"], "GlorotUniform")


@glorot.add("works as a Dense kernel_initializer, also after .keras save and load", 1, "dense")
def glorot_dense(obs: dict, ref: dict) -> None:
    judge_dense(obs["dense"], "GlorotUniform", judge_glorot)


@he.add("a Conv2D kernel: fan_in includes the receptive field", 2, "conv")
def he_conv(obs: dict, ref: dict) -> None:
    _he_both(obs["conv"], CONV2D, who("HeNormal", CONV2D))


@he.add("Conv1D and Conv3D kernels", 1, "conv_more")
def he_conv_more(obs: dict, ref: dict) -> None:
    for case, shape in zip(obs["conv_more"]["cases"], (CONV1D, CONV3D)):  # two draws share the rate
        name = who("HeNormal", shape)
        _he_both(_need(case, name), shape, name, FALSE_FAIL_RATE / 2)


@he.add("dtype='float64' gives float64 values", 1, "float64")
def he_float64(obs: dict, ref: dict) -> None:
    judge_float64(obs["float64"], "HeNormal", _he_both)


@he.add("two instances with one seed agree; another seed differs", 1, "seeds")
def he_seeds(obs: dict, ref: dict) -> None:
    judge_seeds(obs["seeds"], "HeNormal")


@he.add("get_config / from_config keeps the seed", 1, "config")
def he_config(obs: dict, ref: dict) -> None:
    judge_config(obs["config"], "HeNormal")


@he.add("works as a Dense kernel_initializer, also after .keras save and load", 1, "dense")
def he_dense(obs: dict, ref: dict) -> None:
    judge_dense(obs["dense"], "HeNormal", _he_both)
# END HIDDEN
