"""Probes of GaussianNoise."""

from __future__ import annotations

import numpy as np

from grader.probes import ProbeContext, ProbeSet, register
from grader.probes.contract import add_contract_probes
from grader.packs.regularization.probes.arguments import contract_arguments
from grader.probes.tensors import gradient, seeded_runs, to_numpy
# BEGIN HIDDEN
from grader.probes.grid import DTYPES, MODES_AND_FROZEN, Space, add_grid_probe, attempt, call_in_mode, factor
# END HIDDEN

STDDEV = 0.3
SAMPLE_SHAPE = (100, 100)
LARGE_SCALE = 100.0  # inputs this much larger must get the same noise

probes = register(ProbeSet("GaussianNoise"))


def _f32(array: np.ndarray) -> np.ndarray:
    return array.astype(np.float32)


@probes.add("inference")
def inference(ctx: ProbeContext) -> dict:
    x = _f32(ctx.rng.normal(0, 1, (20, 8)))
    layer = ctx.cls(stddev=STDDEV)
    t = ctx.tf.constant(x)
    return {
        "x": x,
        "training_false": to_numpy(layer(t, training=False), "GaussianNoise.call(training=False)"),
        "omitted": to_numpy(layer(t), "GaussianNoise.call without `training`"),
    }


@probes.add("training")
def training(ctx: ProbeContext) -> dict:
    x = _f32(ctx.rng.normal(0, 1, SAMPLE_SHAPE))
    layer = ctx.cls(stddev=STDDEV)
    small = to_numpy(layer(ctx.tf.constant(x), training=True), "GaussianNoise.call(training=True)")
    big_x = _f32(x * LARGE_SCALE)
    big = to_numpy(layer(ctx.tf.constant(big_x), training=True), "GaussianNoise.call(training=True)")
    zeros = to_numpy(layer(ctx.tf.zeros(SAMPLE_SHAPE), training=True), "GaussianNoise.call(training=True)")
    return {"x": x, "noise": small.astype(np.float64) - x, "noise_large_x": big.astype(np.float64) - big_x,
            "noise_zero_x": zeros}


# BEGIN HIDDEN
@probes.add("gradient")
def grad(ctx: ProbeContext) -> dict:
    x = _f32(ctx.rng.normal(0, 1, (30, 20)))
    g = _f32(ctx.rng.normal(0, 1, (30, 20)))
    layer = ctx.cls(stddev=STDDEV)
    t = ctx.tf.constant(x)
    with ctx.tf.GradientTape() as tape:
        tape.watch(t)
        y = layer(t, training=True)
    return {"g": g, **gradient(ctx, tape, y, {"x": t}, g)}


@probes.add("fresh")
def fresh(ctx: ProbeContext) -> dict:
    layer = ctx.cls(stddev=STDDEV)
    t = ctx.tf.zeros((40, 50))
    eager = [to_numpy(layer(t, training=True), "GaussianNoise.call") for _ in range(2)]
    traced = ctx.tf.function(lambda v: layer(v, training=True))
    graph = [to_numpy(traced(t), "GaussianNoise.call inside tf.function") for _ in range(2)]
    return {"eager": eager, "graph": graph}


SEED = 1234


@probes.add("seed")
def seed(ctx: ProbeContext) -> dict:
    return {"runs": seeded_runs(lambda: ctx.cls(stddev=STDDEV, seed=SEED), ctx.tf.zeros((30, 40)),
                                f"GaussianNoise(seed={SEED}).call")}
# END HIDDEN



# BEGIN HIDDEN
# The declared space: ranks, dtypes, two stddevs, and inputs of zero, unit and large size. About 6000 units each.
GRID = Space((
    factor("input", ("shape (120, 50)", (120, 50)), ("shape (20, 10, 30)", (20, 10, 30)),
           ("shape (6, 5, 4, 50)", (6, 5, 4, 50))),
    DTYPES,
    factor("stddev", ("stddev=0.3", 0.3), ("stddev=0.7", 0.7)),  # Keras accepts stddev in [0, 1] only
    factor("data", ("N(0, 1)", 1.0), ("all zeros", 0.0), ("magnitude 100", 100.0)),
    MODES_AND_FROZEN,  # a frozen random layer still works in training: trainable has no say
))


def _grid_case(ctx: ProbeContext, values: dict, rng: np.random.Generator) -> dict:
    shape, dtype, stddev = values["input"], values["dtype"], values["stddev"]
    x = (values["data"] * rng.normal(0.0, 1.0, shape)).astype(dtype)
    g = rng.normal(0.0, 1.0, shape).astype(dtype)
    layer = ctx.cls(stddev=stddev, dtype=dtype)
    t = ctx.tf.constant(x)
    case = {"x": x, "g": g, "stddev": stddev}

    def train() -> dict:
        with ctx.tf.GradientTape() as tape:
            tape.watch(t)
            y = layer(t, training=True)
        out = to_numpy(y, "GaussianNoise.call(training=True)")
        return {"y": out, "dtype": str(out.dtype), **gradient(ctx, tape, y, {"x": t}, g)}

    def mode() -> dict:
        out = call_in_mode(layer, t, values["mode"], "GaussianNoise")
        return {"y": out, "dtype": str(out.dtype)}

    case["train"] = attempt(ctx, train)
    case["mode"] = attempt(ctx, mode)
    return case


add_grid_probe(probes, "grid", GRID, _grid_case)
# END HIDDEN


add_contract_probes(probes, *contract_arguments(probes.exercise))
