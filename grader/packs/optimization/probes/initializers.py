"""Probes of compute_fans, GlorotUniform and HeNormal.

compute_fans (a function of the same file, reached through ctx.module) is observed exactly on shapes of
every rank. The draws are observed on large kernels and summed up as numbers (moments, the largest
magnitude, and how many values lie beyond fixed multiples of the scale the docstring gives): the checks
judge them by statistics, so any correct way of drawing passes, not only Keras's own stream. The seed is
observed by comparing whole arrays inside the worker.
"""

from __future__ import annotations

import math

import numpy as np

from grader.probes import ProbeContext, ProbeFailure, ProbeSet, register
from grader.probes.tensors import to_numpy

SEED = 1234
DENSE = (300, 200)  # a Dense kernel: fans (300, 200), 60000 values
SEED_SHAPE = (20, 30)
FAN_SHAPES = ((300, 200), (3, 3, 16, 32))  # a Dense kernel and the docstring's Conv2D kernel
FANS = {DENSE: (300, 200)}  # the fans of the kernels drawn by the public probes, for the scale of the summary
HE_CORRECTION = 0.87962566103423978
# |w| / scale is counted above each of these: Glorot's scale is the limit (nothing above 1, half the values
# below 0.5), He's is the stddev before truncation (nothing above 2). The 1e-5 margins absorb float32 rounding.
THRESHOLDS = (0.5, 1.0 - 1e-5, 1.0 + 1e-5, 2.0 - 1e-5, 2.0 + 1e-5)
# BEGIN HIDDEN
OTHER_SEED = 4321
CONV2D = (3, 3, 32, 64)  # fans (288, 576): without the receptive field (32, 64)
CONV1D = (5, 40, 60)  # fans (200, 300)
CONV3D = (3, 3, 3, 16, 32)  # fans (432, 864)
FAN_SHAPES_MORE = ((), (7,), (5, 40, 60), (3, 3, 3, 8, 16), (1, 1, 12, 10))
FLOAT64_SHAPE = (200, 150)  # fans (200, 150)
MODEL_SHAPE = (120, 100)  # Dense(100) on 120 features
FANS.update({CONV2D: (288, 576), CONV1D: (200, 300), CONV3D: (432, 864), FLOAT64_SHAPE: (200, 150),
             MODEL_SHAPE: (120, 100)})
# END HIDDEN


def scale(kind: str, shape: tuple[int, ...]) -> float:
    """Glorot: the limit; He: the stddev of the normal before truncation (as the docstrings say)."""
    fan_in, fan_out = FANS[shape]
    if kind == "GlorotUniform":
        return math.sqrt(6.0 / (fan_in + fan_out))
    return math.sqrt(2.0 / fan_in) / HE_CORRECTION


def summary(values: np.ndarray, unit: float) -> dict:
    """What the statistics need of a draw (never the values themselves)."""
    w = np.asarray(values, dtype=np.float64).reshape(-1)
    finite = w[np.isfinite(w)]
    out = {"shape": [int(d) for d in np.shape(values)], "dtype": str(np.asarray(values).dtype), "size": int(w.size),
           "finite": int(finite.size), "unit": unit, "distinct": int(np.unique(finite).size)}
    if not finite.size:
        return {**out, "mean": 0.0, "var": 0.0, "m4": 0.0, "max_abs": 0.0, "above": [0] * len(THRESHOLDS)}
    centered = finite - finite.mean()
    magnitude = np.abs(finite) / unit
    return {**out, "mean": float(finite.mean()), "var": float(np.mean(centered**2)),
            "m4": float(np.mean(centered**4)), "max_abs": float(np.max(np.abs(finite))),
            "above": [int(np.sum(magnitude > t)) for t in THRESHOLDS]}


def _draw(ctx: ProbeContext, kind: str, shape: tuple[int, ...], seed: int = SEED, **kwargs) -> np.ndarray:
    initializer = ctx.cls(seed=seed)
    values = to_numpy(initializer(shape, **kwargs), f"{kind}(seed={seed})({shape})")
    if tuple(values.shape) != tuple(shape):
        raise ProbeFailure(f"{kind}(seed={seed})({shape}) returned shape {tuple(values.shape)}: return a tensor of the "
                           "shape asked for")
    return values


def _drawn(ctx: ProbeContext, kind: str, shape: tuple[int, ...]) -> dict:
    return summary(_draw(ctx, kind, shape), scale(kind, shape))


def _attempt(ctx: ProbeContext, observe) -> dict:
    """One sub-case's observations, or the error the student's code raised in it."""
    try:
        return observe()
    except Exception as exc:  # noqa: BLE001 - the error is the observation
        return {"error": ctx.explain(exc)}


def fan_pair(result) -> dict:
    """compute_fans's return value as plain data: the two numbers and whether they are ints."""
    kind = type(result).__name__
    try:
        items = list(result)
    except TypeError:
        return {"kind": kind, "pair": None, "ints": False}
    if len(items) != 2:
        return {"kind": kind, "pair": None, "ints": False, "length": len(items)}
    try:
        pair = [float(np.asarray(v)) for v in items]
    except (TypeError, ValueError):
        return {"kind": kind, "pair": None, "ints": False}
    ints = all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in items)
    return {"kind": kind, "pair": pair, "ints": ints, "types": [type(v).__name__ for v in items]}


def _fans(ctx: ProbeContext, shapes) -> dict:
    compute_fans = getattr(ctx.module, "compute_fans", None)
    if not callable(compute_fans):
        raise ProbeFailure("initializers.py has no function compute_fans: keep the function of the skeleton, with its "
                           "name")
    return {"cases": [{"shape": list(shape), **_attempt(ctx, lambda s=shape: fan_pair(compute_fans(s)))}
                      for shape in shapes]}


def _seed(ctx: ProbeContext, kind: str) -> dict:
    """Two calls of one instance with an int seed."""
    initializer = ctx.cls(seed=SEED)
    first = to_numpy(initializer(SEED_SHAPE), f"{kind}(seed={SEED})({SEED_SHAPE})")
    second = to_numpy(initializer(SEED_SHAPE), f"{kind}(seed={SEED})({SEED_SHAPE})")
    return {"same": bool(first.shape == second.shape and np.array_equal(first, second)),
            "distinct": int(np.unique(first).size), "size": int(first.size)}


# ------------------------------------------------------------------------------------------ GlorotUniform
glorot = register(ProbeSet("GlorotUniform"))


@glorot.add("draw")
def glorot_draw(ctx: ProbeContext) -> dict:
    return _drawn(ctx, "GlorotUniform", DENSE)


@glorot.add("fans")
def glorot_fans(ctx: ProbeContext) -> dict:
    return _fans(ctx, FAN_SHAPES)


@glorot.add("seed")
def glorot_seed(ctx: ProbeContext) -> dict:
    return _seed(ctx, "GlorotUniform")


# ---------------------------------------------------------------------------------------------- HeNormal
he = register(ProbeSet("HeNormal"))


@he.add("draw")
def he_draw(ctx: ProbeContext) -> dict:
    return _drawn(ctx, "HeNormal", DENSE)


@he.add("seed")
def he_seed(ctx: ProbeContext) -> dict:
    return _seed(ctx, "HeNormal")


# BEGIN HIDDEN
def _seeds(ctx: ProbeContext, kind: str) -> dict:
    """Two instances with the same seed, and one with another seed."""
    first = _draw(ctx, kind, SEED_SHAPE)
    again = _draw(ctx, kind, SEED_SHAPE)
    other = _draw(ctx, kind, SEED_SHAPE, seed=OTHER_SEED)
    return {"same": bool(np.array_equal(first, again)), "other_differs": not np.array_equal(first, other)}


def _float64(ctx: ProbeContext, kind: str) -> dict:
    values = _draw(ctx, kind, FLOAT64_SHAPE, dtype="float64")
    default = _draw(ctx, kind, FLOAT64_SHAPE)
    return {**summary(values, scale(kind, FLOAT64_SHAPE)), "default_dtype": str(default.dtype)}


def _plain(value):
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (np.integer, np.floating)):
        return value.item()
    return repr(value)


def _config(ctx: ProbeContext, kind: str) -> dict:
    initializer = ctx.cls(seed=OTHER_SEED)
    config = initializer.get_config()
    if not isinstance(config, dict):
        raise ProbeFailure(f"{kind}.get_config returned a {type(config).__name__} instead of a dict")
    clone = ctx.cls.from_config(config)
    want = to_numpy(initializer(SEED_SHAPE), f"{kind}(seed={OTHER_SEED})({SEED_SHAPE})")
    got = to_numpy(clone(SEED_SHAPE), f"{kind}.from_config(config)({SEED_SHAPE})")
    return {"config": _plain(config), "same": bool(got.shape == want.shape and np.array_equal(got, want))}


def _dense(ctx: ProbeContext, kind: str) -> dict:
    """The initializer as a Dense layer's kernel_initializer, then the model saved and loaded as .keras."""
    keras = ctx.keras
    layer = keras.layers.Dense(MODEL_SHAPE[1], kernel_initializer=ctx.cls(seed=SEED))
    model = keras.Sequential([keras.Input((MODEL_SHAPE[0],)), layer])
    kernel = to_numpy(layer.kernel, "the Dense kernel")
    direct = _draw(ctx, kind, MODEL_SHAPE)
    x = ctx.rng.normal(0.0, 1.0, (4, MODEL_SHAPE[0])).astype(np.float32)
    y = to_numpy(model(x), "the model's output")
    out = {**summary(kernel, scale(kind, MODEL_SHAPE)), "as_direct": bool(np.array_equal(kernel, direct))}

    def saved() -> dict:
        path = ctx.scratch / f"{kind}_dense.keras"
        model.save(path)
        loaded = keras.saving.load_model(path)
        restored = loaded.layers[-1].kernel_initializer
        return {"y": y, "loaded_y": to_numpy(loaded(x), "the loaded model's output"),
                "initializer": type(restored).__name__, "same_class": type(restored) is ctx.cls,
                "seed": _plain(getattr(restored, "seed", None))}

    return {**out, "saved": _attempt(ctx, saved)}


@glorot.add("fans_more")
def glorot_fans_more(ctx: ProbeContext) -> dict:
    return _fans(ctx, FAN_SHAPES_MORE)


@glorot.add("conv")
def glorot_conv(ctx: ProbeContext) -> dict:
    return _drawn(ctx, "GlorotUniform", CONV2D)


@glorot.add("float64")
def glorot_float64(ctx: ProbeContext) -> dict:
    return _float64(ctx, "GlorotUniform")


@glorot.add("seeds")
def glorot_seeds(ctx: ProbeContext) -> dict:
    return _seeds(ctx, "GlorotUniform")


@glorot.add("config")
def glorot_config(ctx: ProbeContext) -> dict:
    return _config(ctx, "GlorotUniform")


@glorot.add("dense")
def glorot_dense(ctx: ProbeContext) -> dict:
    return _dense(ctx, "GlorotUniform")


@he.add("conv")
def he_conv(ctx: ProbeContext) -> dict:
    return _drawn(ctx, "HeNormal", CONV2D)


@he.add("conv_more")
def he_conv_more(ctx: ProbeContext) -> dict:
    return {"cases": [{"shape": list(shape), **_attempt(ctx, lambda s=shape: _drawn(ctx, "HeNormal", s))}
                      for shape in (CONV1D, CONV3D)]}


@he.add("float64")
def he_float64(ctx: ProbeContext) -> dict:
    return _float64(ctx, "HeNormal")


@he.add("seeds")
def he_seeds(ctx: ProbeContext) -> dict:
    return _seeds(ctx, "HeNormal")


@he.add("config")
def he_config(ctx: ProbeContext) -> dict:
    return _config(ctx, "HeNormal")


@he.add("dense")
def he_dense(ctx: ProbeContext) -> dict:
    return _dense(ctx, "HeNormal")
# END HIDDEN
